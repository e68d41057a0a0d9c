package dev.secretagent.agent.instrument.log4j1;

import net.bytebuddy.asm.Advice;

/** Inlined into Log4j 1.2's WriterAppender.subAppend(event): names the channel (the event's logger) for the writer. */
public final class SubAppendAdvice {
    private SubAppendAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static String enter(@Advice.Argument(0) Object event) {
        return dev.secretagent.runtime.door.log4j1.Log4j1Door.enterLog4j1Appender(event);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(@Advice.Enter String previous) {
        dev.secretagent.runtime.door.log4j1.Log4j1Door.exitLog4j1Appender(previous);
    }
}
