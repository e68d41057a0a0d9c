package dev.secretagent.runtime.door.otel;

import dev.secretagent.runtime.redact.Redaction;
import dev.secretagent.runtime.secret.Secret;
import dev.secretagent.runtime.secret.SecretRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class AttributeRedactionTest {
    private static final String CH = OtelExports.TRACES;
    private String secret;
    private final List<String> heard = new ArrayList<>();

    @BeforeEach
    void knownSecret() {
        secret = "otel" + UUID.randomUUID().toString().replace("-", "");
        SecretRegistry.put(new Secret("APP_PASSWORD", "1", secret, "test"));
        Redaction.setListener((id, channel) -> heard.add(id + "@" + channel));
    }

    @AfterEach
    void reset() {
        Redaction.setListener(null);
        SecretRegistry.reset();
    }

    @Test
    void capturedSensitiveHeadersAreMaskedWholeKnownOrNot() {
        Object auth = AttributeRedaction.value("http.request.header.authorization",
                Arrays.asList("Bearer unknown-" + UUID.randomUUID()), CH);
        assertThat(auth).isEqualTo(Collections.singletonList("[REDACTED:header:authorization]"));
        assertThat(AttributeRedaction.value("http.response.header.set-cookie", Arrays.asList("a=1", "b=2"), CH))
                .isEqualTo(Arrays.asList("[REDACTED:header:set-cookie]", "[REDACTED:header:set-cookie]"));
        assertThat(AttributeRedaction.value("HTTP.REQUEST.HEADER.X_API_KEY", "k", CH)).isEqualTo("[REDACTED:header:x-api-key]");
        assertThat(AttributeRedaction.value("rpc.grpc.request.metadata.authorization", "Bearer x", CH))
                .isEqualTo("[REDACTED:header:authorization]");
        assertThat(heard).contains("header:authorization@" + CH, "header:set-cookie@" + CH);
    }

    @Test
    void ordinaryHeadersAndCleanValuesPassAsTheSameInstance() {
        List<String> id = Arrays.asList("req-1");
        assertThat(AttributeRedaction.value("http.request.header.x-request-id", id, CH)).isSameAs(id);
        String method = "GET";
        assertThat(AttributeRedaction.value("http.request.method", method, CH)).isSameAs(method);
        Long n = 42L;
        assertThat(AttributeRedaction.value("http.response.status_code", n, CH)).isSameAs(n);
        assertThat(heard).isEmpty();
    }

    @Test
    void keysThatLookSecretAreMaskedWhole() {
        assertThat(AttributeRedaction.value("apiToken", "anything", OtelExports.LOGS)).isEqualTo("[REDACTED:key:apiToken]");
        assertThat(AttributeRedaction.value("db.password", "pw", OtelExports.LOGS)).isEqualTo("[REDACTED:key:db.password]");
        assertThat(AttributeRedaction.value("db.password", 7L, OtelExports.LOGS)).isEqualTo(7L);
    }

    @Test
    void knownSecretsInAnyStringValueOrArrayElement() {
        assertThat(AttributeRedaction.value("app.note", "paid with " + secret, CH)).isEqualTo("paid with [REDACTED:APP_PASSWORD]");
        assertThat(AttributeRedaction.value("log.body.parameters", Arrays.asList("visible", secret), OtelExports.LOGS))
                .isEqualTo(Arrays.asList("visible", "[REDACTED:APP_PASSWORD]"));
        assertThat(AttributeRedaction.text("GET /pay/" + secret, CH)).isEqualTo("GET /pay/[REDACTED:APP_PASSWORD]");
        assertThat(heard).contains("APP_PASSWORD@" + CH, "APP_PASSWORD@" + OtelExports.LOGS);
    }

    @Test
    void urlCredentialParametersAreMaskedAndTheRestStays() {
        String url = "https://h/p?page=2&access_token=abc123&sig=s1g&q=shoes#top";
        assertThat(AttributeRedaction.value("url.full", url, CH))
                .isEqualTo("https://h/p?page=2&access_token=[REDACTED:query:access_token]&sig=[REDACTED:query:sig]&q=shoes#top");
        assertThat(AttributeRedaction.value("url.query", "api_key=zz&x=1", CH)).isEqualTo("api_key=[REDACTED:query:api_key]&x=1");
        String plain = "https://h/p?page=2";
        assertThat(AttributeRedaction.value("url.full", plain, CH)).isSameAs(plain);
        // any key: the engine's own rules (its query parameters among them) still apply
        assertThat(AttributeRedaction.value("app.link", "page=2&sig=s1g", CH)).isEqualTo("page=2&sig=[REDACTED:query:sig]");
        String clean = "page=2&q=shoes";
        assertThat(AttributeRedaction.value("app.link", clean, CH)).isSameAs(clean);
    }
}
