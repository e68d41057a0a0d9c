package dev.secretagent.agent.instrument.apachehttp5;

import dev.secretagent.agent.instrument.CookieValueAdvice;
import dev.secretagent.agent.instrument.SupportedVersions;
import dev.secretagent.agent.instrument.TargetInstrumentation;
import dev.secretagent.agent.instrument.TypeInstrumentation;
import dev.secretagent.agent.instrument.TypeTransformer;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

/**
 * Apache HttpClient 5.x wire logs, where the bytes are handed to the wire logger and before it formats them: one
 * logger instance per connection, so per-connection state can rejoin a header line that two socket reads split.
 * <ul>
 *   <li>classic: {@code org.apache.hc.client5.http.impl.Wire#wire(String, byte[], int, int)} (every input/output
 *   overload ends there; the quoted {@code "...[\r][\n]"} text is made inside);</li>
 *   <li>async: {@code org.apache.hc.client5.http.impl.async.LoggingIOSession#logData(ByteBuffer, String)} (16-byte
 *   rows of hex and text, made from the buffer we hand on).</li>
 * </ul>
 * The header lines ({@code org.apache.hc.client5.http.headers}) are whole lines logged through SLF4J and are redacted
 * by the logging and console hooks, with the engine's header-name rules. And the cookie-management lines
 * ({@code org.apache.hc.client5.http.protocol} at DEBUG), which print a cookie's value behind its own name
 * ({@code session="v"}, {@code ; value: v}), where no header rule sees it: the value is masked in the two texts those
 * lines are made of, the cookie's {@code toString()} and {@code ResponseProcessCookies}' private format method.
 */
public final class ApacheHttp5Instrumentation implements TargetInstrumentation {
    /** The one target's name before it became apachehttp4 and apachehttp5 (a constant: targets/Targets lists it too). */
    public static final String OLD_NAME = "apachehttp";

    @Override
    public String name() {
        return "apachehttp5";
    }

    @Override
    public List<String> aliases() {
        return Collections.singletonList(OLD_NAME);
    }

    @Override
    public SupportedVersions supportedVersions() {
        // 5.0 had no LoggingIOSession#logData and no ResponseProcessCookies#formatCookie
        return SupportedVersions.oldest("org.apache.httpcomponents.client5:httpclient5:5.1.3")
                .newest("org.apache.httpcomponents.client5:httpclient5:5.5.1")
                .outside("org.apache.httpcomponents.client5:httpclient5:5.0");
    }

    @Override
    public List<TypeInstrumentation> types() {
        return Arrays.asList(
                new TypeInstrumentation("org.apache.hc.client5.http.impl.Wire") {
                    @Override
                    protected void transform(TypeTransformer t) {
                        t.advice(named("wire").and(takesArguments(4)).and(takesArgument(1, byte[].class)),
                                Http5WireAdvice.class);
                    }
                },
                new TypeInstrumentation("org.apache.hc.client5.http.impl.async.LoggingIOSession") {
                    @Override
                    protected void transform(TypeTransformer t) {
                        t.advice(named("logData").and(takesArguments(2)).and(takesArgument(0, ByteBuffer.class)),
                                Http5AsyncLogDataAdvice.class);
                    }
                },
                CookieValueAdvice.cookieText("org.apache.hc.client5.http.impl.cookie.BasicClientCookie", "toString", 0,
                        CookieValueAdvice.between("; value: ", "; domain: ", "apachehttp5:cookie")),
                CookieValueAdvice.cookieText("org.apache.hc.client5.http.protocol.ResponseProcessCookies",
                        "formatCookie", 1, CookieValueAdvice.between("=\"", "\", domain:", "apachehttp5:cookie")));
    }
}
