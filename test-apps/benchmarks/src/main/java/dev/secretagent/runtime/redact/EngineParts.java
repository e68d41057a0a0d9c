package dev.secretagent.runtime.redact;

import dev.secretagent.bench.RedactionBenchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits the clean-text cost of the engine into its parts (skip matcher, rule scanner) in thread CPU time per
 * MB, so that a change to one part can be judged on a loaded machine, where JMH's wall-clock figures swing.
 * Not a replacement for the JMH figures in docs/performance.md. Run:
 * {@code java -cp test-apps/benchmarks/target/benchmarks.jar dev.secretagent.runtime.redact.EngineParts 1000}
 */
public final class EngineParts {
    public static void main(String[] args) {
        int secrets = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        RedactionBenchmark b = new RedactionBenchmark();
        b.secrets = secrets;
        b.setUp();
        final String clean = b.clean;
        final byte[] bytes = b.cleanBytes;
        final Engine e = Redaction.engine();
        final RuleScanner.Open open = new RuleScanner.Open();
        Part[] parts = {
            new Part("chars skip  ") { Object run() { return e.chars.scan(clean, 0, clean.length(), null); } },
            new Part("chars rules ") { Object run() { return e.rules.scan(clean, 0, clean.length(), null, open); } },
            new Part("chars total ") { Object run() { return e.redact(clean, "x"); } },
            new Part("bytes skip  ") { Object run() { return e.bytes.scan(bytes, 0, bytes.length, null); } },
            new Part("bytes rules ") { Object run() { return e.rules.scan(bytes, 0, bytes.length, null, open); } },
            new Part("bytes total ") { Object run() { return e.redactUtf8(bytes, 0, bytes.length, "x"); } },
        };
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (int round = 0; round < 3; round++) {
            for (Part p : parts) {
                for (int i = 0; i < 300; i++) {
                    p.sink = p.run();
                }
            }
        }
        for (Part p : parts) {
            long[] t = new long[15];
            for (int r = 0; r < t.length; r++) {
                long c0 = mx.getCurrentThreadCpuTime();
                for (int i = 0; i < 50; i++) {
                    p.sink = p.run();
                }
                t[r] = (mx.getCurrentThreadCpuTime() - c0) / 50;
            }
            Arrays.sort(t);
            double usPerMb = t[t.length / 2] / 1000.0;
            System.out.printf("%s %8.1f us/MB  %7.0f MB/s (cpu time, median of 15)%n", p.name, usPerMb,
                    1_000_000.0 / usPerMb);
        }
    }

    abstract static class Part {
        final String name;
        Object sink;

        Part(String name) {
            this.name = name;
        }

        abstract Object run();
    }
}
