package dev.secretagent.agent.instrument.otel;

import dev.secretagent.agent.instrument.TargetInstrumentation;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

import java.util.Collection;

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
    public String[] classNamePrefixes() {
        return new String[] {PACKAGE + "logs.", PACKAGE + "traces.", PACKAGE + "metrics."};
    }

    @Override
    public AgentBuilder apply(AgentBuilder builder) {
        return builder
                .type(namedOneOf(PACKAGE + "logs.LogsRequestMarshaler", PACKAGE + "logs.LowAllocationLogsRequestMarshaler"))
                .transform(new AgentBuilder.Transformer.ForAdvice()
                        .advice(batch(), LogsExportAdvice.class.getName())
                        .include(ClassLoader.getSystemClassLoader()))
                .type(namedOneOf(PACKAGE + "traces.TraceRequestMarshaler",
                        PACKAGE + "traces.LowAllocationTraceRequestMarshaler"))
                .transform(new AgentBuilder.Transformer.ForAdvice()
                        .advice(batch(), TracesExportAdvice.class.getName())
                        .include(ClassLoader.getSystemClassLoader()))
                .type(namedOneOf(PACKAGE + "metrics.MetricsRequestMarshaler",
                        PACKAGE + "metrics.LowAllocationMetricsRequestMarshaler"))
                .transform(new AgentBuilder.Transformer.ForAdvice()
                        .advice(batch(), MetricsExportAdvice.class.getName())
                        .include(ClassLoader.getSystemClassLoader()));
    }

    /** {@code static create(Collection)} and {@code initialize(Collection)}. */
    private static ElementMatcher<MethodDescription> batch() {
        return namedOneOf("create", "initialize").and(takesArguments(Collection.class));
    }
}
