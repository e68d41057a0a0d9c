package dev.secretagent.runtime.thread;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A door's per-thread state for the framework call in progress (the event being appended, a re-entrance depth), that
 * must follow the thread itself, not a carrier: a virtual thread can unmount in the middle of an appender call (a
 * lock, a blocking write) and go on on another carrier, and its state must go with it. So it stays a
 * {@code ThreadLocal}; what changes for a virtual thread is its lifetime: the state is dropped when the outermost
 * call ends ({@link #ended}), so a virtual thread that logs three lines and then waits holds nothing of the agent's.
 * A platform thread keeps its instance for the next call (no allocation per call).
 *
 * <p>Every state of a thread sits in one {@code ThreadLocal} entry, an array with a slot per {@code CallState}
 * (the Logback door's event, the hook marks, the JUL/Log4j 1.2 channel, the access guard's depth). Why: a virtual
 * thread starts every call with no entry, and a {@code ThreadLocal} miss is the expensive path (the entry made by
 * {@code setInitialValue}, the map's clean-up scan; a set and a remove after it): with an entry per state a Logback
 * line on a virtual thread paid two misses and two removes (the door's event, then the marks): 61 of 385 execution
 * samples of a 100,000-virtual-thread Logback run were in this class's get and peek. With one entry it pays one of each; the later states of the call find the entry.
 * The entry is removed when the thread's last state ends.
 *
 * @param <T> the state's type
 */
public abstract class CallState<T> {
    /** This thread's states, by {@link #slot}; on a virtual thread, present only while one of them is. */
    private static final ThreadLocal<Object[]> STATES = new ThreadLocal<Object[]>();
    private static final AtomicInteger SLOTS = new AtomicInteger();

    private final int slot = SLOTS.getAndIncrement();

    /** A new state, for a thread that starts a call. */
    protected abstract T create();

    /** This thread's state, created when it has none. */
    public final T get() {
        Object[] states = STATES.get();
        if (states == null || states.length <= slot) {
            states = states == null ? new Object[Math.max(4, slot + 1)] : Arrays.copyOf(states, slot + 1);
            STATES.set(states);
        }
        @SuppressWarnings("unchecked")
        T t = (T) states[slot];
        if (t == null) {
            t = create();
            states[slot] = t;
        }
        return t;
    }

    /** This thread's state, or null outside a call (a virtual thread is then left with no entry). */
    public final T peek() {
        Object[] states = STATES.get();
        if (states == null) {
            if (VirtualThreads.current()) {
                STATES.remove(); // ThreadLocal.get() leaves a null entry behind
            }
            return null;
        }
        @SuppressWarnings("unchecked")
        T t = slot < states.length ? (T) states[slot] : null;
        return t;
    }

    /**
     * The thread's outermost call ended: a virtual thread drops its state (and the entry with its last state), a
     * platform thread keeps it for reuse.
     */
    public final void ended() {
        if (!VirtualThreads.current()) {
            return;
        }
        Object[] states = STATES.get();
        if (states != null) {
            if (slot < states.length) {
                states[slot] = null;
            }
            for (Object other : states) {
                if (other != null) {
                    return; // another state's call is still in progress on this thread
                }
            }
        }
        STATES.remove();
    }
}
