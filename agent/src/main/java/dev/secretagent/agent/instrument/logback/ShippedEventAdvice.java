package dev.secretagent.agent.instrument.logback;

import ch.qos.logback.classic.spi.LoggerContextVO;
import net.bytebuddy.asm.Advice;

import java.util.Map;

/**
 * Inlined into LoggingEventVO.writeObject(ObjectOutputStream), which socket, SSL socket and server socket
 * appenders reach for every event they ship: the value object is Logback's own copy of the event, built for this
 * serialisation, so its fields are replaced with redacted values before {@code defaultWriteObject} writes them.
 * Maps and the argument array are shared with the application's event (and the context's properties with every
 * event), so they are swapped for redacted copies, never changed. Exception messages reach the copy through
 * ThrowableProxy.getMessage()/getOverridingMessage(), already redacted by the ThrowableProxy hooks (see {@link LogbackInstrumentation}).
 * Template and arguments are checked one by one (each secret counted once), then rendered together, as the
 * receiver will render them, for a secret that only the two together hold.
 */
public final class ShippedEventAdvice {
    private ShippedEventAdvice() {
    }

    @Advice.OnMethodEnter
    public static void enter(@Advice.FieldValue("loggerName") String logger,
                             @Advice.FieldValue(value = "message", readOnly = false) String message,
                             @Advice.FieldValue(value = "threadName", readOnly = false) String thread,
                             @Advice.FieldValue(value = "argumentArray", readOnly = false) Object[] arguments,
                             @Advice.FieldValue(value = "mdcPropertyMap", readOnly = false) Map<String, String> mdc,
                             @Advice.FieldValue(value = "loggerContextVO", readOnly = false) LoggerContextVO context) {
        try {
            message = dev.secretagent.runtime.door.logback.LogbackDoor.logbackShippedText(message, logger);
            thread = dev.secretagent.runtime.door.logback.LogbackDoor.logbackShippedText(thread, logger);
            arguments = dev.secretagent.runtime.door.logback.LogbackDoor.logbackShippedArguments(arguments, logger);
            if (message != null && arguments != null && arguments.length > 0) {
                String whole = dev.secretagent.runtime.door.logback.LogbackDoor.logbackShippedRendered(
                        org.slf4j.helpers.MessageFormatter.arrayFormat(message, arguments).getMessage(), logger);
                if (whole != null) {
                    message = whole;
                    arguments = null;
                }
            }
            mdc = dev.secretagent.runtime.door.logback.LogbackDoor.logbackShippedMap(mdc, logger);
            if (context != null) {
                Map<String, String> properties = context.getPropertyMap();
                Map<String, String> clean = dev.secretagent.runtime.door.logback.LogbackDoor.logbackShippedMap(properties, logger);
                if (clean != properties) {
                    context = new LoggerContextVO(context.getName(), clean, context.getBirthTime());
                }
            }
        } catch (Throwable agentBug) {
            // fail closed: what could not be checked is not shipped
            message = dev.secretagent.runtime.redact.Markers.REDACTION_FAILED;
            arguments = null;
            mdc = java.util.Collections.<String, String>emptyMap();
        }
    }
}
