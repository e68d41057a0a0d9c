package dev.secretagent.runtime.redact;

import dev.secretagent.runtime.secret.Secret;
import dev.secretagent.runtime.secret.SecretRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** java.util.logging.XMLFormatter escapes & < > in element text and leaves quotes as they are. */
class XmlTextEscapingTest {
    @AfterEach
    void reset() {
        SecretRegistry.reset();
    }

    @Test
    void aValueWithQuotesAndAmpersandIsCaughtInElementTextForm() {
        String value = "p\"w<d>&'" + Long.toHexString(System.nanoTime()) + "x9";
        SecretRegistry.put(new Secret("XML_PASSWORD", "1", value, "test"));
        String textForm = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        String line = "<message>connecting with " + textForm + "</message>";
        assertThat(Redaction.redact(line, "jul:x")).isEqualTo("<message>connecting with [REDACTED:XML_PASSWORD]</message>");
    }
}
