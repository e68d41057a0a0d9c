package dev.secretagent.runtime.door.log4j1;

import dev.secretagent.runtime.logging.KnownSecret;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;


import static org.assertj.core.api.Assertions.assertThat;

/** A Log4j 1.2 layout's output: redacted outside a WriterAppender call, passed through (redacted later) inside one. */
class Log4j1DoorTest {
    @RegisterExtension
    final KnownSecret known = new KnownSecret("l1-");

    @Test
    void outsideAWriterAppenderTheTextIsRedactedOnTheLoggersChannel() {
        assertThat(Log4j1Door.log4j1FormattedText("pw " + known.value + "\n", "demo.Orders"))
                .isEqualTo("pw [REDACTED:APP_PASSWORD]\n");
        assertThat(Log4j1Door.log4j1FormattedText("pw " + known.value, "")).isEqualTo("pw [REDACTED:APP_PASSWORD]");
        assertThat(known.heard).containsExactly("APP_PASSWORD@log4j1:demo.Orders", "APP_PASSWORD@log4j1:root");
    }

    @Test
    void insideAWriterAppenderItPassesUnscannedAndTheWriterRedactsItOnce() {
        String previous = Log4j1Door.enterLog4j1Appender(null);
        String formatted;
        String written;
        try {
            formatted = Log4j1Door.log4j1FormattedText("pw " + known.value, "demo.Orders");
            written = Log4j1Door.log4j1Text(formatted);
        } finally {
            Log4j1Door.exitLog4j1Appender(previous);
        }
        assertThat(formatted).contains(known.value);
        assertThat(written).isEqualTo("pw [REDACTED:APP_PASSWORD]");
        assertThat(known.heard).hasSize(1);
        // after the appender call, the thread is outside one again
        assertThat(Log4j1Door.log4j1FormattedText("pw " + known.value, "demo.Orders")).doesNotContain(known.value);
    }

    @Test
    void cleanAndEmptyTextComeBackAsTheSameInstance() {
        String clean = "nothing to hide";
        assertThat(Log4j1Door.log4j1FormattedText(clean, "x")).isSameAs(clean);
        assertThat(Log4j1Door.log4j1FormattedText("", "x")).isEmpty();
        assertThat(Log4j1Door.log4j1FormattedText(null, "x")).isNull();
        assertThat(known.heard).isEmpty();
    }
}
