package dev.secretagent.agent.instrument.log4j1;

import net.bytebuddy.asm.Advice;
import org.apache.log4j.spi.LoggingEvent;

/**
 * Inlined into every concrete {@code format(LoggingEvent)} of a Log4j 1.2 layout, and into reload4j's
 * {@code JdbcPatternParser.buildValueStr(event, converter)} (the text of one bind parameter of its JDBCAppender):
 * the text returned, redacted unless a WriterAppender call is in progress on this thread (its QuietWriter redacts
 * the final text). The runtime decides.
 */
public final class FormattedTextAdvice {
    private FormattedTextAdvice() {
    }

    @Advice.OnMethodExit
    public static void exit(@Advice.Argument(0) LoggingEvent event,
                            @Advice.Return(readOnly = false) String text) {
        try {
            text = dev.secretagent.runtime.door.log4j1.Log4j1Door.log4j1FormattedText(text,
                    event == null ? null : event.getLoggerName());
        } catch (Throwable agentBug) {
            text = dev.secretagent.runtime.redact.Markers.REDACTION_FAILED; // fail closed
        }
    }
}
