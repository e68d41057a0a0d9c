package dev.secretagent.agent.instrument.otel;

import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Inlined into the OTLP marshalers' create/initialize(Collection) of logs, spans and metrics: the batch replaced by
 * redacted views. One advice for the three signals, told apart by the channel bound per marshaler.
 */
public final class ExportAdvice {
    private ExportAdvice() {
    }

    /** The signal's channel, {@code OtelExports.LOGS}, {@code TRACES} or {@code METRICS}. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.PARAMETER)
    public @interface Channel {
    }

    @Advice.OnMethodEnter
    public static void enter(@Advice.Argument(value = 0, readOnly = false, typing = Assigner.Typing.DYNAMIC)
                             java.util.Collection<?> items, @Channel String channel) {
        try {
            items = dev.secretagent.runtime.door.otel.OtelExports.batch(items, channel);
        } catch (Throwable agentBug) {
            // fail closed: a batch that could not be checked is not exported
            items = java.util.Collections.emptyList();
        }
    }
}
