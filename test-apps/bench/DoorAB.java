import dev.secretagent.bench.LogLineBenchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * The Logback door per line, A/B in one JVM, interleaved: {@code LogLineBenchmark.doorLogbackMixWholeScan} (the
 * whole-line scan every line paid before issue 19's clean-line shortcut) against {@code doorLogbackMix} (the door as
 * built), alternating blocks of calls for {@code rounds} rounds, so that a loaded machine slows both alike; prints
 * the median ns per line of each, in this thread's CPU time (on a loaded machine the wall clock also counts the
 * time the thread waited for a core). Not a test: no assertion on time.
 * Run (after packaging test-apps/benchmarks): {@code java -cp test-apps/benchmarks/target/benchmarks.jar
 * test-apps/bench/DoorAB.java [rounds] [calls per block]}
 */
public class DoorAB {
    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 31;
        int calls = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        LogLineBenchmark b = new LogLineBenchmark();
        b.setUp();
        long sink = 0;
        for (int w = 0; w < 10; w++) { // warm-up: both paths compiled before any block is timed
            for (int i = 0; i < calls; i++) {
                sink += b.doorLogbackMixWholeScan().length + b.doorLogbackMix().length;
            }
        }
        double[] whole = new double[rounds];
        double[] shortcut = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            boolean wholeFirst = (r & 1) == 0;
            for (int k = 0; k < 2; k++) {
                boolean doWhole = (k == 0) == wholeFirst;
                long t0 = cpu.getCurrentThreadCpuTime();
                for (int i = 0; i < calls; i++) {
                    sink += (doWhole ? b.doorLogbackMixWholeScan() : b.doorLogbackMix()).length;
                }
                double ns = (cpu.getCurrentThreadCpuTime() - t0) / (double) calls;
                (doWhole ? whole : shortcut)[r] = ns;
            }
        }
        System.out.printf("CPU time: whole-line scan %.1f ns/line, clean-line shortcut %.1f ns/line (medians of %d rounds x %d"
                + " calls; sink %d)%n", median(whole), median(shortcut), rounds, calls, sink & 1);
    }

    private static double median(double[] a) {
        double[] s = a.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
