package dev.secretagent.agent.instrument.log4j2;

import net.bytebuddy.asm.Advice;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.appender.AbstractOutputStreamAppender;
import org.apache.logging.log4j.core.appender.OutputStreamManager;

/**
 * Replaces AbstractOutputStreamAppender.tryAppend(event): layout bytes, redacted, to the same manager.
 * Exceptions of the layout or the manager propagate exactly as from the original (append() turns them
 * into the appender's error handling), so the original body never runs after a partial write.
 */
public final class TryAppendAdvice {
    private TryAppendAdvice() {
    }

    @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class)
    public static boolean enter(@Advice.This AbstractOutputStreamAppender<?> self,
                                @Advice.Argument(0) LogEvent event,
                                @Advice.FieldValue("manager") OutputStreamManager manager,
                                @Advice.FieldValue("immediateFlush") boolean immediateFlush) {
        byte[] bytes = self.getLayout().toByteArray(event);
        if (bytes != null && bytes.length > 0) {
            byte[] clean;
            try {
                clean = dev.secretagent.runtime.door.log4j2.Log4j2Door.log4j2Bytes(bytes, event.getLoggerName());
            } catch (Throwable agentBug) {
                clean = (dev.secretagent.runtime.redact.Markers.REDACTION_FAILED + "\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            }
            manager.writeBytes(clean, 0, clean.length);
            if (immediateFlush || event.isEndOfBatch()) {
                manager.flush();
            }
        }
        return true;
    }
}
