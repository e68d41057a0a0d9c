package dev.secretagent.runtime.thread;

/**
 * A door's per-thread state for the framework call in progress (the event being appended, a re-entrance depth), that
 * must follow the thread itself, not a carrier: a virtual thread can unmount in the middle of an appender call (a
 * lock, a blocking write) and go on on another carrier, and its state must go with it. So it stays a
 * {@code ThreadLocal}; what changes for a virtual thread is its lifetime: the state is dropped when the outermost
 * call ends ({@link #ended}), so a virtual thread that logs three lines and then waits holds nothing of the agent's.
 * A platform thread keeps its instance for the next call (no allocation per call).
 *
 * @param <T> the state's type
 */
public abstract class CallState<T> {
    private final ThreadLocal<T> local = new ThreadLocal<T>();

    /** A new state, for a thread that starts a call. */
    protected abstract T create();

    /** This thread's state, created when it has none. */
    public final T get() {
        T t = local.get();
        if (t == null) {
            t = create();
            local.set(t);
        }
        return t;
    }

    /** This thread's state, or null outside a call (a virtual thread is then left with no entry). */
    public final T peek() {
        T t = local.get();
        if (t == null && VirtualThreads.current()) {
            local.remove(); // ThreadLocal.get() leaves a null entry behind
        }
        return t;
    }

    /** The thread's outermost call ended: a virtual thread drops its state, a platform thread keeps it for reuse. */
    public final void ended() {
        if (VirtualThreads.current()) {
            local.remove();
        }
    }
}
