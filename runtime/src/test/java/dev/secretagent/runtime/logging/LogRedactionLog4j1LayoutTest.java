package dev.secretagent.runtime.logging;

import dev.secretagent.runtime.redact.Redaction;
import dev.secretagent.runtime.secret.Secret;
import dev.secretagent.runtime.secret.SecretRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A Log4j 1.2 layout's output: redacted outside a WriterAppender call, passed through (redacted later) inside one. */
class LogRedactionLog4j1LayoutTest {
    private final String secret = "l1-" + UUID.randomUUID().toString().replace("-", "");
    private final List<String> heard = new ArrayList<>();

    @BeforeEach
    void known() {
        SecretRegistry.put(new Secret("APP_PASSWORD", "1", secret, "test"));
        Redaction.setListener((id, channel) -> heard.add(id + "@" + channel));
    }

    @AfterEach
    void reset() {
        Redaction.setListener(null);
        SecretRegistry.reset();
    }

    @Test
    void outsideAWriterAppenderTheTextIsRedactedOnTheLoggersChannel() {
        assertThat(LogRedaction.log4j1FormattedText("pw " + secret + "\n", "demo.Orders"))
                .isEqualTo("pw [REDACTED:APP_PASSWORD]\n");
        assertThat(LogRedaction.log4j1FormattedText("pw " + secret, "")).isEqualTo("pw [REDACTED:APP_PASSWORD]");
        assertThat(heard).containsExactly("APP_PASSWORD@log4j1:demo.Orders", "APP_PASSWORD@log4j1:root");
    }

    @Test
    void insideAWriterAppenderItPassesUnscannedAndTheWriterRedactsItOnce() {
        String previous = LogRedaction.enterLog4j1Appender(null);
        String formatted;
        String written;
        try {
            formatted = LogRedaction.log4j1FormattedText("pw " + secret, "demo.Orders");
            written = LogRedaction.log4j1Text(formatted);
        } finally {
            LogRedaction.exitLog4j1Appender(previous);
        }
        assertThat(formatted).contains(secret);
        assertThat(written).isEqualTo("pw [REDACTED:APP_PASSWORD]");
        assertThat(heard).hasSize(1);
        // after the appender call, the thread is outside one again
        assertThat(LogRedaction.log4j1FormattedText("pw " + secret, "demo.Orders")).doesNotContain(secret);
    }

    @Test
    void cleanAndEmptyTextComeBackAsTheSameInstance() {
        String clean = "nothing to hide";
        assertThat(LogRedaction.log4j1FormattedText(clean, "x")).isSameAs(clean);
        assertThat(LogRedaction.log4j1FormattedText("", "x")).isEmpty();
        assertThat(LogRedaction.log4j1FormattedText(null, "x")).isNull();
        assertThat(heard).isEmpty();
    }
}
