package dev.secretagent.e2e;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Jetty HttpClient 12.1 with its loggers at DEBUG in Logback (console and file): header lines, the parser's
 * name/value fields, buffer dumps ({@code {<<<...>>>}}, first and last bytes of each region) of request heads
 * and of socket reads, one of which ends inside the Set-Cookie value (split-head server), and the cookie
 * store printed by the app. Over plain HTTP and over HTTPS ({@code SslContextFactory.Client} with a trust store
 * holding the local certificate): the HTTP parser and the buffer dumps of the decrypted end point show the same
 * plaintext, so the assertions are the same.
 */
class HttpJettyClientIT {
    @TempDir
    Path dir;

    private ChildJvm.Result run(HttpDumps d, String scheme, Path logs, boolean agent) throws Exception {
        ChildJvm c = d.appOver(scheme, "http-jetty-app", "demo.jetty.JettyClientApp").jvmArg("-Dlogdir=" + logs);
        if (agent) {
            c.withAgent();
        }
        return c.run();
    }

    @ParameterizedTest(name = "over {0}")
    @ValueSource(strings = {"http", "https"})
    void debugLogBufferDumpsAndCookieStoreHoldNoCredential(String scheme) throws Exception {
        HttpDumps d = new HttpDumps();
        Path logs = Files.createDirectories(dir.resolve("with"));
        ChildJvm.Result r = run(d, scheme, logs, true);
        assertThat(r.exit).as(r.toString()).isZero();
        d.assertClean(r, logs);
        String out = r.stdout();
        String file = Files.readString(logs.resolve("jetty-client.log"), StandardCharsets.ISO_8859_1);
        // the rest of the dump is there: header lines, buffer dumps, the parser's lines, the split read
        assertThat(out).contains("X-Request-Id: req-visible").containsPattern("(?i)x-trace: trace-visible")
                .contains("Authorization: Bearer [REDACTED").contains("X-Api-Key: [REDACTED")
                .contains("{<<<GET /api/items HTTP/1.1\\r\\n").contains("{<<<HTTP/1.1 200 OK\\r\\n")
                .contains("headerString=[Set-Cookie], valueString=[[REDACTED:header:Set-Cookie]]")
                .contains("headerString=[X-Trace], valueString=[trace-visible]")
                .containsPattern(read(scheme) + "\\{<<<HTTP/1.1 200 OK")
                .contains("cookie store: ").contains("[session=[REDACTED:cookie]; Path=/]");
        // the second read of the split response starts inside the Set-Cookie value: masked there too
        assertThat(out).containsPattern(read(scheme) + "\\{<<<\\[REDACTED:header\\]\\**\\\\r\\\\nX-");
        if (scheme.equals("https")) {
            // the parser's dumps of the same plaintext, after the copy into the connection's buffer
            assertThat(out).containsPattern("parseNext s=START .*=\\{<<<HTTP/1.1 200 OK")
                    .containsPattern("parseNext s=HEADER .*=\\{<<<\\[REDACTED:header\\]\\**\\\\r\\\\nX-");
        }
        // over TLS, the socket reads are TLS records and the SSL end point logs its work: really TLS
        assertThat(out.contains("DEBUG o.eclipse.jetty.io.ssl.SslConnection - ")).isEqualTo(scheme.equals("https"));
        assertThat(file).contains("headerString=[Set-Cookie], valueString=[[REDACTED:header:Set-Cookie]]");
        assertThat(out.lines().filter(l -> l.startsWith("done: " + scheme + "://") && l.endsWith("-> 200 hello"))).hasSize(3);
    }

    @ParameterizedTest(name = "over {0}")
    @ValueSource(strings = {"http", "https"})
    void withoutTheAgentTheDebugLogShowsTheCredentials(String scheme) throws Exception {
        HttpDumps d = new HttpDumps();
        Path logs = Files.createDirectories(dir.resolve("without"));
        ChildJvm.Result r = run(d, scheme, logs, false);
        assertThat(r.exit).as(r.toString()).isZero();
        String out = r.stdout();
        assertThat(out).contains(d.bearer).contains(d.setCookie).contains(d.known);
        // the split really happens: the first read ends inside the value, the second starts with its rest
        String half = d.setCookie.substring(d.setCookie.length() / 2);
        assertThat(out).containsPattern(read(scheme) + "\\{<<<" + half);
        // the app's lines and the header lines of Jetty's multi-line debug messages are as many with the agent
        // as without (nothing added or dropped; the stack trace of a connection closed at stop comes and goes)
        HttpDumps d2 = new HttpDumps();
        Path logs2 = Files.createDirectories(dir.resolve("with2"));
        ChildJvm.Result withAgent = run(d2, scheme, logs2, true);
        assertThat(appLines(withAgent.stdout())).hasSameSizeAs(appLines(out));
    }

    /**
     * The debug line that dumps a read's plaintext as it arrives: the socket end point's "filled N" over plain HTTP;
     * over TLS (where "filled N" shows TLS records) the SSL end point's "unwrap ... unwrapBuffer=" (the decrypted bytes).
     */
    private static String read(String scheme) {
        return scheme.equals("http") ? "filled \\d+ .*=" : "unwrap .* unwrapBuffer=\\S*=";
    }

    private static List<String> appLines(String out) {
        return out.lines().filter(l -> l.matches("(request headers|response headers|done|cookie store): .*|[A-Za-z-]+: .*"))
                .collect(Collectors.toList());
    }
}
