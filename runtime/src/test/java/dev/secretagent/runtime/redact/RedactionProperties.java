package dev.secretagent.runtime.redact;

import dev.secretagent.runtime.secret.SecretRegistry;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterTry;
import net.jqwik.api.lifecycle.BeforeTry;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Random text, secrets at random places in random encodings, split at random write boundaries. */
class RedactionProperties {
    @BeforeTry
    void setUp() {
        SecretRegistry.reset();
        TestSupport.settings();
    }

    @AfterTry
    void tearDown() {
        SecretRegistry.reset();
    }

    @Provide
    Arbitrary<String> secretValue() {
        // distinct alphabet from the filler text so the filler can never spell a secret by chance
        return Arbitraries.strings().withChars("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+/=&<>\"' ").ofMinLength(8).ofMaxLength(40)
                .filter(s -> s.trim().length() >= 8);
    }

    @Provide
    Arbitrary<String> filler() {
        return Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz .,\n").ofMaxLength(200);
    }

    @Property(tries = 300)
    void outputNeverHoldsARegisteredForm(@ForAll("secretValue") String v1, @ForAll("secretValue") String v2,
            @ForAll("filler") String a, @ForAll("filler") String b, @ForAll("filler") String c, @ForAll long seed)
            throws Exception {
        TestSupport.secret("S1", v1);
        TestSupport.secret("S2", v2);
        Random rnd = new Random(seed);
        List<String> f1 = Encodings.forms(v1, 8);
        List<String> f2 = Encodings.forms(v2, 8);
        String text = a + f1.get(rnd.nextInt(f1.size())) + b + f2.get(rnd.nextInt(f2.size())) + c
                + f1.get(rnd.nextInt(f1.size())) + f1.get(0);
        int[] chunks = new int[1 + rnd.nextInt(5)];
        for (int i = 0; i < chunks.length; i++) {
            chunks[i] = 1 + rnd.nextInt(30);
        }
        List<String> outputs = new ArrayList<String>();
        outputs.add(Redaction.redact(text, "t"));
        outputs.add(TestSupport.stream(text, chunks, false));
        outputs.add(TestSupport.stream(text, chunks, rnd.nextBoolean()));
        byte[] utf8 = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        outputs.add(new String(Redaction.redactUtf8(utf8, 0, utf8.length, "t"), java.nio.charset.StandardCharsets.UTF_8));
        for (String out : outputs) {
            for (String f : f1) {
                assertThat(out).doesNotContain(f);
            }
            for (String f : f2) {
                assertThat(out).doesNotContain(f);
            }
        }
    }

    @Property(tries = 300)
    void cleanTextIsByteIdenticalAndTheSameInstance(@ForAll("secretValue") String v, @ForAll("filler") String text,
            @ForAll long seed) throws Exception {
        TestSupport.secret("S1", v);
        assertThat(Redaction.redact(text, "t")).isSameAs(text);
        Random rnd = new Random(seed);
        int[] chunks = {1 + rnd.nextInt(20), 1 + rnd.nextInt(20)};
        assertThat(TestSupport.stream(text, chunks, rnd.nextBoolean())).isEqualTo(text);
    }

    @Property(tries = 200)
    void selfOverlappingSecretsSplitAnywhere(@ForAll long seed) throws Exception {
        Random rnd = new Random(seed);
        TestSupport.settings("min.length", "4");
        // self-overlapping: a border repeated (abcab-style), written in random pieces after a partial copy
        String unit = Integer.toString(1000 + rnd.nextInt(9000), 36).toUpperCase();
        String v = unit + "x" + unit;
        TestSupport.secret("OVL", v);
        String text = "..." + unit + "x" + v + "..." + v.substring(0, v.length() - 1) + "|";
        int[] chunks = {1 + rnd.nextInt(6), 1 + rnd.nextInt(6)};
        String out = TestSupport.stream(text, chunks, rnd.nextBoolean());
        assertThat(out).doesNotContain(v).isEqualTo(Redaction.redact(text, "t"));
    }

    /** ASCII pieces that reach every hold-back decision: name rules, detectors, URL user-info, quotes, line ends. */
    private static final String[] PIECES = {"Authorization: Bearer ", "password=", "\"token\": \"", "https://u:",
            "@host/p?api_key=", " ", "\n", "\r\n", ", ", "; ", "\"", "'", "}", "x-api-key: ", "secret=", "abc", "...",
            // the forms that follow no header name
            "DB_PASSWORD := ", "X_TOKEN ?= ", "var apiToken string = ", "apiToken: String = ", "put(\"api_key\", \"",
            "Bearer ", "token ", "jdbc:oracle:thin:u/", "/owners/1;jsessionid=", "access_token="};

    /**
     * The byte stream and the writer share their hold-back decisions ({@link HoldBackRedactor}); on ASCII (one
     * byte per char, so the same boundaries mean the same thing) they must write the same text for the same
     * writes, flushes and close, whatever the boundaries.
     */
    @Property(tries = 400)
    void streamAndWriterAgreeAtEveryBoundary(@ForAll("secretValue") String v1, @ForAll("secretValue") String v2,
            @ForAll long seed) throws Exception {
        TestSupport.secret("S1", v1);
        TestSupport.secret("S2", v2);
        Random rnd = new Random(seed);
        List<String> f1 = Encodings.forms(v1, 8);
        List<String> f2 = Encodings.forms(v2, 8);
        StringBuilder sb = new StringBuilder();
        int parts = 3 + rnd.nextInt(20);
        for (int i = 0; i < parts; i++) {
            int kind = rnd.nextInt(5);
            if (kind == 0) {
                sb.append(f1.get(rnd.nextInt(f1.size())));
            } else if (kind == 1) {
                sb.append(f2.get(rnd.nextInt(f2.size())));
            } else if (kind == 2) {
                String f = f1.get(rnd.nextInt(f1.size()));
                sb.append(f, 0, 1 + rnd.nextInt(f.length())); // a prefix: held back until disproved
            } else {
                sb.append(PIECES[rnd.nextInt(PIECES.length)]);
            }
        }
        String text = sb.toString();
        if (!java.nio.charset.StandardCharsets.US_ASCII.newEncoder().canEncode(text)) {
            return; // forms of a value may escape to non-ASCII only if the value had it; keep units aligned
        }
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        java.io.StringWriter chars = new java.io.StringWriter();
        java.io.OutputStream s = Redaction.redactingStream(bytes, "t");
        java.io.Writer w = Redaction.redactingWriter(chars, "t");
        byte[] b = text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        char[] c = text.toCharArray();
        int at = 0;
        while (at < text.length()) {
            int n = Math.min(text.length() - at, 1 + rnd.nextInt(12));
            if (n == 1 && rnd.nextBoolean()) {
                s.write(b[at]);
                w.write(c[at]);
            } else {
                s.write(b, at, n);
                w.write(c, at, n);
            }
            at += n;
            if (rnd.nextInt(3) == 0) {
                s.flush();
                w.flush();
            }
            assertThat(chars.toString()).isEqualTo(new String(bytes.toByteArray(), java.nio.charset.StandardCharsets.US_ASCII));
        }
        s.close();
        w.close();
        assertThat(chars.toString()).isEqualTo(new String(bytes.toByteArray(), java.nio.charset.StandardCharsets.US_ASCII));
    }
}
