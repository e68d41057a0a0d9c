package dev.secretagent.runtime.redact;

import dev.secretagent.runtime.secret.SecretRegistry;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterTry;
import net.jqwik.api.lifecycle.BeforeTry;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Credential shapes at every offset of short and long texts (the trigger search reads long input in blocks and
 * probes every third position, so where a credential falls relative to those matters), through each door: String,
 * UTF-8 bytes at an offset, and a stream cut at random places. Credentials are built at run time from pieces.
 */
class DetectorProperties {
    private static final String FILLER = "abcdefghijklmnopqrstuvwxyz0123456789 .,:=-_\n";

    @BeforeTry
    void setUp() {
        SecretRegistry.reset();
        TestSupport.settings();
    }

    @AfterTry
    void tearDown() {
        SecretRegistry.reset();
    }

    static String credential(int kind, Random rnd) {
        switch (kind) {
            case 0:
                return "AK" + "IA" + upper(rnd, 16);
            case 1:
                return "gh" + "p_" + alnum(rnd, 36);
            case 2:
                return "gl" + "pat-" + alnum(rnd, 20);
            case 3:
                return "xo" + "xb-" + "1234-" + alnum(rnd, 20);
            case 4:
                return "sk" + "_live_" + alnum(rnd, 24);
            case 5:
                return "AI" + "za" + alnum(rnd, 35);
            case 6:
                return "ey" + "J" + alnum(rnd, 20) + ".ey" + "J" + alnum(rnd, 30) + "." + alnum(rnd, 43);
            default:
                return "-----" + "BEGIN EC PRIVATE KEY" + "-----\n" + alnum(rnd, 64) + "\n-----" + "END EC PRIVATE KEY"
                        + "-----";
        }
    }

    private static String upper(Random rnd, int n) {
        return pick(rnd, n, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567");
    }

    private static String alnum(Random rnd, int n) {
        return pick(rnd, n, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789");
    }

    private static String pick(Random rnd, int n, String alphabet) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    private static String filler(Random rnd, int n) {
        String s = pick(rnd, n, FILLER);
        // the filler must not glue a letter to the credential: detectors want a boundary before it
        return n == 0 ? s : s.substring(0, n - 1) + ' ';
    }

    @Property(tries = 1000)
    void everyShapeIsFoundAtEveryOffset(@ForAll @IntRange(min = 0, max = 7) int kind,
            @ForAll @IntRange(min = 0, max = 600) int before, @ForAll @IntRange(min = 0, max = 80) int after,
            @ForAll long seed) throws Exception {
        Random rnd = new Random(seed);
        String cred = credential(kind, rnd);
        String text = filler(rnd, before) + cred + (after == 0 ? "" : " " + pick(rnd, after, FILLER));

        assertThat(Redaction.redact(text, "t")).doesNotContain(cred);

        int off = rnd.nextInt(5);
        byte[] b = new byte[off + text.length() + 3];
        System.arraycopy(text.getBytes(StandardCharsets.UTF_8), 0, b, off, text.length());
        String out = new String(Redaction.redactUtf8(b, off, text.length(), "t"), StandardCharsets.UTF_8);
        assertThat(out).doesNotContain(cred);

        int[] chunks = {1 + rnd.nextInt(300), 1 + rnd.nextInt(40), 1 + rnd.nextInt(7)};
        assertThat(TestSupport.stream(text, chunks, false)).doesNotContain(cred);
    }
}
