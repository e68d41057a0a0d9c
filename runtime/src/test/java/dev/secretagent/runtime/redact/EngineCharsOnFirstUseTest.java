package dev.secretagent.runtime.redact;

import dev.secretagent.runtime.Settings;
import dev.secretagent.runtime.secret.SecretRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static dev.secretagent.runtime.redact.TestSupport.random;
import static dev.secretagent.runtime.redact.TestSupport.secret;
import static dev.secretagent.runtime.redact.TestSupport.settings;
import static org.assertj.core.api.Assertions.assertThat;

/** An engine built for bytes (the {@code redact} command) still redacts chars exactly as one built for both. */
class EngineCharsOnFirstUseTest {
    @AfterEach
    void tearDown() {
        SecretRegistry.reset();
        settings();
    }

    @Test
    void charScansOfALazyEngineMatchAnEagerOne() {
        SecretRegistry.reset();
        settings();
        String v = random("lazy-", 20);
        secret("LAZY_TOKEN", v);
        String tail = v.substring(0, 9);
        String text = "a " + v + " b " + java.util.Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8))
                + " password=" + random("", 12) + " end " + tail;
        Engine eager = new Engine(SecretRegistry.snapshot(), Settings.current(), false);
        Engine lazy = new Engine(SecretRegistry.snapshot(), Settings.current(), true);
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        // bytes first: the lazy engine has not built its char matcher yet
        assertThat(new String(lazy.redactUtf8(b, 0, b.length, "t"), StandardCharsets.UTF_8))
                .isEqualTo(new String(eager.redactUtf8(b, 0, b.length, "t"), StandardCharsets.UTF_8));
        char[] c = text.toCharArray();
        assertThat(lazy.heldTail(c, 0, c.length, false)).isEqualTo(eager.heldTail(c, 0, c.length, false)).isEqualTo(tail.length());
        assertThat(lazy.redact(text, "t")).isEqualTo(eager.redact(text, "t")).doesNotContain(v).contains("[REDACTED:LAZY_TOKEN]");
        Spans a = lazy.find(c, 0, c.length, null, new RuleScanner.Open());
        Spans e = eager.find(c, 0, c.length, null, new RuleScanner.Open());
        assertThat(a.size).isEqualTo(e.size).isPositive();
    }
}
