package dev.secretagent.agent.instrument.env;

import net.bytebuddy.asm.Advice;

/** Inlined into System.getProperty(String[, String]). */
public final class GetPropertyAdvice {
    private GetPropertyAdvice() {
    }

    @Advice.OnMethodExit
    public static void exit(@Advice.Argument(0) String key,
                            @Advice.Return(readOnly = false) String value) {
        try {
            value = dev.secretagent.runtime.access.SecretAccess.onGetProperty(key, value);
        } catch (SecurityException denied) {
            throw denied;
        } catch (Throwable agentBug) {
            // never break the application's call
        }
    }
}
