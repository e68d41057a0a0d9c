package dev.secretagent.agent.instrument.stdio;

import dev.secretagent.agent.instrument.TargetInstrumentation;
import dev.secretagent.runtime.redact.ConsoleStreams;
import net.bytebuddy.agent.builder.AgentBuilder;

import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

/** System.out/System.err: wrapped once at start, and again whenever the application calls setOut/setErr. */
public final class StdioInstrumentation implements TargetInstrumentation {
    @Override
    public String name() {
        return "stdio";
    }

    @Override
    public String[] classNamePrefixes() {
        return new String[] {"java.lang.System"};
    }

    @Override
    public AgentBuilder apply(AgentBuilder builder) {
        return builder.type(named("java.lang.System"))
                .transform(new AgentBuilder.Transformer.ForAdvice()
                        .advice(named("setOut").and(isStatic()).and(takesArguments(1)), SetOutAdvice.class.getName())
                        .advice(named("setErr").and(isStatic()).and(takesArguments(1)), SetErrAdvice.class.getName())
                        .include(ClassLoader.getSystemClassLoader()));
    }

    @Override
    public void afterInstall() {
        System.setOut(ConsoleStreams.wrap(System.out, "stdout"));
        System.setErr(ConsoleStreams.wrap(System.err, "stderr"));
    }
}
