package dev.secretagent.agent.instrument.apachehttp;

import dev.secretagent.runtime.http.CookieDumps;
import dev.secretagent.runtime.redact.Markers;
import net.bytebuddy.asm.Advice;

/**
 * Inlined at the exit of {@code org.apache.hc.client5.http.protocol.ResponseProcessCookies#formatCookie(Cookie)} (HttpClient 5.x;
 * private, called only for its DEBUG "Cookie accepted [...]" and WARN "Cookie rejected [...]" lines):
 * {@code name="value..."\", domain:...} keeps everything but the value.
 */
public final class Http5FormatCookieAdvice {
    private Http5FormatCookieAdvice() {
    }

    @Advice.OnMethodExit
    public static void exit(@Advice.Return(readOnly = false) String text) {
        try {
            text = CookieDumps.maskBetween(text, "=\"", "\", domain:", "apachehttp5:cookie");
        } catch (Throwable t) {
            text = Markers.REDACTION_FAILED;
        }
    }
}
