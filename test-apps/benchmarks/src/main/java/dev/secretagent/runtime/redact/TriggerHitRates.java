package dev.secretagent.runtime.redact;

import dev.secretagent.bench.RedactionBenchmark;

import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where the detector trigger search spends its second looks on clean text: for every probe (each third char) that
 * passes the first stage ({@link TriggerIndex#probe}), which 2-gram it was and which keywords have a window there,
 * and how many pass the second look. The benchmark's 1 MB clean text, or a file given (read as Latin-1, as the
 * search reads low bytes). Run:
 * {@code java -cp test-apps/benchmarks/target/benchmarks.jar dev.secretagent.runtime.redact.TriggerHitRates [file]}
 */
public final class TriggerHitRates {
    private TriggerHitRates() {
    }

    public static void main(String[] args) throws Exception {
        RedactionBenchmark b = new RedactionBenchmark();
        b.secrets = 1000;
        b.setUp();
        String text = args.length > 0
                ? new String(Files.readAllBytes(Paths.get(args[0])), StandardCharsets.ISO_8859_1) : b.clean;
        TriggerIndex ix = (TriggerIndex) field(RuleScanner.class, "index").get(Redaction.engine().rules);
        int[] detGram = (int[]) field(TriggerIndex.class, "detGram").get(ix);
        String[] detPrefix = (String[]) field(TriggerIndex.class, "detPrefix").get(ix);
        long[] detMask = (long[]) field(TriggerIndex.class, "detMask").get(ix);
        long[] detExpect = (long[]) field(TriggerIndex.class, "detExpect").get(ix);
        Map<String, Integer> byGram = new TreeMap<String, Integer>();
        int hits = 0;
        int passes = 0;
        int n = text.length();
        for (int p = 0; p + 1 < n; p += TriggerIndex.STRIDE) {
            int g = (text.charAt(p) & 0xFF) << 8 | (text.charAt(p + 1) & 0xFF);
            if (!ix.probe(g, p + 2 < n ? text.charAt(p + 2) : -1)) {
                continue;
            }
            hits++;
            long ctx = 0;
            for (int i = p - 3; i < p + 5; i++) {
                ctx = ctx << 8 | (i >= 0 && i < n ? text.charAt(i) & 0xFF : 0);
            }
            List<String> owners = new ArrayList<String>();
            boolean pass = false;
            for (int k = 0; k < detGram.length; k++) {
                if (detGram[k] == g) {
                    owners.add(detPrefix[k]);
                    pass |= (ctx & detMask[k]) == detExpect[k];
                }
            }
            passes += pass ? 1 : 0;
            byGram.merge("'" + text.substring(p, Math.min(n, p + 3)) + "' " + owners, 1, Integer::sum);
        }
        System.out.printf("%d chars, %d probes, %d first-stage hits (%.1f per KB), %d pass the second look%n", n,
                n / TriggerIndex.STRIDE, hits, hits * 1024.0 / n, passes);
        byGram.entrySet().stream().sorted((x, y) -> y.getValue() - x.getValue()).limit(30)
                .forEach(e -> System.out.println(e.getValue() + "\t" + e.getKey()));
    }

    private static Field field(Class<?> c, String name) throws NoSuchFieldException {
        Field f = c.getDeclaredField(name);
        f.setAccessible(true);
        return f;
    }
}
