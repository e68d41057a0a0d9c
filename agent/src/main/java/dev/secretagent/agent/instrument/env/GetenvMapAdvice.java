package dev.secretagent.agent.instrument.env;

import net.bytebuddy.asm.Advice;

import java.util.Map;

/** Inlined into System.getenv(): the map is wrapped so reads of secret keys and whole-map dumps are audited. */
public final class GetenvMapAdvice {
    private GetenvMapAdvice() {
    }

    @Advice.OnMethodExit
    public static void exit(@Advice.Return(readOnly = false) Map<String, String> env) {
        try {
            env = dev.secretagent.runtime.access.SecretAccess.onGetenvMap(env);
        } catch (Throwable agentBug) {
            // never break the application's call: it keeps the JDK's map
        }
    }
}
