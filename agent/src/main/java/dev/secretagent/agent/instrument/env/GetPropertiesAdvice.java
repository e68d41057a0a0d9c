package dev.secretagent.agent.instrument.env;

import net.bytebuddy.asm.Advice;

import java.util.Properties;

/** Inlined into System.getProperties(): handing the live Properties to application code is recorded as a dump. */
public final class GetPropertiesAdvice {
    private GetPropertiesAdvice() {
    }

    @Advice.OnMethodExit
    public static void exit(@Advice.Return Properties props) {
        try {
            dev.secretagent.runtime.access.SecretAccess.onGetProperties(props);
        } catch (Throwable agentBug) {
            // never break the application's call
        }
    }
}
