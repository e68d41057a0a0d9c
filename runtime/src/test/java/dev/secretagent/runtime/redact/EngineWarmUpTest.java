package dev.secretagent.runtime.redact;

import dev.secretagent.runtime.secret.SecretRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static dev.secretagent.runtime.redact.TestSupport.secret;
import static dev.secretagent.runtime.redact.TestSupport.settings;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The start-up engine thread runs the engine's search over a line of its own ("start", see
 * {@code Redaction.warmConsolePath}) so an application's first console line finds the scan's classes linked. It must
 * never redact or report anything: here that very line is a secret's value, and no listener hears of it.
 */
class EngineWarmUpTest {
    private final List<String> heard = Collections.synchronizedList(new ArrayList<String>());

    @AfterEach
    void tearDown() {
        Redaction.setListener(null);
        SecretRegistry.reset();
        settings();
    }

    @Test
    void theWarmUpLineIsNeverRedactedNorHeardEvenWhenItIsASecret() throws Exception {
        SecretRegistry.reset();
        settings("min.length", "1");
        secret("warm", "start");
        Redaction.setListener((id, channel) -> heard.add(id + "@" + channel));

        Redaction.prepareInBackground();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if ("secret-agent-engine".equals(t.getName())) {
                t.join(); // the warm-up has run (or failed) once the thread is gone
            }
        }

        assertThat(heard).isEmpty();
        assertThat(Redaction.redact("start", "probe")).isNotEqualTo("start"); // the secret is live: a scan masks it
        assertThat(heard).containsExactly("warm@probe");
    }
}
