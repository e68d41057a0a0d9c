package dev.secretagent.runtime.redact;

import dev.secretagent.runtime.secret.SecretRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Recall and false positives of the built-in detectors, per family, for {@code scan} and for the runtime: every
 * detector's sample ({@link DetectorTableTest#SAMPLES}: written from the providers' documented formats, random
 * bodies of the documented alphabet and length, made at run time) in the places a token is written (prose, JSON,
 * YAML, a quoted string, a URL query, a command line, XML, alone), and near misses that must not be findings (see
 * {@link #nearMisses}). The table goes to
 * {@code target/detector-recall.md} (docs/redaction.md quotes it); the bars are DESIGN.md's (recall at least 95%,
 * false positives at most 5%) overall; per family, recall at least 90%.
 */
class DetectorRecallTest {
    /** Where a token is written; {s} is the sample. Neutral names: a sensitive name would mask by the key rule. */
    static final String[] CONTEXTS = {
        "found {s} here\n",
        "{\"value\":\"{s}\",\"n\":1}\n",
        "  value: {s}\n",
        "client.connect(\"{s}\");\n",
        "GET https://api.example.test/cb?v={s}&x=1 HTTP/1.1\n",
        "cmd --flag {s} --verbose\n",
        "<v>{s}</v>\n",
        "{s}",
    };
    private static final int ROUNDS = 4;

    /** Counts of one family. */
    static final class Tally {
        int samples;
        int scanFound;
        int runtimeMasked;
        int nearMisses;
        int scanFalse;
        int runtimeFalse;
    }

    @BeforeEach
    @AfterEach
    void clean() {
        SecretRegistry.reset();
        CustomDetectors.reset();
        TestSupport.settings();
    }

    @Test
    void recallAndFalsePositivesPerFamily() throws IOException {
        CredentialFormats scan = CredentialFormats.of(List.of());
        Map<String, Tally> byFamily = new TreeMap<>();
        for (DetectorRule r : DetectorTable.RULES) {
            Tally t = byFamily.computeIfAbsent(r.family, f -> new Tally());
            // name-context rows run in the JVM when named (detectors=all,<family>), always in scan
            TestSupport.settings("detectors", r.kind == DetectorRule.CONTEXT ? "all," + r.family : "all");
            for (int round = 0; round < ROUNDS; round++) {
                for (String context : CONTEXTS) {
                    DetectorTableTest.Gen g = new DetectorTableTest.Gen(false);
                    String text = context.replace("{s}", DetectorTableTest.SAMPLES.get(r.id).apply(g));
                    t.samples++;
                    t.scanFound += masked(text, scan.find(text)).contains(g.secret) ? 0 : 1;
                    t.runtimeMasked += Redaction.redact(text, "t").contains(g.secret) ? 0 : 1;
                }
                for (String miss : nearMisses(r)) {
                    String text = "found " + miss + " here\n";
                    t.nearMisses++;
                    t.scanFalse += detectorHit(scan.find(text)) ? 1 : 0;
                    t.runtimeFalse += Redaction.redact(text, "t").contains("[REDACTED:detector:") ? 1 : 0;
                }
            }
        }
        Tally all = new Tally();
        StringBuilder table = new StringBuilder("| family | samples | scan recall | runtime recall | near misses "
                + "| scan false positives | runtime false positives |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (Map.Entry<String, Tally> e : byFamily.entrySet()) {
            Tally t = e.getValue();
            row(table, e.getKey(), t);
            all.samples += t.samples;
            all.scanFound += t.scanFound;
            all.runtimeMasked += t.runtimeMasked;
            all.nearMisses += t.nearMisses;
            all.scanFalse += t.scanFalse;
            all.runtimeFalse += t.runtimeFalse;
        }
        row(table, "**all**", all);
        Path out = Paths.get("target", "detector-recall.md");
        Files.createDirectories(out.getParent());
        Files.write(out, table.toString().getBytes(StandardCharsets.UTF_8));
        System.out.println(table);
        assertThat(all.scanFound * 100L).as("scan recall").isGreaterThanOrEqualTo(all.samples * 95L);
        assertThat(all.runtimeMasked * 100L).as("runtime recall").isGreaterThanOrEqualTo(all.samples * 95L);
        assertThat(all.scanFalse * 100L).as("scan false positives").isLessThanOrEqualTo(all.nearMisses * 5L);
        assertThat(all.runtimeFalse * 100L).as("runtime false positives").isLessThanOrEqualTo(all.nearMisses * 5L);
        for (Map.Entry<String, Tally> e : byFamily.entrySet()) {
            // per family 90%: a base64-wrapped JWT as a raw (not percent-encoded) URL query value is missed today,
            // which leaves the jwt family at 93.8% (docs/redaction.md)
            Tally t = e.getValue();
            assertThat(t.scanFound * 100L).as(e.getKey() + " scan recall").isGreaterThanOrEqualTo(t.samples * 90L);
            assertThat(t.runtimeMasked * 100L).as(e.getKey() + " runtime recall")
                    .isGreaterThanOrEqualTo(t.samples * 90L);
        }
    }

    /**
     * What must not be a finding: the rule's sample with a placeholder body ({@code xxxx}, {@code 0000}), the keyword
     * mentioned in prose ("tokens start with ghp_ and ..."), and for a token that starts with its keyword, the token
     * glued to a word.
     */
    static List<String> nearMisses(DetectorRule r) {
        List<String> out = new java.util.ArrayList<>();
        out.add(DetectorTableTest.SAMPLES.get(r.id).apply(new DetectorTableTest.Gen(true)));
        String keyword = r.keywords[0].trim();
        out.add("tokens start with " + keyword + " and are documented on the provider's site");
        String sample = DetectorTableTest.SAMPLES.get(r.id).apply(new DetectorTableTest.Gen(false));
        if (r.kind == DetectorRule.PREFIX && sample.startsWith(keyword)) {
            out.add("x" + sample);
        }
        return out;
    }

    private static boolean detectorHit(List<CredentialFormats.Hit> hits) {
        for (CredentialFormats.Hit h : hits) {
            if (!h.detector.contains(":")) {
                return true; // a detector's id; key:, auth:, url: are the name rules
            }
        }
        return false;
    }

    /** The text with the scan's findings cut out, as a redaction of them would. */
    private static String masked(String text, List<CredentialFormats.Hit> hits) {
        StringBuilder sb = new StringBuilder();
        int at = 0;
        for (CredentialFormats.Hit h : hits) {
            sb.append(text, at, Math.max(at, h.start)).append('#');
            at = Math.max(at, h.end);
        }
        return sb.append(text.substring(at)).toString();
    }

    private static void row(StringBuilder table, String family, Tally t) {
        table.append("| ").append(family).append(" | ").append(t.samples).append(" | ")
                .append(pct(t.scanFound, t.samples)).append(" | ").append(pct(t.runtimeMasked, t.samples)).append(" | ")
                .append(t.nearMisses).append(" | ").append(pct(t.scanFalse, t.nearMisses)).append(" | ")
                .append(pct(t.runtimeFalse, t.nearMisses)).append(" |\n");
    }

    private static String pct(int n, int of) {
        return String.format(java.util.Locale.ROOT, "%.1f%%", of == 0 ? 0.0 : 100.0 * n / of);
    }
}
