package dev.secretagent.agent.instrument.logback;

import net.bytebuddy.asm.Advice;

/** Inlined into ThrowableProxy.getMessage(): exception messages (and causes', suppressed') of shipped events. */
public final class ThrowableMessageAdvice {
    private ThrowableMessageAdvice() {
    }

    @Advice.OnMethodExit
    public static void exit(@Advice.Return(readOnly = false) String text) {
        try {
            text = dev.secretagent.runtime.door.logback.LogbackDoor.logbackEventText(text, null);
        } catch (Throwable agentBug) {
            text = dev.secretagent.runtime.redact.Markers.REDACTION_FAILED;
        }
    }
}
