package dev.secretagent.agent.instrument.logback;

import net.bytebuddy.asm.Advice;

/** Inlined into OutputStreamAppender.subAppend(E): names the channel (the event's logger) for writeBytes. */
public final class SubAppendAdvice {
    private SubAppendAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static String enter(@Advice.Argument(0) Object event) {
        return dev.secretagent.runtime.logging.LogRedaction.enterLogbackAppender(event);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(@Advice.Enter String previous) {
        dev.secretagent.runtime.logging.LogRedaction.exitLogbackAppender(previous);
    }
}
