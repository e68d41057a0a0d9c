package dev.secretagent.runtime.thread;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Scratch arrays: one per platform thread; borrowed from a bounded pool by virtual threads, never held by two. */
class ScratchPoolTest {
    /** A pool of 16-int arrays that counts the arrays it made. */
    private static final class Counting extends ScratchPool<int[]> {
        final AtomicInteger created = new AtomicInteger();

        Counting(int slots) {
            super(slots);
        }

        Counting() {
            super();
        }

        @Override
        protected int[] create() {
            created.incrementAndGet();
            return new int[16];
        }
    }

    /**
     * Fills the array with this thread's mark, then checks no other thread wrote it while it was held. With
     * {@code yield}, a platform thread gives its core away in between (a virtual thread would unmount: the scans the
     * pool serves never do).
     */
    private static boolean holdAlone(int[] a, int mark, boolean yield) {
        for (int round = 0; round < 20; round++) {
            for (int i = 0; i < a.length; i++) {
                a[i] = mark;
            }
            if (yield) {
                Thread.yield();
            }
            for (int v : a) {
                if (v != mark) {
                    return false;
                }
            }
        }
        return true;
    }

    @Test
    void aPlatformThreadKeepsItsOwnArrayAndNeverPoolsIt() {
        Counting pool = new Counting(4);
        int[] first = pool.borrow();
        pool.giveBack(first);
        int[] second = pool.borrow();
        pool.giveBack(second);
        assertThat(second).isSameAs(first);
        assertThat(pool.created.get()).isEqualTo(1);
        assertThat(pool.pooled()).isZero();
    }

    @Test
    void takeAndPutAreBoundedAndHandOutAnArrayOnce() {
        Counting pool = new Counting(2);
        int[] a = pool.take();
        int[] b = pool.take();
        int[] c = pool.take();
        assertThat(pool.created.get()).isEqualTo(3); // empty pool: each borrower gets a new one
        pool.put(a);
        pool.put(b);
        pool.put(c); // full: dropped
        assertThat(pool.pooled()).isEqualTo(2);
        int[] x = pool.take();
        int[] y = pool.take();
        assertThat(x).isNotSameAs(y).isIn(a, b);
        assertThat(y).isIn(a, b);
        assertThat(pool.pooled()).isZero();
    }

    @Test
    void concurrentBorrowersNeverShareAnArray() throws Exception {
        Counting pool = new Counting(3); // fewer slots than threads: contention, creation and dropping all happen
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger shared = new AtomicInteger();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            final int mark = t + 1;
            Thread w = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < 2_000; i++) {
                    int[] a = pool.take();
                    if (!holdAlone(a, mark, true)) {
                        shared.incrementAndGet();
                    }
                    pool.put(a);
                }
            });
            w.start();
            workers.add(w);
        }
        start.countDown();
        for (Thread w : workers) {
            w.join(TimeUnit.MINUTES.toMillis(2));
        }
        assertThat(shared.get()).isZero();
        assertThat(pool.pooled()).isBetween(1, 3);
    }

    @Test
    void tenThousandVirtualThreadsShareAFewArrays() throws Exception {
        Counting pool = new Counting();
        AtomicInteger shared = new AtomicInteger();
        int tasks = 10_000;
        ExecutorService vt = VirtualThreadsSupport.perTask();
        try {
            for (int i = 0; i < tasks; i++) {
                final int mark = i + 1;
                vt.submit(() -> {
                    int[] a = pool.borrow();
                    try {
                        if (!holdAlone(a, mark, false)) {
                            shared.incrementAndGet();
                        }
                    } finally {
                        pool.giveBack(a);
                    }
                });
            }
        } finally {
            VirtualThreadsSupport.awaitAll(vt);
        }
        assertThat(shared.get()).isZero();
        // an array is held only while its virtual thread runs on a carrier: no more than the slots were ever made
        int slots = Math.min(64, Math.max(4, 2 * Runtime.getRuntime().availableProcessors()));
        assertThat(pool.created.get()).isLessThanOrEqualTo(slots);
        assertThat(pool.pooled()).isEqualTo(pool.created.get());
    }

    @Test
    void theControlWithoutThePoolMakesOneArrayPerVirtualThread() throws Exception {
        AtomicInteger created = new AtomicInteger();
        ThreadLocal<int[]> perThread = ThreadLocal.withInitial(() -> {
            created.incrementAndGet();
            return new int[16];
        });
        ExecutorService vt = VirtualThreadsSupport.perTask();
        try {
            for (int i = 0; i < 1_000; i++) {
                vt.submit(() -> perThread.get()[0]++);
            }
        } finally {
            VirtualThreadsSupport.awaitAll(vt);
        }
        assertThat(created.get()).isEqualTo(1_000);
    }
}
