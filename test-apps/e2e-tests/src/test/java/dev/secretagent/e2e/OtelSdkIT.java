package dev.secretagent.e2e;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The OpenTelemetry SDK inside the application (no OpenTelemetry agent): its Logback appender, a span with
 * captured-header attributes, an event, an exception, an error status, a counter with attributes and a
 * resource attribute, all holding secrets, exported over OTLP http/protobuf to a receiver in this test.
 */
class OtelSdkIT {
    private static void awaitExports(OtlpReceiver receiver) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(receiver.failure()).isNull();
            assertThat(receiver.logs()).contains("upstream answered");
            assertThat(receiver.traces()).contains("http.request.header.authorization");
            assertThat(receiver.metrics()).contains("demo.calls");
        });
    }

    @Test
    void nothingTheSdkExportsCarriesASecret() throws Exception {
        OtelScenario s = new OtelScenario();
        try (OtlpReceiver receiver = new OtlpReceiver()) {
            ChildJvm.Result r = s.app("sdk", receiver.endpoint()).jvmArg(s.secretAgentArg()).run();
            assertThat(r.exit).as(r.toString()).isZero();
            awaitExports(receiver);

            s.assertNoSecretIn("OTLP metrics", receiver.metrics());
            s.assertNothingLeaked(receiver, r);

            assertThat(receiver.logs()).contains("acme-visible").contains("o-42-visible").contains("[REDACTED:");
            assertThat(receiver.traces()).contains("GET /pay/[REDACTED:DEMO_API_TOKEN]")
                    .contains("[REDACTED:header:authorization]").contains("[REDACTED:header:set-cookie]")
                    .contains("page=2&access_token=[REDACTED:query:access_token]")
                    .contains("denied for [REDACTED:DEMO_API_TOKEN]").contains("exception.message")
                    .contains("built with [REDACTED:DEMO_API_TOKEN]");
            assertThat(receiver.metrics()).contains("/pay-visible").contains("svc-[REDACTED:DEMO_API_TOKEN]");
            assertThat(s.auditText()).contains("\"otel:traces\"").contains("\"otel:metrics\"");
        }
    }

    @Test
    void withoutSecretAgentTheSdkExportsLeak() throws Exception {
        OtelScenario s = new OtelScenario();
        try (OtlpReceiver receiver = new OtlpReceiver()) {
            ChildJvm.Result r = s.app("sdk", receiver.endpoint()).run();
            assertThat(r.exit).as(r.toString()).isZero();
            awaitExports(receiver);
            assertThat(receiver.logs()).contains("calling upstream with key " + s.token).contains(s.bearer)
                    .contains("rejected key " + s.token);
            assertThat(receiver.traces()).contains("GET /pay/" + s.token).contains("Bearer " + s.bearer)
                    .contains(s.cookie).contains("denied for " + s.token).contains("built with " + s.token);
            assertThat(receiver.metrics()).contains("svc-" + s.token);
        }
    }
}
