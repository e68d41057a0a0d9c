package dev.secretagent.runtime.redact;

import dev.secretagent.runtime.secret.Secret;
import dev.secretagent.runtime.secret.SecretRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The agent's own log is redacted too, and respects its level. */
class DiagnosticsTest {
    @AfterEach
    void reset() {
        SecretRegistry.reset();
    }

    @Test
    void diagnosticsLinesAreRedacted() throws Exception {
        String value = "diag-" + UUID.randomUUID();
        SecretRegistry.put(new Secret("DIAG_TOKEN", "1", value, "test"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Diagnostics.configure(new PrintStream(bytes, true, "UTF-8"), null, false, "info");
        Diagnostics.warn("something echoed the value " + value + " by mistake");
        Diagnostics.error("and an exception message too", new IllegalStateException("bad " + value));
        String out = new String(bytes.toByteArray(), StandardCharsets.UTF_8);
        assertThat(out).doesNotContain(value).contains("[secret-agent] WARN").contains("IllegalStateException");
        assertThat(out.split("\n")).hasSize(2);
    }

    @Test
    void levelsFilterAndDefaultIsQuietOnStderr() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Diagnostics.configure(new PrintStream(bytes, true, "UTF-8"), null, false, null);
        Diagnostics.info("start-up line");
        Diagnostics.debug("detail");
        Diagnostics.warn("a warning");
        String out = new String(bytes.toByteArray(), StandardCharsets.UTF_8);
        assertThat(out).contains("a warning").doesNotContain("start-up line").doesNotContain("detail");

        bytes.reset();
        Diagnostics.configure(new PrintStream(bytes, true, "UTF-8"), null, true, null);
        Diagnostics.debug("detail");
        assertThat(new String(bytes.toByteArray(), StandardCharsets.UTF_8)).contains("DEBUG detail");
    }

    @Test
    void diagnosticsFileGetsInfoByDefault(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("agent.log");
        Diagnostics.configure(System.err, file.toString(), false, null);
        Diagnostics.info("start-up line");
        assertThat(new String(Files.readAllBytes(file), StandardCharsets.UTF_8)).contains("INFO start-up line");
    }

    @Test
    void theEnginesWarningsReachThisChannelOnceTheStartSetsIt() throws Exception {
        TestSupport.settings(); // min.length 8
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Diagnostics.configure(new PrintStream(bytes, true, "UTF-8"), null, false, "info");
        String id = TestSupport.random("SHORT_", 8);
        String value = TestSupport.random("", 7);
        try {
            Redaction.setWarnings(null);
            TestSupport.secret(id, value); // no sink yet: nothing said, and nothing used up
            assertThat(new String(bytes.toByteArray(), StandardCharsets.UTF_8)).doesNotContain(id);

            Redaction.setWarnings(Diagnostics.WARNINGS);
            TestSupport.secret("LONG", TestSupport.random("long-", 20)); // the next engine warns
            assertThat(new String(bytes.toByteArray(), StandardCharsets.UTF_8))
                    .contains("WARN secret " + id + " is shorter than min.length (8 chars) and is NOT redacted")
                    .doesNotContain(value);
        } finally {
            Redaction.setWarnings(null);
        }
    }
}
