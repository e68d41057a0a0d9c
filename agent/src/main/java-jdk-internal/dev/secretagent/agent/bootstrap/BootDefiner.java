package dev.secretagent.agent.bootstrap;

/**
 * Defines a class in the bootstrap class loader through {@code jdk.internal.misc.Unsafe}, called directly.
 *
 * <p>Why this class is compiled on its own (agent/pom.xml, with {@code --add-exports java.base/jdk.internal.misc})
 * instead of reaching the method by reflection: on JDK 18 and later the first {@code Method.invoke} of a method spins
 * method-handle code for it, which cost 15–20 ms of start-up on JDK 25 (timed in premain; with the class list that preceded
 * RuntimeInjector's bundle, a hello world's start-up median went from 187 to 160 ms). The package is exported to the agent at run time by {@link RuntimeInjector} before the first call; until
 * then the call would fail with an IllegalAccessError, which RuntimeInjector takes as "not available".
 */
final class BootDefiner {
    private BootDefiner() {
    }

    /** The class whose class file is {@code bytes[off, off + length)}. */
    static Class<?> define(String name, byte[] bytes, int off, int length) {
        return jdk.internal.misc.Unsafe.getUnsafe().defineClass(name, bytes, off, length, null, null);
    }
}
