package dev.secretagent.agent.instrument.logback;

import net.bytebuddy.asm.Advice;

/** Inlined into LoggingEvent.getFormattedMessage()/getMessage(): event text for appenders that ship events. */
public final class EventMessageAdvice {
    private EventMessageAdvice() {
    }

    @Advice.OnMethodExit
    public static void exit(@Advice.FieldValue("loggerName") String logger,
                            @Advice.Return(readOnly = false) String text) {
        try {
            text = dev.secretagent.runtime.door.logback.LogbackDoor.logbackEventText(text, logger);
        } catch (Throwable agentBug) {
            text = dev.secretagent.runtime.redact.Markers.REDACTION_FAILED;
        }
    }
}
