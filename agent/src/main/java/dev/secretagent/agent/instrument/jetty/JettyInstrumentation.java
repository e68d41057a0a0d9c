package dev.secretagent.agent.instrument.jetty;

import dev.secretagent.agent.instrument.CookieValueAdvice;
import dev.secretagent.agent.instrument.SupportedVersions;
import dev.secretagent.agent.instrument.TargetInstrumentation;
import dev.secretagent.agent.instrument.TypeInstrumentation;
import dev.secretagent.agent.instrument.TypeTransformer;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.nameContains;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.returns;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

/**
 * Jetty (HttpClient 12.x, and any Jetty component) debug logging, where it dumps I/O buffers: its
 * {@code org.eclipse.jetty.client}, {@code .http}, {@code .io} loggers at DEBUG print a buffer as
 * {@code DirectByteBuffer@1f[p=0,l=294,c=4096,r=294]={<<<GET /api HTTP/1.1\r\n...KIESECRET0123\r\n\r\n>>>...}}
 * (first and last bytes of each region), in which the tail of a header value stands with no name in front,
 * and a read may end inside a value. Hooks, all handing to door {@code runtime/http/BufferDumps}:
 * <ul>
 *   <li>{@code org.eclipse.jetty.util.BufferUtil#appendDebugString(StringBuilder, ByteBuffer)} (what
 *   {@code toDetailString} formats with) and {@code #toHexSummary(ByteBuffer)}: the buffer is swapped for a
 *   redacted copy of the same shape;</li>
 *   <li>{@code fill(ByteBuffer)} of Jetty's endpoints ({@code org.eclipse.jetty.io.*EndPoint*}): marks which
 *   bytes of the buffer a read brought, so a value split between two reads of one connection is still
 *   masked in the second;</li>
 *   <li>{@code org.eclipse.jetty.http.HttpCookie#toString(HttpCookie)} (static; every cookie's
 *   {@code toString()}): the value behind the cookie's own name ({@code [session=v; Path=/]});</li>
 *   <li>{@code org.eclipse.jetty.http.HttpParser#parsedHeader()}: its DEBUG line hands name and value as two
 *   arguments ({@code headerString=[Set-Cookie], valueString=[v]}); that one call is replaced
 *   ({@link ParserDebugSubstitution}) so the value is masked before formatting.</li>
 * </ul>
 * The whole header lines Jetty logs ({@code Set-Cookie: v} in "Invoking responseHeader ...", a request's
 * {@code HttpFields} text) are left to the engine's header-name rules on the logging channel.
 */
public final class JettyInstrumentation implements TargetInstrumentation {
    @Override
    public String name() {
        return "jetty";
    }

    @Override
    public SupportedVersions supportedVersions() {
        // 11.x: HttpCookie is a class without the static toString(HttpCookie) every 12.x cookie's toString() calls
        return SupportedVersions
                .oldest("org.eclipse.jetty:jetty-util:12.0.16", "org.eclipse.jetty:jetty-io:12.0.16",
                        "org.eclipse.jetty:jetty-http:12.0.16")
                .newest("org.eclipse.jetty:jetty-util:12.1.10", "org.eclipse.jetty:jetty-io:12.1.10",
                        "org.eclipse.jetty:jetty-http:12.1.10")
                .outside("org.eclipse.jetty:jetty-util:11.0.24", "org.eclipse.jetty:jetty-io:11.0.24",
                        "org.eclipse.jetty:jetty-http:11.0.24");
    }

    @Override
    public List<TypeInstrumentation> types() {
        return Arrays.asList(
                new TypeInstrumentation("org.eclipse.jetty.util.BufferUtil") {
                    @Override
                    protected void transform(TypeTransformer t) {
                        t.advice(named("appendDebugString").and(takesArguments(2))
                                .and(takesArgument(0, StringBuilder.class)).and(takesArgument(1, ByteBuffer.class)),
                                AppendDebugStringAdvice.class);
                        t.advice(named("toHexSummary").and(takesArguments(1)).and(takesArgument(0, ByteBuffer.class)),
                                HexSummaryAdvice.class);
                    }
                },
                // the end points are many (socket, SSL, proxy, the application's own): every EndPoint class of the package
                new TypeInstrumentation(Collections.<String>emptyList(), Collections.singletonList("org.eclipse.jetty.io.")) {
                    @Override
                    protected void transform(TypeTransformer t) {
                        t.where(nameContains("EndPoint"));
                        t.advice(named("fill").and(takesArguments(1)).and(takesArgument(0, ByteBuffer.class))
                                .and(returns(int.class)).and(not(isAbstract())),
                                FillAdvice.class);
                    }
                },
                CookieValueAdvice.cookieText("org.eclipse.jetty.http.HttpCookie", "toString", 1,
                        CookieValueAdvice.bracketedPair("jetty:cookie")),
                new TypeInstrumentation("org.eclipse.jetty.http.HttpParser") {
                    @Override
                    protected void transform(TypeTransformer t) {
                        ElementMatcher.Junction<MethodDescription> parserDebug = named("parsedHeader").or(named("parsedTrailer"));
                        t.visit(parserDebug, new ParserDebugSubstitution(parserDebug));
                    }
                });
    }
}
