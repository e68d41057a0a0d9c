package demo.logback;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * {@code threads} virtual threads (default 10,000), each logging three lines through Logback to a file in the
 * directory {@code out} (one line in a hundred carries the password); prints the wall time of the logging and the
 * process's RSS at the end. Needs JDK 21+ (the executor is looked up reflectively: this module compiles for 17).
 * With {@code raw}, one thread in a hundred also writes a line of its own, holding the password, straight into the
 * file appender's output stream (bytes no logging framework formatted, among the appender's lines in its buffer).
 * Args: out-dir [threads [raw]]
 */
public class VirtualThreadsApp {
    public static void main(String[] args) throws Exception {
        System.setProperty("out", args[0]);
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        boolean raw = args.length > 2 && args[2].equals("raw");
        System.setProperty("logback.configurationFile", "logback-bench.xml");
        String password = String.valueOf(System.getenv("APP_PASSWORD"));
        Logger log = LoggerFactory.getLogger("demo.Virtual");
        java.io.OutputStream file = raw ? fileStream() : null;
        long t0 = System.nanoTime();
        ExecutorService pool = (ExecutorService) Executors.class
                .getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
        try {
            for (int i = 0; i < threads; i++) {
                final int n = i;
                pool.submit(() -> {
                    log.info("request {} received", n);
                    log.info("request {} {}", n, n % 100 == 0 ? "connecting with " + password : "processing");
                    log.info("request {} done", n);
                    if (file != null && n % 100 == 50) {
                        writeRaw(file, "raw write " + n + " with " + password + "\n");
                    }
                });
            }
        } finally {
            pool.shutdown();
            pool.awaitTermination(10, TimeUnit.MINUTES);
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        ((ch.qos.logback.classic.LoggerContext) LoggerFactory.getILoggerFactory()).stop();
        System.out.println("virtual-threads-ms " + ms);
        System.out.println("rss-kb " + rssKb());
    }

    /** The FILE appender's stream (Logback's buffered stream over the file): each write of it is whole. */
    private static java.io.OutputStream fileStream() {
        ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        return ((ch.qos.logback.core.OutputStreamAppender<?>) root.getAppender("FILE")).getOutputStream();
    }

    private static void writeRaw(java.io.OutputStream file, String line) {
        try {
            file.write(line.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static long rssKb() throws Exception {
        for (String line : Files.readAllLines(Paths.get("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }
}
