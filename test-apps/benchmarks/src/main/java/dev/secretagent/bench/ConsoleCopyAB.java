package dev.secretagent.bench;

import dev.secretagent.runtime.redact.Redaction;
import dev.secretagent.runtime.secret.Secret;
import dev.secretagent.runtime.secret.SecretRegistry;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;

/**
 * JUL's {@code ConsoleHandler} path on System.err, per record: the hook redacts the record's text, the handler's
 * encoder writes its own UTF-8 copy to the console's redacting stream. A: the hook marks its text
 * ({@code redactForWrite}), so the console takes the copy unscanned; B: no mark ({@code redact}), so the console
 * scans the copy again, as it did before it took copies. Alternating rounds in one JVM; medians. Run:
 * {@code java -cp test-apps/benchmarks/target/benchmarks.jar dev.secretagent.bench.ConsoleCopyAB [ops] [rounds]}
 */
public final class ConsoleCopyAB {
    private static volatile long blackhole;

    private ConsoleCopyAB() {
    }

    public static void main(String[] args) throws Exception {
        int ops = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 11;
        for (int i = 0; i < 100; i++) {
            SecretRegistry.put(new Secret("S" + i, "1", "sec-" + UUID.randomUUID(), "bench"));
        }
        OutputStream console = Redaction.redactingStream(new OutputStream() {
            @Override
            public void write(int b) {
                blackhole += b;
            }

            @Override
            public void write(byte[] b, int off, int len) {
                blackhole += len;
            }
        }, "stderr");
        String record = "Dec 02, 2026 5:00:00 AM demo.jul.App main\nINFO: order 12345 processed for customer c-0042\n";
        long[] a = new long[rounds];
        long[] b = new long[rounds];
        for (int r = -3; r < rounds; r++) { // three warm-up rounds
            long t0 = System.nanoTime();
            for (int i = 0; i < ops; i++) {
                byte[] copy = Redaction.redactForWrite(record, "jul:demo").getBytes(StandardCharsets.UTF_8);
                console.write(copy, 0, copy.length);
            }
            long t1 = System.nanoTime();
            for (int i = 0; i < ops; i++) {
                byte[] copy = Redaction.redact(record, "jul:demo").getBytes(StandardCharsets.UTF_8);
                console.write(copy, 0, copy.length);
            }
            long t2 = System.nanoTime();
            if (r >= 0) {
                a[r] = (t1 - t0) / ops;
                b[r] = (t2 - t1) / ops;
            }
        }
        Arrays.sort(a);
        Arrays.sort(b);
        System.out.println(record.length() + "-char record, 100 secrets, " + rounds + " alternating rounds of " + ops);
        System.out.println("A  marked, the console takes the copy:  median " + a[rounds / 2] + " ns/record");
        System.out.println("B  unmarked, the console scans it again: median " + b[rounds / 2] + " ns/record");
    }
}
