package dev.secretagent.runtime.redact;

import dev.secretagent.bench.RedactionBenchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * Splits the clean-text cost of the engine into its parts (skip matcher, rule scanner) in thread CPU time per
 * MB, so that a change to one part can be judged on a loaded machine, where JMH's wall-clock figures swing.
 * Not a replacement for the JMH figures in docs/performance.md. Run:
 * {@code java -cp test-apps/benchmarks/target/benchmarks.jar dev.secretagent.runtime.redact.EngineParts 1000}
 * ({@link dev.secretagent.bench.EngineAB} runs the same parts of two builds side by side in one JVM).
 */
public final class EngineParts {
    /** The parts, in the order {@link #cpuNanosPerPass} numbers them. */
    public static final String[] NAMES = {"chars skip", "chars rules", "chars total", "bytes skip", "bytes rules",
        "bytes total"};

    private static String clean;
    private static byte[] bytes;
    private static Engine engine;
    private static final RuleScanner.Open OPEN = new RuleScanner.Open();
    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();
    /** Keeps the results alive, so that the JIT cannot drop the work. */
    public static volatile Object sink;

    private EngineParts() {
    }

    /** The benchmark's 1 MB clean text and its engine with {@code secrets} known secrets. */
    public static void setUp(int secrets) {
        RedactionBenchmark b = new RedactionBenchmark();
        b.secrets = secrets;
        b.setUp();
        clean = b.clean;
        bytes = b.cleanBytes;
        engine = Redaction.engine();
    }

    /** Thread CPU time of one pass of part {@code part} over the 1 MB text, averaged over {@code passes}. */
    public static long cpuNanosPerPass(int part, int passes) {
        long c0 = MX.getCurrentThreadCpuTime();
        Object out = null;
        for (int i = 0; i < passes; i++) {
            out = run(part);
        }
        sink = out;
        return (MX.getCurrentThreadCpuTime() - c0) / passes;
    }

    private static Object run(int part) {
        Engine e = engine;
        switch (part) {
            case 0:
                return e.chars().scan(clean, 0, clean.length(), null);
            case 1:
                return e.rules.scan(clean, 0, clean.length(), null, OPEN);
            case 2:
                return e.redact(clean, "x");
            case 3:
                return e.bytes.scan(bytes, 0, bytes.length, null);
            case 4:
                return e.rules.scan(bytes, 0, bytes.length, null, OPEN);
            default:
                return e.redactUtf8(bytes, 0, bytes.length, "x");
        }
    }

    public static void main(String[] args) {
        setUp(args.length > 0 ? Integer.parseInt(args[0]) : 1000);
        for (int round = 0; round < 3; round++) {
            for (int p = 0; p < NAMES.length; p++) {
                cpuNanosPerPass(p, 300);
            }
        }
        for (int p = 0; p < NAMES.length; p++) {
            long[] t = new long[15];
            for (int r = 0; r < t.length; r++) {
                t[r] = cpuNanosPerPass(p, 50);
            }
            Arrays.sort(t);
            double usPerMb = t[t.length / 2] / 1000.0;
            System.out.printf("%-12s %8.1f us/MB  %7.0f MB/s (cpu time, median of 15)%n", NAMES[p], usPerMb,
                    1_000_000.0 / usPerMb);
        }
    }
}
