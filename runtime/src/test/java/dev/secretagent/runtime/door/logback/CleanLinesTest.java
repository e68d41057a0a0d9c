package dev.secretagent.runtime.door.logback;

import dev.secretagent.runtime.logging.KnownSecret;
import dev.secretagent.runtime.redact.CutScan;
import dev.secretagent.runtime.secret.Secret;
import dev.secretagent.runtime.secret.SecretRegistry;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The clean-line shortcut: a prefix kept only when clean and closed, only the rest scanned after it, and every case
 * where a part-by-part look would differ from the whole line's scan going to the whole scan.
 */
class CleanLinesTest {
    private static final String NL = System.lineSeparator();

    @RegisterExtension
    final KnownSecret known = new KnownSecret("cl-");

    /** Stands in for a Logback classic event. */
    public static final class Event {
        private final String message;

        Event(String message) {
            this.message = message;
        }

        public String getLoggerName() {
            return "demo.Orders";
        }

        public String getFormattedMessage() {
            return message;
        }
    }

    private static final String PREFIX = "2026-12-02 07:45:08,123 INFO  [main] demo.Orders ";

    private static byte[] line(String prefix, String message) {
        return (prefix + message + NL).getBytes(StandardCharsets.UTF_8);
    }

    /** Writes {@code message} after {@code prefix} through the door, as writeBytes would, inside an appender call. */
    private static String write(String prefix, String message) {
        Object state = LogbackDoor.enterLogbackAppender(new Event(message));
        try {
            return new String(LogbackDoor.logbackBytes(line(prefix, message), false), StandardCharsets.UTF_8);
        } finally {
            LogbackDoor.exitLogbackAppender(state);
        }
    }

    @Test
    void aCleanPrefixIsKeptAndTheNextLineIsCleanByItsRestAlone() {
        CleanPrefixes kept = new CleanPrefixes();
        byte[] first = line(PREFIX, "order 42 paid");
        Object engine = CutScan.engine();
        assertThat(CleanLines.cleanOrNull(kept, first, new Event("order 42 paid"))).isSameAs(first);
        assertThat(kept.match(line(PREFIX, "order 43 paid"), engine)).isEqualTo(PREFIX.length());
        byte[] second = line(PREFIX, "order 43 paid");
        assertThat(CleanLines.cleanOrNull(kept, second, new Event("unused: the prefix matches"))).isSameAs(second);
    }

    @Test
    void aSecretInTheMessageAfterAKeptPrefixIsMaskedByTheWholeScan() {
        assertThat(write(PREFIX, "order 42 paid")).isEqualTo(PREFIX + "order 42 paid" + NL);
        assertThat(write(PREFIX, "paid with " + known.value)).isEqualTo(PREFIX + "paid with [REDACTED:APP_PASSWORD]" + NL);
        assertThat(known.heard).containsExactly("APP_PASSWORD@logback:demo.Orders");
    }

    @Test
    void aPrefixHoldingASecretIsNeverKept() {
        String threadIsSecret = "2026-12-02 07:45:08,123 INFO  [" + known.value + "] demo.Orders ";
        for (int i = 0; i < 3; i++) {
            assertThat(write(threadIsSecret, "order " + i)).doesNotContain(known.value).contains("[REDACTED:APP_PASSWORD]");
        }
        CleanPrefixes kept = new CleanPrefixes();
        assertThat(CleanLines.cleanOrNull(kept, line(threadIsSecret, "x y z"), new Event("x y z"))).isNull();
        assertThat(kept.match(line(threadIsSecret, "x y z"), CutScan.engine())).isZero();
    }

    @Test
    void aSecretSplitBetweenPrefixAndMessageIsMaskedWhole() {
        String head = known.value.substring(0, 10);
        String tail = known.value.substring(10);
        CleanPrefixes kept = new CleanPrefixes();
        byte[] split = line(PREFIX + head, tail + " paid");
        // the prefix alone is clean, but ends with a known form's start: not closed, not kept
        assertThat(CleanLines.cleanOrNull(kept, split, new Event(tail + " paid"))).isNull();
        assertThat(write(PREFIX + head, tail + " paid")).isEqualTo(PREFIX + "[REDACTED:APP_PASSWORD] paid" + NL);
    }

    @Test
    void aNameInThePrefixWithItsValueInTheMessageIsMasked() {
        String value = "v" + UUID.randomUUID().toString().replace("-", "");
        assertThat(write(PREFIX + "password=", value)).doesNotContain(value);
        assertThat(write(PREFIX + "password", "=" + value)).doesNotContain(value);
        assertThat(write(PREFIX + "Authorization: Bearer ", value)).doesNotContain(value);
    }

    @Test
    void nameRulesAndSpacesInsideTheMessageAreSeenWhole() {
        assertThat(write(PREFIX, "clean line")).isEqualTo(PREFIX + "clean line" + NL);
        String value = "v" + UUID.randomUUID().toString().replace("-", "");
        assertThat(write(PREFIX, "login password " + "= " + value)).doesNotContain(value);
        assertThat(write(PREFIX, "call with Bearer " + value)).doesNotContain(value);
        SecretRegistry.put(new Secret("PHRASE", "1", "correct horse battery staple", "test"));
        assertThat(write(PREFIX, "say correct horse battery staple twice")).doesNotContain("battery staple");
    }

    @Test
    void afterRotationTheKeptPrefixesNoLongerMatchAndANewValueIsCaughtOnTheNextLine() {
        String next = "rot-" + UUID.randomUUID().toString().replace("-", "");
        String prefixWithNext = "2026-12-02 07:45:08,123 INFO  [" + next + "] demo.Orders ";
        assertThat(write(prefixWithNext, "order 1")).contains(next); // not a secret yet: the prefix is kept
        assertThat(write(PREFIX, "order 2")).isEqualTo(PREFIX + "order 2" + NL);
        SecretRegistry.put(new Secret("APP_PASSWORD", "2", next, "test"));
        assertThat(write(prefixWithNext, "order 3")).doesNotContain(next).contains("[REDACTED:APP_PASSWORD]");
        assertThat(write(PREFIX, "now " + next)).doesNotContain(next);
    }

    @Test
    void aLayoutWhoseLinesDoNotEndWithTheMessageKeepsTheWholeScanAndBacksOff() {
        CleanPrefixes kept = new CleanPrefixes();
        for (int i = 0; i < 200; i++) {
            byte[] b = ("{\"n\":" + i + ",\"message\":\"order\"}" + NL).getBytes(StandardCharsets.UTF_8);
            assertThat(CleanLines.cleanOrNull(kept, b, new Event("order"))).isNull();
        }
        assertThat(kept.shouldLearn()).isFalse();
        byte[] b = line(PREFIX, "m");
        assertThat(kept.match(b, CutScan.engine())).isZero();
    }

    @Test
    void messageStartIsFoundOnlyWhenTheLineEndsWithTheAsciiMessage() {
        assertThat(CleanLines.messageStart(line(PREFIX, "abc"), new Event("abc"))).isEqualTo(PREFIX.length());
        assertThat(CleanLines.messageStart(line(PREFIX, "abc"), new Event("abd"))).isZero();
        assertThat(CleanLines.messageStart(line(PREFIX, "ä"), new Event("ä"))).isZero();
        assertThat(CleanLines.messageStart(line("", "abc"), new Event("abc"))).isZero();
        assertThat(CleanLines.messageStart(line(PREFIX, "abc"), new Object())).isZero();
    }
}
