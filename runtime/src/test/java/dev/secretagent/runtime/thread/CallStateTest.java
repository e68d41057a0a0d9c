package dev.secretagent.runtime.thread;

import org.junit.jupiter.api.Test;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A door's call state: kept by a platform thread, dropped by a virtual thread when its outermost call ends. */
class CallStateTest {
    /** A state whose instances are watched through weak references. */
    private static final class Watched extends CallState<int[]> {
        final List<WeakReference<int[]>> made = Collections.synchronizedList(new ArrayList<>());

        @Override
        protected int[] create() {
            int[] state = new int[64];
            made.add(new WeakReference<>(state));
            return state;
        }

        int alive() {
            int n = 0;
            synchronized (made) {
                for (WeakReference<int[]> r : made) {
                    n += r.get() != null ? 1 : 0;
                }
            }
            return n;
        }
    }

    @Test
    void aPlatformThreadKeepsItsStateForTheNextCall() {
        Watched state = new Watched();
        assertThat(state.peek()).isNull();
        int[] first = state.get();
        state.ended();
        assertThat(state.peek()).isSameAs(first);
        assertThat(state.get()).isSameAs(first);
    }

    @Test
    void parkedVirtualThreadsHoldNoStateOnceTheirCallEnded() throws Exception {
        Watched state = new Watched();
        int threads = 10_000;
        runParked(state, threads, true, () ->
                // every state made is unreachable while all 10,000 threads are still alive
                await().atMost(Duration.ofMinutes(1)).until(() -> {
                    System.gc();
                    return state.alive() == 0;
                }));
        assertThat(state.made).hasSize(threads);
    }

    @Test
    void theControlWithoutEndedKeepsOneStatePerParkedVirtualThread() throws Exception {
        Watched state = new Watched();
        int threads = 1_000;
        runParked(state, threads, false, () -> {
            System.gc();
            assertThat(state.alive()).isEqualTo(threads);
        });
    }

    @Test
    void aVirtualThreadKeepsOneStateWhileAnotherStateOfItsCallEnds() throws Exception {
        Watched event = new Watched();
        Watched marks = new Watched();
        AtomicInteger wrong = new AtomicInteger();
        ExecutorService vt = VirtualThreadsSupport.perTask();
        try {
            for (int i = 0; i < 100; i++) {
                vt.submit(() -> {
                    int[] mine = event.get();
                    int[] marked = marks.get();
                    event.ended(); // the door's call ended first: the marks' state must stay until its own end
                    if (event.peek() != null || marks.peek() != marked || marks.get() != marked) {
                        wrong.incrementAndGet();
                    }
                    marks.ended();
                    if (marks.peek() != null || event.peek() != null || event.get() == mine) {
                        wrong.incrementAndGet(); // a new call gets a new state
                    }
                    event.ended();
                    return null;
                });
            }
        } finally {
            VirtualThreadsSupport.awaitAll(vt);
        }
        assertThat(wrong.get()).isZero();
        await().atMost(Duration.ofMinutes(1)).until(() -> {
            System.gc();
            return event.alive() == 0 && marks.alive() == 0;
        });
    }

    /** Each virtual thread enters (and, if {@code end}, ends) a call, then parks until {@code check} has run. */
    private static void runParked(Watched state, int threads, boolean end, Check check) throws Exception {
        CountDownLatch called = new CountDownLatch(threads);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger wrong = new AtomicInteger();
        ExecutorService vt = VirtualThreadsSupport.perTask();
        try {
            for (int i = 0; i < threads; i++) {
                vt.submit(() -> {
                    state.get()[0]++;
                    if (state.get()[0] != 1) {
                        wrong.incrementAndGet(); // another thread's state
                    }
                    if (end) {
                        state.ended();
                        if (state.peek() != null) {
                            wrong.incrementAndGet();
                        }
                    }
                    called.countDown();
                    release.await();
                    return null;
                });
            }
            called.await();
            check.run();
        } finally {
            release.countDown();
            VirtualThreadsSupport.awaitAll(vt);
        }
        assertThat(wrong.get()).isZero();
    }

    private interface Check {
        void run() throws Exception;
    }
}
