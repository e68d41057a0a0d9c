package demo.support;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The load test's application side, for any logging framework: {@code threads} threads each log {@code lines}
 * numbered lines carrying the current API token and the database password, while the token rotates: the
 * application publishes each new token as the system property {@code load.api.token} (its own configuration
 * channel) every {@code rotateEvery} lines overall. Tokens are {@code <seed>-<n>x}. It knows nothing of any agent.
 * Args: out-dir seed threads lines rotateEvery (out-dir is the caller's, set before its framework starts).
 */
public final class LoadDriver {
    /** One line through the framework: {@code t=<thread> n=<n> token=<token> pw=<password>}. */
    public interface Line {
        void log(int thread, int n, String token, String password);
    }

    private static volatile String token;

    private LoadDriver() {
    }

    public static void run(String[] args, Line line, Runnable stopFramework) throws InterruptedException {
        String seed = args[1];
        int threads = Integer.parseInt(args[2]);
        int lines = Integer.parseInt(args[3]);
        long rotateEvery = Long.parseLong(args[4]);
        String password = System.getenv("APP_PASSWORD");
        AtomicLong total = new AtomicLong();
        AtomicLong rotations = new AtomicLong();
        rotate(seed, rotations);
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            final int id = t;
            workers[t] = new Thread(() -> {
                for (int n = 0; n < lines; n++) {
                    line.log(id, n, token, password);
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
        stopFramework.run();
        System.out.println("lines=" + total.get() + " rotations=" + rotations.get());
    }

    private static synchronized void rotate(String seed, AtomicLong rotations) {
        String next = seed + "-" + rotations.incrementAndGet() + "x"; // no value is a prefix of another
        System.setProperty("load.api.token", next);
        token = next;
    }
}
