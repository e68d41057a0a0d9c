package dev.secretagent.agent.instrument.apachehttp;

import dev.secretagent.agent.instrument.TargetInstrumentation;
import net.bytebuddy.agent.builder.AgentBuilder;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

/**
 * Apache HttpClient wire logs, where the bytes are handed to the wire logger and before it formats
 * them: one logger instance per connection, so per-connection state can rejoin a header line that two
 * socket reads split. The header lines ({@code org.apache.hc.client5.http.headers},
 * {@code org.apache.http.headers}) are whole lines logged through SLF4J / commons-logging and are
 * redacted by the logging and console hooks, with the engine's header-name rules.
 * <ul>
 *   <li>5.x classic: {@code org.apache.hc.client5.http.impl.Wire#wire(String, byte[], int, int)} (every
 *   input/output overload ends there; the quoted {@code "...[\r][\n]"} text is made inside);</li>
 *   <li>5.x async: {@code org.apache.hc.client5.http.impl.async.LoggingIOSession#logData(ByteBuffer, String)}
 *   (16-byte rows of hex and text, made from the buffer we hand on);</li>
 *   <li>4.5.x: {@code org.apache.http.impl.conn.Wire#wire(String, InputStream)}.</li>
 * </ul>
 * And the cookie-management lines ({@code org.apache.hc.client5.http.protocol}, {@code org.apache.http.client.protocol}
 * at DEBUG), which print a cookie's value behind its own name ({@code session="v"}, {@code [value: v]}), where no
 * header rule sees it: the value is masked in the two texts those lines are made of, the cookie's
 * {@code toString()} and {@code ResponseProcessCookies}' private format method.
 */
public final class ApacheHttpInstrumentation implements TargetInstrumentation {
    @Override
    public String name() {
        return "apachehttp";
    }

    @Override
    public String[] classNamePrefixes() {
        return new String[] {"org.apache.hc.client5.http.impl.Wire", "org.apache.hc.client5.http.impl.async.LoggingIOSession",
            "org.apache.http.impl.conn.Wire",
            "org.apache.hc.client5.http.impl.cookie.BasicClientCookie", "org.apache.hc.client5.http.protocol.ResponseProcessCookies",
            "org.apache.http.impl.cookie.BasicClientCookie", "org.apache.http.client.protocol.ResponseProcessCookies"};
    }

    @Override
    public AgentBuilder apply(AgentBuilder builder) {
        ClassLoader advice = ClassLoader.getSystemClassLoader();
        return builder
                .type(named("org.apache.hc.client5.http.impl.Wire"))
                .transform(new AgentBuilder.Transformer.ForAdvice().include(advice)
                        .advice(named("wire").and(takesArguments(4)).and(takesArgument(1, byte[].class)),
                                Http5WireAdvice.class.getName()))
                .type(named("org.apache.hc.client5.http.impl.async.LoggingIOSession"))
                .transform(new AgentBuilder.Transformer.ForAdvice().include(advice)
                        .advice(named("logData").and(takesArguments(2)).and(takesArgument(0, java.nio.ByteBuffer.class)),
                                Http5AsyncLogDataAdvice.class.getName()))
                .type(named("org.apache.http.impl.conn.Wire"))
                .transform(new AgentBuilder.Transformer.ForAdvice().include(advice)
                        .advice(named("wire").and(takesArguments(2)).and(takesArgument(1, java.io.InputStream.class)),
                                Http4WireAdvice.class.getName()))
                .type(named("org.apache.hc.client5.http.impl.cookie.BasicClientCookie"))
                .transform(new AgentBuilder.Transformer.ForAdvice().include(advice)
                        .advice(named("toString").and(takesArguments(0)), Http5CookieToStringAdvice.class.getName()))
                .type(named("org.apache.hc.client5.http.protocol.ResponseProcessCookies"))
                .transform(new AgentBuilder.Transformer.ForAdvice().include(advice)
                        .advice(named("formatCookie").and(takesArguments(1)), Http5FormatCookieAdvice.class.getName()))
                .type(named("org.apache.http.impl.cookie.BasicClientCookie"))
                .transform(new AgentBuilder.Transformer.ForAdvice().include(advice)
                        .advice(named("toString").and(takesArguments(0)), Http4CookieToStringAdvice.class.getName()))
                .type(named("org.apache.http.client.protocol.ResponseProcessCookies"))
                .transform(new AgentBuilder.Transformer.ForAdvice().include(advice)
                        .advice(named("formatCooke").and(takesArguments(1)), Http4FormatCookieAdvice.class.getName()));
    }
}
