package dev.secretagent.runtime.redact;

import dev.secretagent.runtime.secret.Secret;
import dev.secretagent.runtime.secret.SecretRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Found by the Apache HttpClient 4 end-to-end test (about one run in fifteen): PrintStream.println
 * flushes between the text and the line separator; when the header value's last character could
 * start a known secret, the flush cut back to the value's start and the value reached the next write
 * without its header name, so no rule matched it.
 */
class StreamFlushRegressionTest {
    @AfterEach
    void reset() {
        SecretRegistry.reset();
    }

    @Test
    void headerValueWhoseTailCouldStartAKnownSecretIsMaskedAcrossAFlush() throws Exception {
        String value = "btC7kN2ngF8k4grogUdTQCFLYY";
        // a known secret starting with the value's last character: the stream must hold that tail back
        SecretRegistry.put(new Secret("SERVICE_API_KEY", "1", "Y" + "k3x9Qw7Lm2Pz8Rt5", "env"));
        String line = "[DEBUG] headers - http-outgoing-0 >> Authorization: Bearer " + value;

        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        OutputStream out = Redaction.redactingStream(sink, "stderr");
        out.write(line.getBytes(StandardCharsets.UTF_8));
        out.flush();
        out.write("\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
        assertThat(sink.toString(StandardCharsets.UTF_8)).doesNotContain(value)
                .contains("Authorization: Bearer [REDACTED:header:Authorization]").endsWith("\n");

        StringWriter chars = new StringWriter();
        Writer w = Redaction.redactingWriter(chars, "jul:x");
        w.write(line);
        w.flush();
        w.write("\n");
        w.flush();
        assertThat(chars.toString()).doesNotContain(value).contains("[REDACTED:header:Authorization]");
    }
}
