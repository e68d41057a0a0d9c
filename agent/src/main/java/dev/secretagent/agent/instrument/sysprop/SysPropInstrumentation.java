package dev.secretagent.agent.instrument.sysprop;

import dev.secretagent.agent.instrument.TargetInstrumentation;
import net.bytebuddy.agent.builder.AgentBuilder;

import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

/**
 * System.setProperty(name, value) with a secret-looking name: the value becomes a known secret before the
 * call returns (zero-config applied to properties set at run time; a changed value retires the old one).
 */
public final class SysPropInstrumentation implements TargetInstrumentation {
    @Override
    public String name() {
        return "sysprop";
    }

    @Override
    public String[] classNamePrefixes() {
        return new String[] {"java.lang.System"};
    }

    @Override
    public AgentBuilder apply(AgentBuilder builder) {
        return builder.type(named("java.lang.System"))
                .transform(new AgentBuilder.Transformer.ForAdvice()
                        .advice(named("setProperty").and(isStatic()).and(takesArguments(String.class, String.class)),
                                SetPropertyAdvice.class.getName())
                        .include(ClassLoader.getSystemClassLoader()));
    }
}
