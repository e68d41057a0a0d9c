package dev.secretagent.runtime.redact;

import dev.secretagent.runtime.secret.SecretRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The forms the CI runners' maskers handle: doubled quotes, a value registered with its quotes, mixed entities. (Hex of the value: not added, see docs/performance.md.) */
class PeerEncodingsTest {
    @BeforeEach
    void setUp() {
        SecretRegistry.reset();
        TestSupport.settings();
    }

    @AfterEach
    void tearDown() {
        SecretRegistry.reset();
    }

    @Test
    void doubledQuotes() {
        String v = TestSupport.random("Pa", 6) + "'" + TestSupport.random("", 6) + "\"" + TestSupport.random("", 4);
        TestSupport.secret("DB", v);
        assertThat(Redaction.redact("sql: '" + v.replace("'", "''") + "'", "t")).isEqualTo("sql: '[REDACTED:DB]'");
        assertThat(Redaction.redact("csv: \"" + v.replace("\"", "\"\"") + "\"", "t")).isEqualTo("csv: \"[REDACTED:DB]\"");
    }

    @Test
    void aValueRegisteredWithItsQuotesIsFoundWithoutThem() {
        String inner = TestSupport.random("q", 14);
        TestSupport.secret("TOKEN_Q", "\"" + inner + "\"");
        assertThat(Redaction.redact("using " + inner + " now", "t")).isEqualTo("using [REDACTED:TOKEN_Q] now");
    }

    @Test
    void numericQuotesBesideNamedEntities() {
        String v = TestSupport.random("a", 6) + "\"<&" + TestSupport.random("", 6);
        TestSupport.secret("HTML", v);
        String owasp = v.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&#34;");
        assertThat(Redaction.redact("<p>" + owasp + "</p>", "t")).isEqualTo("<p>[REDACTED:HTML]</p>");
    }
}
