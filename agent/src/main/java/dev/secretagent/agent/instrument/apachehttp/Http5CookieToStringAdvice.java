package dev.secretagent.agent.instrument.apachehttp;

import dev.secretagent.runtime.http.CookieDumps;
import dev.secretagent.runtime.redact.Markers;
import net.bytebuddy.asm.Advice;

/**
 * Inlined at the exit of {@code org.apache.hc.client5.http.impl.cookie.BasicClientCookie#toString()} (HttpClient 5.x), which
 * {@code RequestAddCookies} logs at DEBUG ("Cookie ... match ...") and an application may print (a cookie
 * store's {@code getCookies()}): the value is masked, name, domain, path and expiry stay.
 */
public final class Http5CookieToStringAdvice {
    private Http5CookieToStringAdvice() {
    }

    @Advice.OnMethodExit
    public static void exit(@Advice.Return(readOnly = false) String text) {
        try {
            text = CookieDumps.maskBetween(text, "; value: ", "; domain: ", "apachehttp5:cookie");
        } catch (Throwable t) {
            text = Markers.REDACTION_FAILED;
        }
    }
}
