package demo.log4j2;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Load: {@code threads} threads each log {@code lines} numbered lines carrying the current API token and the
 * database password to a file, while the token rotates: the application publishes each new token as the
 * system property {@code load.api.token} (its own configuration channel) every {@code rotateEvery} lines
 * overall. Tokens are {@code <seed>-<n>x}. It knows nothing of any agent.
 * Args: out-dir seed threads lines rotateEvery
 */
public class LoadApp {
    static volatile String token;

    public static void main(String[] args) throws Exception {
        System.setProperty("out", args[0]);
        System.setProperty("log4j2.configurationFile", "log4j2-load.xml");
        String seed = args[1];
        int threads = Integer.parseInt(args[2]);
        int lines = Integer.parseInt(args[3]);
        long rotateEvery = Long.parseLong(args[4]);
        String password = System.getenv("APP_PASSWORD");
        Logger log = LogManager.getLogger("demo.Load");
        AtomicLong total = new AtomicLong();
        AtomicLong rotations = new AtomicLong();
        rotate(seed, rotations);
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            final int id = t;
            workers[t] = new Thread(() -> {
                for (int n = 0; n < lines; n++) {
                    log.info("t={} n={} token={} pw={}", id, n, token, password);
                    if (total.incrementAndGet() % rotateEvery == 0) {
                        rotate(seed, rotations);
                    }
                }
            });
            workers[t].start();
        }
        for (Thread w : workers) {
            w.join();
        }
        LogManager.shutdown();
        System.out.println("lines=" + total.get() + " rotations=" + rotations.get());
    }

    static synchronized void rotate(String seed, AtomicLong rotations) {
        String next = seed + "-" + rotations.incrementAndGet() + "x"; // no value is a prefix of another
        System.setProperty("load.api.token", next);
        token = next;
    }
}
