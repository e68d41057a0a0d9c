package dev.secretagent.agent.instrument.otel;

import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/** Inlined into the OTLP logs marshalers' create/initialize(Collection): the batch replaced by redacted views. */
public final class LogsExportAdvice {
    private LogsExportAdvice() {
    }

    @Advice.OnMethodEnter
    public static void enter(@Advice.Argument(value = 0, readOnly = false, typing = Assigner.Typing.DYNAMIC)
                             java.util.Collection<?> items) {
        try {
            items = dev.secretagent.runtime.door.otel.OtelExports.logs(items);
        } catch (Throwable agentBug) {
            // fail closed: a batch that could not be checked is not exported
            items = java.util.Collections.emptyList();
        }
    }
}
