package dev.secretagent.runtime.thread;

/**
 * Whether the current thread is a virtual thread, from Java 11 code: one {@code isInstance} test against the class
 * the JDK's virtual threads share, looked up once ({@code java.lang.BaseVirtualThread} on JDK 21+, else
 * {@code java.lang.VirtualThread}; neither exists before JDK 19, and then no thread is virtual).
 *
 * <p>Why it matters: per-thread state kept in a {@code ThreadLocal} costs a platform thread once, but a virtual
 * thread is created per task, and an application runs thousands of them at once. The agent's per-call state is
 * dropped when the call ends ({@link CallState}), and the hook marks of a virtual thread stay few.
 * {@code Class.isInstance} on a constant class is a JIT intrinsic (a load and a compare): the platform-thread hot
 * path pays that and nothing else.
 */
public final class VirtualThreads {
    private static final Class<?> VIRTUAL = find("java.lang.BaseVirtualThread", "java.lang.VirtualThread");

    private VirtualThreads() {
    }

    /** True when the calling thread is a virtual thread. */
    public static boolean current() {
        return VIRTUAL != null && VIRTUAL.isInstance(Thread.currentThread());
    }

    /** True when this JVM has virtual threads at all (JDK 19+). */
    public static boolean supported() {
        return VIRTUAL != null;
    }

    private static Class<?> find(String... names) {
        for (String name : names) {
            try {
                return Class.forName(name, false, null);
            } catch (Throwable absent) {
                // older JDK: try the next name, and without any, no thread is virtual
            }
        }
        return null;
    }
}
