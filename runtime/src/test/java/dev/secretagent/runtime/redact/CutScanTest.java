package dev.secretagent.runtime.redact;

import dev.secretagent.runtime.secret.Secret;
import dev.secretagent.runtime.secret.SecretRegistry;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A first part is "clean and closed" only when a cut after it cannot change what the whole text's scan finds. */
class CutScanTest {
    private String value;

    @BeforeEach
    void secret() {
        value = "cs-" + UUID.randomUUID().toString().replace("-", "");
        SecretRegistry.put(new Secret("APP_PASSWORD", "1", value, "test"));
    }

    @AfterEach
    void reset() {
        SecretRegistry.reset();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private boolean closed(String text) {
        byte[] b = utf8(text);
        return CutScan.cleanAndClosed(CutScan.engine(), b, 0, b.length);
    }

    @Test
    void closedOnlyWhenNothingCouldGoOnAfterTheCut() {
        assertThat(closed("2026-12-02 07:45:08,123 INFO  [main] demo.Orders ")).isTrue();
        assertThat(closed("prefix " + value + " ")).as("holds a secret").isFalse();
        assertThat(closed("prefix " + value.substring(0, 8))).as("ends with a secret's start").isFalse();
        assertThat(closed("prefix password=")).as("a name rule's value runs into the end").isFalse();
        assertThat(closed("prefix Authorization: Bearer ")).as("a scheme's token runs into the end").isFalse();
        assertThat(closed("prefix passw")).as("ends with a name's start").isFalse();
    }

    @Test
    void cleanScansTheRangeAsAWholeText() {
        byte[] b = utf8("head " + value + " tail");
        Object e = CutScan.engine();
        assertThat(CutScan.clean(e, b, 0, 5)).isTrue();
        assertThat(CutScan.clean(e, b, 5, b.length)).isFalse();
        assertThat(CutScan.clean(e, b, b.length - 5, b.length)).isTrue();
    }

    @Test
    void aNewEngineAfterRotationAndNoVerdictWithoutOneOrOutOfRange() {
        Object before = CutScan.engine();
        SecretRegistry.put(new Secret("OTHER_TOKEN", "1", "ot-" + UUID.randomUUID(), "test"));
        assertThat(CutScan.engine()).isNotSameAs(before);
        byte[] b = utf8("clean text");
        assertThat(CutScan.clean(null, b, 0, b.length)).isFalse();
        assertThat(CutScan.cleanAndClosed("not an engine", b, 0, b.length)).isFalse();
        assertThat(CutScan.clean(CutScan.engine(), b, 0, b.length + 1)).isFalse();
        assertThat(CutScan.markedClean(b)).isSameAs(b);
    }
}
