package dev.secretagent.runtime.logging;

import dev.secretagent.runtime.redact.Redaction;
import dev.secretagent.runtime.secret.Secret;
import dev.secretagent.runtime.secret.SecretRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The Logback door: appender calls in progress per thread (nested too), and the channel named for a redacted line. */
class LogRedactionLogbackTest {
    private final String secret = "lb-" + UUID.randomUUID().toString().replace("-", "");
    private final List<String> heard = new ArrayList<>();

    /** Stands in for a Logback classic event: what the door reads reflectively. */
    public static final class Event {
        private final String logger;

        Event(String logger) {
            this.logger = logger;
        }

        public String getLoggerName() {
            return logger;
        }
    }

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

    private byte[] line(String text) {
        return (text + "\n").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void nestedAppenderCallsNameTheInnermostLoggerAndRestoreTheOuterOne() {
        Object outer = LogRedaction.enterLogbackAppender(new Event("demo.Outer"));
        try {
            Object inner = LogRedaction.enterLogbackAppender(new Event("demo.Inner"));
            try {
                LogRedaction.logbackBytes(line("pw " + secret), false);
            } finally {
                LogRedaction.exitLogbackAppender(inner);
            }
            LogRedaction.logbackBytes(line("pw " + secret), true);
            // inside an appender the event text is left to the byte hook
            assertThat(LogRedaction.logbackEventText("pw " + secret, "demo.Outer")).contains(secret);
        } finally {
            LogRedaction.exitLogbackAppender(outer);
        }
        assertThat(heard).containsExactly("APP_PASSWORD@logback:demo.Inner", "APP_PASSWORD@logback:demo.Outer");
        // outside every appender call: the event text is redacted here, and bytes go to the framework's channel
        assertThat(LogRedaction.logbackEventText("pw " + secret, "demo.Shipped")).isEqualTo("pw [REDACTED:APP_PASSWORD]");
        LogRedaction.logbackBytes(line("pw " + secret), false);
        assertThat(heard).endsWith("APP_PASSWORD@logback:demo.Shipped", "APP_PASSWORD@logback");
    }

    @Test
    void cleanLineComesBackAsTheSameArrayWithoutNamingTheChannel() {
        byte[] clean = line("order 42 paid");
        Object state = LogRedaction.enterLogbackAppender(new Object() { // no getLoggerName(): never asked for anyway
        });
        try {
            assertThat(LogRedaction.logbackBytes(clean, false)).isSameAs(clean);
        } finally {
            LogRedaction.exitLogbackAppender(state);
        }
        assertThat(heard).isEmpty();
    }

    @Test
    void eventsWithoutALoggerNameGoToTheFrameworksChannel() {
        Object state = LogRedaction.enterLogbackAppender(null);
        try {
            assertThat(new String(LogRedaction.logbackBytes(line("pw " + secret), false), StandardCharsets.UTF_8))
                    .isEqualTo("pw [REDACTED:APP_PASSWORD]\n");
        } finally {
            LogRedaction.exitLogbackAppender(state);
        }
        assertThat(heard).containsExactly("APP_PASSWORD@logback");
    }
}
