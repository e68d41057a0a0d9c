package dev.secretagent.agent.instrument;

import dev.secretagent.runtime.http.CookieDumps;
import dev.secretagent.runtime.redact.Markers;
import net.bytebuddy.asm.Advice;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Inlined at the exit of a method that turns a cookie into text: the value is masked, name and attributes stay.
 * One advice for every client's cookie text, told apart by constants bound per method ({@link #between},
 * {@link #bracketedPair}) and inlined by Byte Buddy:
 * <ul>
 *   <li>HttpClient 4.x {@code BasicClientCookie#toString()} ({@code [value: v][domain: ...}), which
 *   {@code RequestAddCookies} logs at DEBUG and an application may print (a cookie store's
 *   {@code getCookies()}), and the private {@code ResponseProcessCookies#formatCooke(Cookie)}
 *   ({@code name="v", version:...}), called only for its DEBUG "Cookie accepted" and WARN "Cookie rejected"
 *   lines;</li>
 *   <li>HttpClient 5.x {@code BasicClientCookie#toString()} ({@code ; value: v; domain: ...}) and
 *   {@code ResponseProcessCookies#formatCookie(Cookie)} ({@code name="v", domain:...});</li>
 *   <li>Jetty's static {@code HttpCookie#toString(HttpCookie)}, what every Jetty cookie's {@code toString()}
 *   returns ({@code HttpCookie$Immutable@1f[session=v; Path=/]}).</li>
 * </ul>
 */
public final class CookieValueAdvice {
    private CookieValueAdvice() {
    }

    /** The text just before the value; empty for a bracketed {@code [name=value; ...]} pair. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.PARAMETER)
    public @interface Open {
    }

    /** The text just after the value (its last occurrence). */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.PARAMETER)
    public @interface Close {
    }

    /** The channel a redaction is recorded under, e.g. {@code apachehttp4:cookie}. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.PARAMETER)
    public @interface Channel {
    }

    /** The value is what stands between the first {@code open} and the last following {@code close}. */
    public static AdviceConstants between(String open, String close, String channel) {
        return AdviceConstants.of().bind(Open.class, open).bind(Close.class, close).bind(Channel.class, channel);
    }

    /** The value of the first {@code name=value} inside brackets (Jetty's cookie text). */
    public static AdviceConstants bracketedPair(String channel) {
        return between("", "", channel);
    }

    @Advice.OnMethodExit
    public static void exit(@Advice.Return(readOnly = false) String text, @Open String open, @Close String close,
                            @Channel String channel) {
        try {
            // open is a constant in the inlined code: the JIT keeps one branch
            text = open.isEmpty() ? CookieDumps.maskBracketedPair(text, channel)
                    : CookieDumps.maskBetween(text, open, close, channel);
        } catch (Throwable t) {
            text = Markers.REDACTION_FAILED;
        }
    }

    /**
     * {@code type}'s method that turns a cookie into text (the one with {@code arguments} parameters), masked by
     * this advice with these constants.
     */
    public static TypeInstrumentation cookieText(String type, String method, int arguments, AdviceConstants constants) {
        return NamedMethod.advice(type, method, arguments, CookieValueAdvice.class, constants);
    }
}
