package dev.secretagent.agent.instrument.process;

import dev.secretagent.agent.instrument.TargetInstrumentation;
import net.bytebuddy.agent.builder.AgentBuilder;

import static net.bytebuddy.matcher.ElementMatchers.isPrivate;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

/** What child processes inherit: ProcessBuilder's environment, filtered by the policy at start. */
public final class ProcessInstrumentation implements TargetInstrumentation {
    @Override
    public String name() {
        return "process";
    }

    @Override
    public String[] classNamePrefixes() {
        return new String[] {"java.lang.ProcessBuilder"};
    }

    @Override
    public AgentBuilder apply(AgentBuilder builder) {
        return builder.type(named("java.lang.ProcessBuilder"))
                .transform(new AgentBuilder.Transformer.ForAdvice()
                        .advice(named("start").and(isPrivate()).and(takesArguments(1)),
                                ProcessStartAdvice.class.getName())
                        .include(ClassLoader.getSystemClassLoader()));
    }
}
