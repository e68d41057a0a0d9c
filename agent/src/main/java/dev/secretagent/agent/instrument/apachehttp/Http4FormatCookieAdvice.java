package dev.secretagent.agent.instrument.apachehttp;

import dev.secretagent.runtime.http.CookieDumps;
import dev.secretagent.runtime.redact.Markers;
import net.bytebuddy.asm.Advice;

/**
 * Inlined at the exit of {@code org.apache.http.client.protocol.ResponseProcessCookies#formatCooke(Cookie)} (HttpClient 4.x;
 * private, called only for its DEBUG "Cookie accepted [...]" and WARN "Cookie rejected [...]" lines):
 * {@code name="value..."\", version:...} keeps everything but the value.
 */
public final class Http4FormatCookieAdvice {
    private Http4FormatCookieAdvice() {
    }

    @Advice.OnMethodExit
    public static void exit(@Advice.Return(readOnly = false) String text) {
        try {
            text = CookieDumps.maskBetween(text, "=\"", "\", version:", "apachehttp4:cookie");
        } catch (Throwable t) {
            text = Markers.REDACTION_FAILED;
        }
    }
}
