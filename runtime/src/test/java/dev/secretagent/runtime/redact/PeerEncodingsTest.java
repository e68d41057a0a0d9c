package dev.secretagent.runtime.redact;

import dev.secretagent.runtime.secret.SecretRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The forms the CI runners' maskers handle: doubled quotes, a value registered with its quotes, mixed entities, hex
 * of the value, and a value split by terminal colour escape sequences (in a String, in bytes, and through a stream
 * and a writer cut at every position).
 */
class PeerEncodingsTest {
    @BeforeEach
    void setUp() {
        SecretRegistry.reset();
        TestSupport.settings();
    }

    @AfterEach
    void tearDown() {
        SecretRegistry.reset();
    }

    @Test
    void doubledQuotes() {
        String v = TestSupport.random("Pa", 6) + "'" + TestSupport.random("", 6) + "\"" + TestSupport.random("", 4);
        TestSupport.secret("DB", v);
        assertThat(Redaction.redact("sql: '" + v.replace("'", "''") + "'", "t")).isEqualTo("sql: '[REDACTED:DB]'");
        assertThat(Redaction.redact("csv: \"" + v.replace("\"", "\"\"") + "\"", "t")).isEqualTo("csv: \"[REDACTED:DB]\"");
    }

    @Test
    void aValueRegisteredWithItsQuotesIsFoundWithoutThem() {
        String inner = TestSupport.random("q", 14);
        TestSupport.secret("TOKEN_Q", "\"" + inner + "\"");
        assertThat(Redaction.redact("using " + inner + " now", "t")).isEqualTo("using [REDACTED:TOKEN_Q] now");
    }

    @Test
    void numericQuotesBesideNamedEntities() {
        String v = TestSupport.random("a", 6) + "\"<&" + TestSupport.random("", 6);
        TestSupport.secret("HTML", v);
        String owasp = v.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&#34;");
        assertThat(Redaction.redact("<p>" + owasp + "</p>", "t")).isEqualTo("<p>[REDACTED:HTML]</p>");
    }

    @Test
    void hexOfTheValueLowerAndUpperCase() throws Exception {
        String v = TestSupport.random("h", 15) + "é";
        TestSupport.secret("HEXED", v);
        String lower = hex(v, "%02x");
        String upper = hex(v, "%02X");
        everywhere("xxd: " + lower + "\n", "xxd: [REDACTED:HEXED]\n");
        everywhere("bytea: \\x" + upper + " end\n", "bytea: \\x[REDACTED:HEXED] end\n");
        // the hex of another value, and the hex of this one cut short, are left alone
        String other = hex(TestSupport.random("h", 16), "%02x");
        everywhere("xxd: " + other + "\n", "xxd: " + other + "\n");
        String cut = lower.substring(0, lower.length() - 2);
        everywhere("xxd: " + cut + "\n", "xxd: " + cut + "\n");
    }

    @Test
    void hexWithSeparatorsIsNotAForm() {
        // hexdump -C / Wireshark (de ad be ef, de:ad:be:ef): not added, see docs/redaction.md
        String v = TestSupport.random("s", 16);
        TestSupport.secret("SEP", v);
        String spaced = hex(v, "%02x ").trim();
        assertThat(Redaction.redact(spaced, "t")).isEqualTo(spaced);
    }

    @Test
    void aValueSplitByColourEscapesIsMaskedWhole() throws Exception {
        String v = TestSupport.random("c", 18);
        TestSupport.secret("COLOURED", v);
        String red = "\u001b[31m";
        String reset = "\u001b[0m";
        String bold = "\u001b[1;38;5;208m";
        for (int k = 1; k < v.length(); k++) {
            String split = v.substring(0, k) + red + v.substring(k) + reset;
            everywhere("PS> " + split + "\n", "PS> [REDACTED:COLOURED]" + reset + "\n");
        }
        String many = red + v.substring(0, 5) + bold + v.substring(5, 11) + reset + red + v.substring(11) + reset;
        everywhere("log " + many + " ok\n", "log " + red + "[REDACTED:COLOURED]" + reset + " ok\n");
        // OSC 8 hyperlink around part of the value, ended by ESC \\
        String link = v.substring(0, 9) + "\u001b]8;;https://h/x\u001b\\" + v.substring(9) + "\u001b]8;;\u001b\\";
        everywhere(link + "\n", "[REDACTED:COLOURED]\u001b]8;;\u001b\\\n");
    }

    @Test
    void colourEscapesAroundOtherTextAreLeftAlone() throws Exception {
        String v = TestSupport.random("c", 18);
        TestSupport.secret("COLOURED", v);
        String text = "\u001b[32mOK\u001b[0m " + v.substring(0, 9) + "\u001b[31m-" + v.substring(9) + "\u001b[0m\n";
        everywhere(text, text); // a char of its own between the halves: not the value
        String shorter = v.substring(0, 9) + "\u001b[31m" + v.substring(10) + "\u001b[0m\n";
        everywhere(shorter, shorter);
        String broken = v.substring(0, 9) + "\u001b[31" + v.substring(9) + "\n"; // no final byte: not a sequence
        assertThat(Redaction.redact(broken, "t")).isEqualTo(broken);
    }

    /** text becomes expected as a String, as UTF-8 bytes, and through a stream and a writer cut at every position. */
    private static void everywhere(String text, String expected) throws Exception {
        assertThat(Redaction.redact(text, "t")).as(text).isEqualTo(expected);
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        assertThat(new String(Redaction.redactUtf8(b, 0, b.length, "t"), StandardCharsets.UTF_8)).as(text)
                .isEqualTo(expected);
        for (int k = 1; k < text.length(); k++) {
            assertThat(EngineFormsTest.split(text, k)).as("%s split at %d", text, k).isEqualTo(expected);
            assertThat(EngineFormsTest.splitWriter(text, k)).as("%s split at %d (writer)", text, k).isEqualTo(expected);
        }
        assertThat(TestSupport.stream(text, new int[] {1}, false)).as("%s a byte at a time", text).isEqualTo(expected);
    }

    private static String hex(String v, String format) {
        StringBuilder sb = new StringBuilder();
        for (byte x : v.getBytes(StandardCharsets.UTF_8)) {
            sb.append(String.format(format, x & 0xFF));
        }
        return sb.toString();
    }
}
