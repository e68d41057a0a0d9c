package dev.secretagent.agent.instrument.okhttp;

import dev.secretagent.runtime.door.okhttp.HttpLoggers;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * Inlined at the end of every constructor of HttpLoggingInterceptor / LoggingEventListener: the final
 * {@code logger} field (assigned in the constructor, so writing it here is legal) becomes a redacting
 * proxy of its own declared interface. Wrapping twice (a constructor delegating to another) is a no-op.
 */
public final class LoggerFieldAdvice {
    private LoggerFieldAdvice() {
    }

    @Advice.OnMethodExit
    public static void exit(@Advice.Origin Class<?> owner,
                            @Advice.FieldValue(value = "logger", readOnly = false, typing = Assigner.Typing.DYNAMIC) Object logger) {
        try {
            logger = HttpLoggers.wrapField(logger, owner, "logger", "okhttp");
        } catch (Throwable t) {
            // leave the application's logger as it is: the logging and console hooks still redact
        }
    }
}
