package dev.secretagent.agent.instrument.env;

import dev.secretagent.agent.instrument.TargetInstrumentation;
import net.bytebuddy.agent.builder.AgentBuilder;

import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

/**
 * System.getenv(String), System.getenv(), System.getProperty(...) and System.getProperties(): every
 * read is handed to SecretAccess, which decides (secret name? caller? policy? audit line).
 */
public final class EnvInstrumentation implements TargetInstrumentation {
    @Override
    public String name() {
        return "env";
    }

    @Override
    public String[] classNamePrefixes() {
        return new String[] {"java.lang.System"};
    }

    @Override
    public AgentBuilder apply(AgentBuilder builder) {
        return builder.type(named("java.lang.System"))
                .transform(new AgentBuilder.Transformer.ForAdvice()
                        .advice(named("getenv").and(isStatic()).and(isPublic()).and(takesArguments(String.class)),
                                GetenvAdvice.class.getName())
                        .advice(named("getenv").and(isStatic()).and(isPublic()).and(takesArguments(0)),
                                GetenvMapAdvice.class.getName())
                        .advice(named("getProperty").and(isStatic()).and(isPublic()).and(takesArguments(String.class)),
                                GetPropertyAdvice.class.getName())
                        .advice(named("getProperty").and(isStatic()).and(isPublic())
                                        .and(takesArguments(String.class, String.class)),
                                GetPropertyAdvice.class.getName())
                        .advice(named("getProperties").and(isStatic()).and(isPublic()).and(takesArguments(0)),
                                GetPropertiesAdvice.class.getName())
                        .include(ClassLoader.getSystemClassLoader()));
    }
}
