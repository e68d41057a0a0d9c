package demo.logback;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Throughput of a plain file appender: {@code lines} lines (one in a hundred carries the database password),
 * after a warm-up of the same size. Mode {@code regex} uses the configuration with the hand-made masking
 * alternative (a %replace over the message with the regex in system property {@code mask.regex}).
 * Prints {@code lines/s}. Args: out-dir lines mode
 */
public class BenchApp {
    public static void main(String[] args) throws Exception {
        System.setProperty("out", args[0]);
        int lines = Integer.parseInt(args[1]);
        boolean regex = args.length > 2 && args[2].equals("regex");
        System.setProperty("logback.configurationFile", regex ? "logback-bench-regex.xml" : "logback-bench.xml");
        String password = System.getenv("APP_PASSWORD");
        Logger log = LoggerFactory.getLogger("demo.Bench");
        run(log, lines, password); // warm-up
        long t0 = System.nanoTime();
        run(log, lines, password);
        long ns = System.nanoTime() - t0;
        ((ch.qos.logback.classic.LoggerContext) LoggerFactory.getILoggerFactory()).stop();
        System.out.println("logback lines/s " + (long) (lines / (ns / 1e9)));
    }

    static void run(Logger log, int lines, String password) {
        for (int i = 0; i < lines; i++) {
            if (i % 100 == 0) {
                log.info("order {} paid, connecting with {}", i, password);
            } else {
                log.info("order {} processed for customer {} amount {}", i, "c-" + (i & 1023), 17.5);
            }
        }
    }
}
