package dev.secretagent.agent.instrument.jetty;

import dev.secretagent.runtime.http.CookieDumps;
import dev.secretagent.runtime.redact.Markers;
import net.bytebuddy.asm.Advice;

/**
 * Inlined at the exit of {@code org.eclipse.jetty.http.HttpCookie#toString(HttpCookie)} (static, what every
 * Jetty cookie's {@code toString()} returns: {@code HttpCookie$Immutable@1f[session=v; Path=/]}), printed by
 * an application that lists its client's cookie store: the value is masked, name and attributes stay.
 */
public final class CookieToStringAdvice {
    private CookieToStringAdvice() {
    }

    @Advice.OnMethodExit
    public static void exit(@Advice.Return(readOnly = false) String text) {
        try {
            text = CookieDumps.maskBracketedPair(text, "jetty:cookie");
        } catch (Throwable t) {
            text = Markers.REDACTION_FAILED;
        }
    }
}
