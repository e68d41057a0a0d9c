package dev.secretagent.agent.instrument.log4j1;

import net.bytebuddy.asm.Advice;

/** Inlined into Log4j 1.2's QuietWriter.write(String) (and CountingQuietWriter's): the text, redacted before it is written. */
public final class QuietWriteAdvice {
    private QuietWriteAdvice() {
    }

    @Advice.OnMethodEnter
    public static void enter(@Advice.Argument(value = 0, readOnly = false) String text) {
        try {
            text = dev.secretagent.runtime.door.log4j1.Log4j1Door.log4j1Text(text);
        } catch (Throwable agentBug) {
            text = dev.secretagent.runtime.redact.Markers.REDACTION_FAILED; // fail closed
        }
    }
}
