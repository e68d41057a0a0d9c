package demo.support;

/**
 * The logging benchmark's application side, for any logging framework: {@code lines} lines (one in a hundred
 * carries the database password), after a warm-up of the same size, then {@code lines/s} on stdout. The framework's
 * main class (e.g. {@code demo.logback.BenchApp}) chooses its configuration and hands over its logger's calls with
 * two and three arguments (each framework's own overloads, as an application calls them).
 * Args: out-dir lines mode (mode {@code regex}: the configuration with the hand-made masking alternative).
 */
public final class BenchDriver {
    /** {@code logger.info(format, a, b)}. */
    public interface Info2 {
        void info(String format, Object a, Object b);
    }

    /** {@code logger.info(format, a, b, c)}. */
    public interface Info3 {
        void info(String format, Object a, Object b, Object c);
    }

    private BenchDriver() {
    }

    /** Whether the arguments ask for the configuration with the hand-made regex masking. */
    public static boolean regex(String[] args) {
        return args.length > 2 && args[2].equals("regex");
    }

    /** Runs the warm-up and the measured pass, stops the framework, prints {@code <framework> lines/s <n>}. */
    public static void run(String framework, String[] args, Info2 info2, Info3 info3, Runnable stopFramework) {
        int lines = Integer.parseInt(args[1]);
        String password = System.getenv("APP_PASSWORD");
        run(info2, info3, lines, password); // warm-up
        long t0 = System.nanoTime();
        run(info2, info3, lines, password);
        long ns = System.nanoTime() - t0;
        stopFramework.run();
        System.out.println(framework + " lines/s " + (long) (lines / (ns / 1e9)));
    }

    private static void run(Info2 info2, Info3 info3, int lines, String password) {
        for (int i = 0; i < lines; i++) {
            if (i % 100 == 0) {
                info2.info("order {} paid, connecting with {}", i, password);
            } else {
                info3.info("order {} processed for customer {} amount {}", i, "c-" + (i & 1023), 17.5);
            }
        }
    }
}
