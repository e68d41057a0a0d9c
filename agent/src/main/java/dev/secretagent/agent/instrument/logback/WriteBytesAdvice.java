package dev.secretagent.agent.instrument.logback;

import net.bytebuddy.asm.Advice;

/** Inlined into OutputStreamAppender.writeBytes(byte[]): the encoder's final bytes, redacted before they are written. */
public final class WriteBytesAdvice {
    private WriteBytesAdvice() {
    }

    @Advice.OnMethodEnter
    public static void enter(@Advice.This Object appender,
                             @Advice.Argument(value = 0, readOnly = false) byte[] bytes) {
        try {
            // ConsoleAppender is in logback-core, like the OutputStreamAppender this is inlined into
            bytes = dev.secretagent.runtime.door.logback.LogbackDoor.logbackBytes(bytes,
                    appender instanceof ch.qos.logback.core.ConsoleAppender);
        } catch (Throwable agentBug) {
            // fail closed: a line we could not check is not written as it was
            bytes = (dev.secretagent.runtime.redact.Markers.REDACTION_FAILED + "\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        }
    }
}
