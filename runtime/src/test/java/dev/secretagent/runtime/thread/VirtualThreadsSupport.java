package dev.secretagent.runtime.thread;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Virtual threads from tests compiled for Java 11: the JDK 21+ executor, looked up reflectively. */
public final class VirtualThreadsSupport {
    private VirtualThreadsSupport() {
    }

    /** A virtual-thread-per-task executor; the test is skipped on a JDK without virtual threads. */
    public static ExecutorService perTask() throws Exception {
        assumeTrue(VirtualThreads.supported(), "virtual threads need JDK 21+");
        return (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
    }

    /** Shuts the executor down and waits for its tasks. */
    public static void awaitAll(ExecutorService executor) throws InterruptedException {
        executor.shutdown();
        assertThat(executor.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
    }
}
