package demo.support;

/**
 * The logging benchmark's application side, for any logging framework: {@code lines} lines (one in a hundred
 * carries the database password), after a warm-up of the same size, then {@code lines/s} on stdout. The framework's
 * main class (e.g. {@code demo.logback.BenchApp}) chooses its configuration and hands over its logger's two calls.
 * Args: out-dir lines mode (mode {@code regex}: the configuration with the hand-made masking alternative).
 */
public final class BenchDriver {
    /** The two lines, through the framework's logger. */
    public interface Lines {
        /** {@code order {} paid, connecting with {}}. */
        void paid(int order, String password);

        /** {@code order {} processed for customer {} amount {}}. */
        void processed(int order, String customer, double amount);
    }

    private BenchDriver() {
    }

    /** Whether the arguments ask for the configuration with the hand-made regex masking. */
    public static boolean regex(String[] args) {
        return args.length > 2 && args[2].equals("regex");
    }

    /** Runs the warm-up and the measured pass, stops the framework, prints {@code <framework> lines/s <n>}. */
    public static void run(String framework, String[] args, Lines log, Runnable stopFramework) {
        int lines = Integer.parseInt(args[1]);
        String password = System.getenv("APP_PASSWORD");
        run(log, lines, password); // warm-up
        long t0 = System.nanoTime();
        run(log, lines, password);
        long ns = System.nanoTime() - t0;
        stopFramework.run();
        System.out.println(framework + " lines/s " + (long) (lines / (ns / 1e9)));
    }

    private static void run(Lines log, int lines, String password) {
        for (int i = 0; i < lines; i++) {
            if (i % 100 == 0) {
                log.paid(i, password);
            } else {
                log.processed(i, "c-" + (i & 1023), 17.5);
            }
        }
    }
}
