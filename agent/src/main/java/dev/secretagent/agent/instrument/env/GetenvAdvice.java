package dev.secretagent.agent.instrument.env;

import net.bytebuddy.asm.Advice;

/** Inlined into System.getenv(String). The decision (audit, policy) is SecretAccess's; this only passes values. */
public final class GetenvAdvice {
    private GetenvAdvice() {
    }

    @Advice.OnMethodExit
    public static void exit(@Advice.Argument(0) String name,
                            @Advice.Return(readOnly = false) String value) {
        try {
            value = dev.secretagent.runtime.access.SecretAccess.onGetenv(name, value);
        } catch (SecurityException denied) {
            throw denied; // deny.action=throw: the policy's answer, meant for the caller
        } catch (Throwable agentBug) {
            // never break the application's call: it keeps the value the JDK gave
        }
    }
}
