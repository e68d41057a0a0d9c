package dev.secretagent.agent.instrument.logback;

import ch.qos.logback.classic.spi.LoggerContextVO;
import net.bytebuddy.asm.Advice;

import java.util.Map;

/**
 * Inlined into LoggingEventVO.writeObject(ObjectOutputStream), which socket, SSL socket and server socket
 * appenders reach for every event they ship: the value object is Logback's own copy of the event, built for this
 * serialisation, so its fields are replaced with redacted values before {@code defaultWriteObject} writes them.
 * Thin: the fields go to {@code LogbackDoor.logbackShippedEvent}, which decides (template and arguments, rendered
 * together; maps and arrays swapped for redacted copies, never changed), and what comes back is assigned.
 * Exception messages reach the copy through ThrowableProxy.getMessage()/getOverridingMessage(), already redacted by
 * the ThrowableProxy hooks (see {@link LogbackInstrumentation}).
 */
public final class ShippedEventAdvice {
    private ShippedEventAdvice() {
    }

    @Advice.OnMethodEnter
    @SuppressWarnings("unchecked")
    public static void enter(@Advice.This Object event,
                             @Advice.FieldValue("loggerName") String logger,
                             @Advice.FieldValue(value = "message", readOnly = false) String message,
                             @Advice.FieldValue(value = "threadName", readOnly = false) String thread,
                             @Advice.FieldValue(value = "argumentArray", readOnly = false) Object[] arguments,
                             @Advice.FieldValue(value = "mdcPropertyMap", readOnly = false) Map<String, String> mdc,
                             @Advice.FieldValue(value = "loggerContextVO", readOnly = false) LoggerContextVO context) {
        try {
            Object[] shipped = dev.secretagent.runtime.door.logback.LogbackDoor.logbackShippedEvent(
                    event, logger, message, thread, arguments, mdc, context);
            message = (String) shipped[0];
            thread = (String) shipped[1];
            arguments = (Object[]) shipped[2];
            mdc = (Map<String, String>) shipped[3];
            context = (LoggerContextVO) shipped[4];
        } catch (Throwable agentBug) {
            // fail closed: what could not be checked is not shipped
            message = dev.secretagent.runtime.redact.Markers.REDACTION_FAILED;
            thread = dev.secretagent.runtime.redact.Markers.REDACTION_FAILED;
            arguments = null;
            mdc = java.util.Collections.<String, String>emptyMap();
        }
    }
}
