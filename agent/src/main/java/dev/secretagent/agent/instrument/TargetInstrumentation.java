package dev.secretagent.agent.instrument;

import net.bytebuddy.agent.builder.AgentBuilder;

/**
 * One instrumented target (a framework, a JDK class). Implementations live in their own folder
 * ({@code instrument/<target>/}), stay thin (find the text or value at the framework's boundary and
 * hand it to one static door in runtime) and name the package prefixes they touch, so the
 * installer can ignore every other class without looking at it.
 */
public interface TargetInstrumentation {
    /** Short name used in {@code instrument.disabled} and in the start-up line, e.g. {@code logback}. */
    String name();

    /** Class-name prefixes this target may transform; everything else is ignored by default. */
    String[] classNamePrefixes();

    /** Adds this target's type matchers and advice to the shared builder. */
    AgentBuilder apply(AgentBuilder builder);
}
