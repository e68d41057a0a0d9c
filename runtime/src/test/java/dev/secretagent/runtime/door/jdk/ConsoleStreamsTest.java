package dev.secretagent.runtime.door.jdk;

import dev.secretagent.runtime.secret.SecretRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** System.out and System.err as the setOut/setErr hooks wrap them. */
class ConsoleStreamsTest {
    @AfterEach
    void reset() {
        SecretRegistry.reset();
    }

    @Test
    void consoleStreamsWrapOnce() {
        java.io.PrintStream raw = new java.io.PrintStream(new ByteArrayOutputStream());
        java.io.PrintStream w = ConsoleStreams.wrap(raw, "stdout");
        assertThat(ConsoleStreams.wrap(w, "stdout")).isSameAs(w);
        assertThat(ConsoleStreams.unwrap(w)).isSameAs(raw);
    }

    /**
     * Found by the Feign end-to-end test: {@code ErrorLogger} prints {@code printf("[M#m] %s: %s%n", name, value)},
     * which an auto-flushing PrintStream writes piece by piece, flushing after each.
     */
    @Test
    void aHeaderLinePrintedWithPrintfOnTheConsoleIsMasked() throws Exception {
        String value = "ckT7kN2ngF8k4grogUdTQCFLYY";
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        java.io.PrintStream raw = new java.io.PrintStream(sink, true, "UTF-8");
        java.io.PrintStream console = ConsoleStreams.wrap(raw, "stderr");
        console.printf("[Items#post] %s: %s%n", "Cookie", "sid=" + value);
        console.format(java.util.Locale.ROOT, "[Items#post] %s: %s%n", "Authorization", "Bearer " + value);
        console.print("Password: ");
        // a prompt printed on its own still appears at once
        assertThat(sink.toString("UTF-8")).doesNotContain(value)
                .contains("[Items#post] Cookie: [REDACTED:header:Cookie]\n")
                .contains("[Items#post] Authorization: Bearer [REDACTED:header:Authorization]\n")
                .endsWith("Password: ");
    }
}
