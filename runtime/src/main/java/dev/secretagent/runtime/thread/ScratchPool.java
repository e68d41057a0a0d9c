package dev.secretagent.runtime.thread;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Scratch arrays for one call (a chunk of a long String's bytes, the notes of a scan pass): a platform thread keeps
 * its own in a {@code ThreadLocal}, as before; a virtual thread borrows one from a small shared pool and gives it
 * back when the call ends, so that 10,000 virtual threads do not each keep (or each allocate) a buffer.
 *
 * <p>The pool is lock-free and bounded: {@link #slots} references, each taken by a compare-and-set from the array to
 * null, so one array is never held by two threads at once; an array is put back only into an empty slot, and when
 * every slot is full it is dropped for the collector. When every slot is empty (more virtual threads scanning at
 * once than slots: only with more carriers than slots) the borrower allocates one. The scans that use it never
 * block, so a virtual thread holds an array only while it runs on a carrier: slots for twice the processors are
 * enough. Always pair {@link #borrow} with {@link #giveBack} in a finally block.
 *
 * @param <T> the array type
 */
public abstract class ScratchPool<T> {
    private final ThreadLocal<T> perThread = new ThreadLocal<T>() {
        @Override
        protected T initialValue() {
            return create();
        }
    };
    private final AtomicReferenceArray<T> slots;

    protected ScratchPool() {
        this(Math.min(64, Math.max(4, 2 * Runtime.getRuntime().availableProcessors())));
    }

    protected ScratchPool(int slots) {
        this.slots = new AtomicReferenceArray<T>(slots);
    }

    /** A new scratch array. */
    protected abstract T create();

    /** This call's scratch array: the thread's own on a platform thread, a pooled one on a virtual thread. */
    public final T borrow() {
        if (!VirtualThreads.current()) {
            return perThread.get();
        }
        return take();
    }

    /** Ends the call that borrowed {@code scratch}: a virtual thread's goes back to the pool. */
    public final void giveBack(T scratch) {
        if (scratch != null && VirtualThreads.current()) {
            put(scratch);
        }
    }

    /** A pooled array, or a new one when none is free. */
    final T take() {
        int n = slots.length();
        int start = start(n);
        for (int k = 0; k < n; k++) {
            int i = (start + k) % n;
            T t = slots.get(i);
            if (t != null && slots.compareAndSet(i, t, null)) {
                return t;
            }
        }
        return create();
    }

    /** Puts {@code t} into an empty slot; dropped when none is. */
    final void put(T t) {
        int n = slots.length();
        int start = start(n);
        for (int k = 0; k < n; k++) {
            int i = (start + k) % n;
            if (slots.get(i) == null && slots.compareAndSet(i, null, t)) {
                return;
            }
        }
    }

    /** Where a thread starts looking: spread by thread, so that carriers rarely contend for one slot. */
    private static int start(int n) {
        return (int) ((Thread.currentThread().getId() & 0x7FFFFFFF) % n);
    }

    /** Arrays in the pool now (tests). */
    final int pooled() {
        int c = 0;
        for (int i = 0; i < slots.length(); i++) {
            c += slots.get(i) != null ? 1 : 0;
        }
        return c;
    }
}
