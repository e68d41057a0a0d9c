package dev.secretagent.agent.instrument.sysprop;

import net.bytebuddy.asm.Advice;

/** Inlined into System.setProperty(String, String). */
public final class SetPropertyAdvice {
    private SetPropertyAdvice() {
    }

    @Advice.OnMethodExit(suppress = Throwable.class)
    public static void exit(@Advice.Argument(0) String key, @Advice.Argument(1) String value) {
        dev.secretagent.runtime.logging.SecretProperties.onSetProperty(key, value);
    }
}
