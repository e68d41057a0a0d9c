package dev.secretagent.agent.instrument.otel;

import dev.secretagent.agent.instrument.AdviceConstants;
import dev.secretagent.agent.instrument.SupportedVersions;
import dev.secretagent.agent.instrument.TargetInstrumentation;
import dev.secretagent.agent.instrument.TypeInstrumentation;
import dev.secretagent.agent.instrument.TypeTransformer;
import dev.secretagent.runtime.door.otel.OtelExports;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

/**
 * What the OpenTelemetry SDK exports over OTLP (gRPC, http/protobuf, http/json and the OTLP logging exporters):
 * every batch of log records, spans and metrics passes one of the marshalers below, statically created
 * ({@code IMMUTABLE_DATA} memory mode) or reused and initialised ({@code REUSABLE_DATA}), before it is encoded.
 * The batch is swapped for redacted views there (see runtime {@code otel/OtelExports}).
 *
 * <p>Matched by name in any class loader: the application's SDK, and the OpenTelemetry Java agent's own copy,
 * which its isolated AgentClassLoader defines from {@code inst/*.classdata} under the same
 * {@code io.opentelemetry.exporter...} names (only the API is relocated there, which the runtime copes with by
 * finding every type by name).
 */
public final class OtelInstrumentation implements TargetInstrumentation {
    static final String PACKAGE = "io.opentelemetry.exporter.internal.otlp.";

    @Override
    public String name() {
        return "otel";
    }

    @Override
    public SupportedVersions supportedVersions() {
        return SupportedVersions.oldest("io.opentelemetry:opentelemetry-exporter-otlp-common:1.38.0")
                .newest("io.opentelemetry:opentelemetry-exporter-otlp-common:1.68.0");
    }

    @Override
    public List<TypeInstrumentation> types() {
        return Arrays.asList(
                marshalers("logs.LogsRequestMarshaler", "logs.LowAllocationLogsRequestMarshaler", OtelExports.LOGS),
                marshalers("traces.TraceRequestMarshaler", "traces.LowAllocationTraceRequestMarshaler",
                        OtelExports.TRACES),
                marshalers("metrics.MetricsRequestMarshaler", "metrics.LowAllocationMetricsRequestMarshaler",
                        OtelExports.METRICS));
    }

    /**
     * A signal's two marshalers ({@code IMMUTABLE_DATA} and {@code REUSABLE_DATA}): their {@code static
     * create(Collection)} and {@code initialize(Collection)} hand the batch to the door on {@code channel}.
     */
    private static TypeInstrumentation marshalers(String marshaler, String lowAllocation, final String channel) {
        return new TypeInstrumentation(PACKAGE + marshaler, PACKAGE + lowAllocation) {
            @Override
            protected void transform(TypeTransformer t) {
                t.advice(namedOneOf("create", "initialize").and(takesArguments(Collection.class)), ExportAdvice.class,
                        AdviceConstants.of().bind(ExportAdvice.Channel.class, channel));
            }
        };
    }
}
