package dev.secretagent.agent.instrument.process;

import net.bytebuddy.asm.Advice;

/**
 * Inlined into ProcessBuilder's private start(Redirect[]), which start(), startPipeline and
 * Runtime.exec all reach. environment() gives the copy the child will get (materialising it when
 * the application never asked for it, so an untouched builder no longer hands the child the whole
 * parent environment); SecretAccess removes what the policy denies the caller.
 */
public final class ProcessStartAdvice {
    private ProcessStartAdvice() {
    }

    @Advice.OnMethodEnter
    public static void enter(@Advice.This ProcessBuilder self) {
        try {
            dev.secretagent.runtime.access.SecretAccess.onProcessStart(self.environment());
        } catch (Throwable agentBug) {
            // never break the application's call
        }
    }
}
