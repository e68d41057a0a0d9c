package demo.otel;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.exporter.otlp.http.logs.OtlpHttpLogRecordExporter;
import io.opentelemetry.exporter.otlp.http.metrics.OtlpHttpMetricExporter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.instrumentation.logback.appender.v1_0.OpenTelemetryAppender;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.export.SimpleLogRecordProcessor;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.export.PeriodicMetricReader;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;

import java.util.Arrays;

/** The OpenTelemetry SDK inside the application: OTLP http/protobuf exporters and the Logback appender. */
final class SdkSetup {
    private final OpenTelemetrySdk sdk;

    private SdkSetup(OpenTelemetrySdk sdk) {
        this.sdk = sdk;
    }

    static SdkSetup install(String endpoint, String token, String bearer) {
        Resource resource = Resource.getDefault().merge(Resource.create(Attributes.of(
                AttributeKey.stringKey("service.name"), "otel-app",
                AttributeKey.stringKey("deployment.note"), "built with " + token)));
        OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder().setResource(resource)
                        .addSpanProcessor(SimpleSpanProcessor.create(OtlpHttpSpanExporter.builder()
                                .setEndpoint(endpoint + "/v1/traces").build()))
                        .build())
                .setLoggerProvider(SdkLoggerProvider.builder().setResource(resource)
                        .addLogRecordProcessor(SimpleLogRecordProcessor.create(OtlpHttpLogRecordExporter.builder()
                                .setEndpoint(endpoint + "/v1/logs").build()))
                        .build())
                .setMeterProvider(SdkMeterProvider.builder().setResource(resource)
                        .registerMetricReader(PeriodicMetricReader.builder(OtlpHttpMetricExporter.builder()
                                .setEndpoint(endpoint + "/v1/metrics").build()).build())
                        .build())
                .build();
        OpenTelemetryAppender appender = new OpenTelemetryAppender();
        appender.setCaptureMdcAttributes("*");
        appender.setCaptureKeyValuePairAttributes(true);
        appender.setCaptureArguments(true);
        appender.setCaptureExperimentalAttributes(true);
        appender.setContext((ch.qos.logback.classic.LoggerContext) org.slf4j.LoggerFactory.getILoggerFactory());
        appender.setName("OTEL");
        appender.start();
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .addAppender(appender);
        OpenTelemetryAppender.install(sdk);
        return new SdkSetup(sdk);
    }

    /** What an application records by hand: the captured headers an HTTP instrumentation would add, and more. */
    void recordOwnTelemetry(String token, String bearer, String cookie) {
        Span span = sdk.getTracer("demo.otel").spanBuilder("GET /pay/" + token).setSpanKind(SpanKind.CLIENT)
                .setAttribute(AttributeKey.stringArrayKey("http.request.header.authorization"),
                        Arrays.asList("Bearer " + bearer))
                .setAttribute(AttributeKey.stringArrayKey("http.request.header.x-api-key"), Arrays.asList(token))
                .setAttribute(AttributeKey.stringArrayKey("http.response.header.set-cookie"),
                        Arrays.asList("session=" + cookie + "; Path=/"))
                .setAttribute("url.full", "http://127.0.0.1/pay?page=2&access_token=" + bearer)
                .setAttribute("http.request.method", "GET")
                .setAttribute("app.note", "paid with " + token)
                .startSpan();
        span.addEvent("retry", Attributes.of(AttributeKey.stringKey("reason"), "key " + token + " throttled"));
        span.recordException(new IllegalStateException("token " + token + " rejected"));
        span.setStatus(StatusCode.ERROR, "denied for " + token);
        span.end();
        LongCounter calls = sdk.getMeter("demo.otel").counterBuilder("demo.calls").build();
        calls.add(1, Attributes.of(AttributeKey.stringKey("caller"), "svc-" + token,
                AttributeKey.stringKey("route"), "/pay-visible"));
    }

    void close() {
        sdk.close();
    }
}
