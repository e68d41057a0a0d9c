package dev.secretagent.agent.bootstrap;

import java.io.FileInputStream;
import java.io.PrintStream;

/**
 * A measuring aid for the start-up work (docs/performance.md): with {@code -Ddev.secretagent.startup.times=true} the
 * premain thread's CPU time (from /proc/thread-self/schedstat, Linux) and wall time are taken at each step and
 * printed to stderr at the end of the start. Off by default: then each step costs one static boolean test.
 */
public final class StartupTimes {
    private static final boolean ON = Boolean.getBoolean("dev.secretagent.startup.times");
    private static final String[] STEPS = new String[32];
    private static final long[] CPU = new long[32];
    private static final long[] WALL = new long[32];
    private static int count;

    private StartupTimes() {
    }

    /** The end of a step: the time since the previous mark is this step's. */
    public static void mark(String step) {
        if (!ON || count == STEPS.length) {
            return;
        }
        STEPS[count] = step;
        CPU[count] = threadCpuNanos();
        WALL[count] = System.nanoTime();
        count++;
    }

    public static void report(PrintStream err) {
        if (!ON || count == 0) {
            return;
        }
        StringBuilder b = new StringBuilder("[secret-agent] startup-times (thread CPU ms / wall ms):");
        for (int i = 1; i < count; i++) {
            b.append(' ').append(STEPS[i]).append('=').append(ms(CPU[i] - CPU[i - 1])).append('/')
                    .append(ms(WALL[i] - WALL[i - 1]));
        }
        b.append(" total=").append(ms(CPU[count - 1] - CPU[0])).append('/').append(ms(WALL[count - 1] - WALL[0]));
        err.println(b);
    }

    private static String ms(long nanos) {
        long tenths = nanos / 100_000;
        return tenths / 10 + "." + tenths % 10;
    }

    private static long threadCpuNanos() {
        byte[] buf = new byte[64];
        int n;
        try (FileInputStream in = new FileInputStream("/proc/thread-self/schedstat")) {
            n = in.read(buf);
        } catch (Exception e) {
            return 0;
        }
        long v = 0;
        for (int i = 0; i < n && buf[i] >= '0' && buf[i] <= '9'; i++) {
            v = v * 10 + (buf[i] - '0');
        }
        return v;
    }
}
