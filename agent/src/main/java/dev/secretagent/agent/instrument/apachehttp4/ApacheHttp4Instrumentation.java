package dev.secretagent.agent.instrument.apachehttp4;

import dev.secretagent.agent.instrument.CookieValueAdvice;
import dev.secretagent.agent.instrument.SupportedVersions;
import dev.secretagent.agent.instrument.TargetInstrumentation;
import dev.secretagent.agent.instrument.TypeInstrumentation;
import dev.secretagent.agent.instrument.TypeTransformer;

import java.io.InputStream;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

/**
 * Apache HttpClient 4.5.x wire log, where the bytes are handed to the wire logger and before it formats them
 * ({@code org.apache.http.impl.conn.Wire#wire(String, InputStream)}): one logger instance per connection, so
 * per-connection state can rejoin a header line that two socket reads split. The header lines
 * ({@code org.apache.http.headers}) are whole lines logged through commons-logging and are redacted by the logging
 * and console hooks, with the engine's header-name rules. And the cookie-management lines
 * ({@code org.apache.http.client.protocol} at DEBUG), which print a cookie's value behind its own name
 * ({@code [value: v]}, {@code name="v"}), where no header rule sees it: the value is masked in the two texts those
 * lines are made of, the cookie's {@code toString()} and {@code ResponseProcessCookies}' private format method.
 */
public final class ApacheHttp4Instrumentation implements TargetInstrumentation {
    /** The one target's name before it became apachehttp4 and apachehttp5 (a constant: targets/Targets lists it too). */
    public static final String OLD_NAME = "apachehttp";

    @Override
    public String name() {
        return "apachehttp4";
    }

    @Override
    public List<String> aliases() {
        return Collections.singletonList(OLD_NAME);
    }

    @Override
    public SupportedVersions supportedVersions() {
        return SupportedVersions.oldest("org.apache.httpcomponents:httpclient:4.5")
                .newest("org.apache.httpcomponents:httpclient:4.5.14");
    }

    @Override
    public List<TypeInstrumentation> types() {
        return Arrays.asList(
                new TypeInstrumentation("org.apache.http.impl.conn.Wire") {
                    @Override
                    protected void transform(TypeTransformer t) {
                        t.advice(named("wire").and(takesArguments(2)).and(takesArgument(1, InputStream.class)),
                                Http4WireAdvice.class);
                    }
                },
                CookieValueAdvice.cookieText("org.apache.http.impl.cookie.BasicClientCookie", "toString", 0,
                        CookieValueAdvice.between("[value: ", "][domain: ", "apachehttp4:cookie")),
                // sic: HttpClient 4's private method is spelled formatCooke
                CookieValueAdvice.cookieText("org.apache.http.client.protocol.ResponseProcessCookies", "formatCooke", 1,
                        CookieValueAdvice.between("=\"", "\", version:", "apachehttp4:cookie")));
    }
}
