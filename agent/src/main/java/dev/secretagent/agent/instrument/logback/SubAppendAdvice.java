package dev.secretagent.agent.instrument.logback;

import net.bytebuddy.asm.Advice;

/** Inlined into OutputStreamAppender.subAppend(E): records the event (whose logger names the channel) for writeBytes. */
public final class SubAppendAdvice {
    private SubAppendAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static Object enter(@Advice.Argument(0) Object event) {
        return dev.secretagent.runtime.door.logback.LogbackDoor.enterLogbackAppender(event);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(@Advice.Enter Object previous) {
        dev.secretagent.runtime.door.logback.LogbackDoor.exitLogbackAppender(previous);
    }
}
