package dev.secretagent.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The real OpenTelemetry Java agent beside secret-agent, in both -javaagent orders: logs (Logback with MDC,
 * key-value pairs, arguments, an exception) and traces (a java.net.http call whose Authorization, X-Api-Key and
 * Set-Cookie headers the OpenTelemetry agent captures) exported over OTLP http/protobuf to a receiver in this
 * test. The control run (the OpenTelemetry agent alone) shows every leak; with secret-agent the decoded
 * payloads, the raw bytes, the console and the log file hold no secret, and neither agent warns.
 */
class OtelAgentIT {
    private static ChildJvm withOtel(OtelScenario s, OtlpReceiver receiver, ChildJvm app) {
        return app
                .jvmArg("-Dotel.service.name=otel-app")
                .jvmArg("-Dotel.exporter.otlp.protocol=http/protobuf")
                .jvmArg("-Dotel.exporter.otlp.endpoint=" + receiver.endpoint())
                .jvmArg("-Dotel.traces.exporter=otlp").jvmArg("-Dotel.logs.exporter=otlp")
                .jvmArg("-Dotel.metrics.exporter=none")
                .jvmArg("-Dotel.bsp.schedule.delay=100").jvmArg("-Dotel.blrp.schedule.delay=100")
                .jvmArg("-Dotel.instrumentation.http.client.capture-request-headers=Authorization,X-Api-Key")
                .jvmArg("-Dotel.instrumentation.http.client.capture-response-headers=Set-Cookie")
                // 2.33 names (the older capture-mdc-attributes / capture-key-value-pair-attributes warn as deprecated)
                .jvmArg("-Dotel.instrumentation.logback-appender.experimental.mdc-attributes.included=*")
                .jvmArg("-Dotel.instrumentation.common.logging.structured-attributes.included=*")
                .jvmArg("-Dotel.instrumentation.logback-appender.experimental.capture-arguments=true")
                .jvmArg("-Dotel.instrumentation.logback-appender.experimental-log-attributes=true");
    }

    private static void awaitExports(OtlpReceiver receiver) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(receiver.failure()).isNull();
            assertThat(receiver.logs()).contains("upstream answered");
            assertThat(receiver.traces()).contains("http.request.header.authorization");
        });
    }

    @ParameterizedTest(name = "OpenTelemetry agent first: {0}")
    @ValueSource(booleans = {true, false})
    void nothingExportedCarriesASecretInEitherOrder(boolean otelFirst) throws Exception {
        OtelScenario s = new OtelScenario();
        try (OtlpReceiver receiver = new OtlpReceiver()) {
            ChildJvm app = s.app("agent");
            String otel = "-javaagent:" + OtelScenario.OTEL_AGENT;
            if (otelFirst) {
                app.jvmArg(otel).jvmArg(s.secretAgentArg());
            } else {
                app.jvmArg(s.secretAgentArg()).jvmArg(otel);
            }
            ChildJvm.Result r = withOtel(s, receiver, app).run();
            assertThat(r.exit).as(r.toString()).isZero();
            assertThat(r.stdout()).contains("done");
            awaitExports(receiver);

            s.assertNothingLeaked(receiver, r);

            // what is not secret still arrives, and the masks say what was there
            assertThat(receiver.logs()).contains("acme-visible").contains("o-42-visible")
                    .contains("[REDACTED:DEMO_API_TOKEN]").contains("exception.message");
            assertThat(receiver.traces()).contains("[REDACTED:header:authorization]")
                    .contains("[REDACTED:header:x-api-key]").contains("[REDACTED:header:set-cookie]");
            assertThat(s.auditText()).contains("\"otel:traces\"");
        }
    }

    @Test
    void withTheOpenTelemetryAgentAloneTheExportsLeak() throws Exception {
        OtelScenario s = new OtelScenario();
        try (OtlpReceiver receiver = new OtlpReceiver()) {
            ChildJvm.Result r = withOtel(s, receiver, s.app("agent").jvmArg("-javaagent:" + OtelScenario.OTEL_AGENT)).run();
            assertThat(r.exit).as(r.toString()).isZero();
            awaitExports(receiver);
            // body and arguments, MDC, key-value pairs, the exception's message
            assertThat(receiver.logs()).contains("calling upstream with key " + s.token)
                    .contains("token=" + s.token).contains(s.bearer).contains("rejected key " + s.token);
            // the captured headers: a known secret and an unknown bearer token and cookie
            assertThat(receiver.traces()).contains("Bearer " + s.bearer).contains(s.token).contains(s.cookie);
            assertThat(r.stdout()).contains(s.token); // the console, too, without secret-agent
        }
    }

    @Test
    void attachedLaterItRedactsWhatIsExportedFromThenOn() throws Exception {
        OtelScenario s = new OtelScenario();
        try (OtlpReceiver receiver = new OtlpReceiver()) {
            ChildJvm.Running app = withOtel(s, receiver, s.app("agent-twice").jvmArg("-javaagent:" + OtelScenario.OTEL_AGENT))
                    .start();
            try {
                await().atMost(Duration.ofMinutes(4)).until(() -> app.stdout().contains("ready"));
                awaitExports(receiver);
                assertThat(receiver.traces()).as("before the attach, the export leaks").contains(s.cookie);
                int logsAt = receiver.logs().length();
                int tracesAt = receiver.traces().length();

                ChildJvm.Result attach = AttachIT.cli("attach", String.valueOf(app.process.pid()), "audit.file=" + s.audit);
                assertThat(attach.exit).as(attach.toString()).isZero();
                app.send("again");
                await().atMost(Duration.ofMinutes(4)).until(() -> app.stdout().contains("done"));
                assertThat(app.finish()).isZero();
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                    assertThat(receiver.logs().substring(logsAt)).contains("upstream answered");
                    assertThat(receiver.traces().substring(tracesAt)).contains("http.request.header.authorization");
                });
                String logs = receiver.logs().substring(logsAt);
                String traces = receiver.traces().substring(tracesAt);
                s.assertNoSecretIn("OTLP logs after the attach", logs);
                s.assertNoSecretIn("OTLP traces after the attach", traces);
                s.assertNoSecretIn("stdout after the attach", app.stdout().substring(app.stdout().indexOf("ready")));
                assertThat(traces).contains("[REDACTED:header:authorization]").contains("[REDACTED:header:set-cookie]");
                assertThat(logs).contains("acme-visible").contains("[REDACTED:DEMO_API_TOKEN]");
                assertThat(app.stderr()).doesNotContain("could not instrument").doesNotContain("could not retransform");
            } finally {
                app.process.destroyForcibly();
            }
        }
    }
}
