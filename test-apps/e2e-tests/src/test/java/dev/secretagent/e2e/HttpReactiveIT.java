package dev.secretagent.e2e;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring Boot 3.5 WebFlux and Reactor Netty 1.3 (Netty 4.2): WebClient with {@code spring.codec.log-request-details}
 * and {@code ExchangeStrategies ... enableLoggingRequestDetails(true)} at TRACE, and Reactor Netty's {@code wiretap}
 * (default {@code wiretap(true)} hex dump, {@code HEX_DUMP} and {@code TEXTUAL} under an own logger name) and Netty's
 * own {@code LoggingHandler}, each against the JDK's server and the split-head server (a Set-Cookie value across two
 * reads). Logging as Boot's documentation says: {@code logging.level.<logger>} properties. Both tests run over plain
 * HTTP and over HTTPS: Reactor Netty's {@code SslHandler} sits in front of the wiretap {@code LoggingHandler} (and the
 * app puts Netty's own behind it), so the dumps hold the plaintext HTTP either way; the assertions are the same, and
 * the plaintext request and status lines in the hex dumps show that the logging really sits above TLS.
 */
class HttpReactiveIT {
    static final String[] LOGGING = {
        "-Dlogging.level.org.springframework.web.reactive.function.client=TRACE",
        "-Dlogging.level.reactor.netty.http.client=DEBUG",
        "-Dlogging.level.demo.wire=DEBUG"};
    static final String BOOT_MAIN = "org.springframework.boot.loader.launch.JarLauncher";

    private static ChildJvm.Result run(HttpDumps d, String scheme, boolean agent) throws Exception {
        ChildJvm c = d.appOver(scheme, "http-webflux-app", BOOT_MAIN);
        for (String a : LOGGING) {
            c.jvmArg(a);
        }
        if (agent) {
            c.withAgent();
        }
        return c.run();
    }

    /** A run with the agent, per scheme: shared by both tests (each Boot child costs seconds on 2 cores). */
    private record AgentRun(HttpDumps dumps, ChildJvm.Result result) {
    }

    private static final Map<String, AgentRun> AGENT_RUNS = new ConcurrentHashMap<>();

    private static synchronized AgentRun agentRun(String scheme) throws Exception {
        AgentRun run = AGENT_RUNS.get(scheme);
        if (run == null) {
            HttpDumps d = new HttpDumps();
            run = new AgentRun(d, run(d, scheme, true));
            AGENT_RUNS.put(scheme, run);
        }
        return run;
    }

    private static long count(String text, String part) {
        return text.lines().filter(l -> l.contains(part)).count();
    }

    @ParameterizedTest(name = "over {0}")
    @ValueSource(strings = {"http", "https"})
    void webClientDetailsAndWiretapDumpsHoldNoCredential(String scheme) throws Exception {
        AgentRun run = agentRun(scheme);
        HttpDumps d = run.dumps();
        ChildJvm.Result r = run.result();
        assertThat(r.exit).as(r.toString()).isZero();
        String out = r.stdout();
        d.assertClean(r, null);
        d.assertNoFragments("stdout", out);
        d.assertNoFragments("stderr", r.stderr());
        Map<String, String> hex = HttpDumps.reassembleNettyHexDumps(out);
        hex.forEach((stream, bytes) -> {
            d.assertClean("hex dump " + stream, bytes);
            d.assertNoFragments("hex dump " + stream, bytes);
        });

        // WebClient, request details at TRACE: HttpHeaders' format, every other header and its value intact
        assertThat(out).contains("HTTP GET " + scheme + "://127.0.0.1:")
                .contains(", headers=[Authorization:\"[REDACTED:header:Authorization]\", "
                        + "Proxy-Authorization:\"[REDACTED:header:Proxy-Authorization]\", Cookie:\"[REDACTED:header:Cookie]\", "
                        + "X-Api-Key:\"[REDACTED:SERVICE_API_KEY]\", X-Request-Id:\"req-visible\"]")
                .contains("X-trace:\"trace-visible\"").contains("Set-cookie:\"[REDACTED:header:Set-Cookie]\"")
                .contains("Set-Cookie:\"[REDACTED:header:Set-Cookie]\", X-Trace:\"trace-visible\"");
        assertThat(count(out, "HTTP GET " + scheme + "://127.0.0.1:")).isEqualTo(3);
        assertThat(count(out, "Response 200 OK, headers=[")).isEqualTo(3);

        // the hex dumps, bytes joined back: head lines masked, the rest of every head and the bodies intact
        String writes = String.join("\n", hex.entrySet().stream().filter(e -> e.getKey().endsWith("WRITE"))
                .map(Map.Entry::getValue).toList());
        String reads = String.join("\n", hex.entrySet().stream().filter(e -> e.getKey().endsWith("READ"))
                .map(Map.Entry::getValue).toList());
        assertThat(writes).contains("GET /split HTTP/1.1\r\n").contains("POST /api/items HTTP/1.1\r\n")
                .contains("\r\nAuthorization: Bearer [REDACTED:header:Authorization]\r\n")
                .contains("\r\nCookie: [REDACTED:header:Cookie]\r\n")
                .contains("\r\nX-Api-Key: [REDACTED:SERVICE_API_KEY]\r\n")
                .contains("\r\nX-Request-Id: req-visible\r\n").contains("payload-visible");
        assertThat(reads).contains("HTTP/1.1 200 OK\r\n").contains("X-trace: trace-visible\r\n")
                .contains("Set-cookie: [REDACTED:header:Set-Cookie]\r\n")
                // the split-head server: the value came in two reads and is masked whole, the head after it intact
                .contains("Content-Type: text/plain\r\nSet-Cookie: [REDACTED:header:Set-Cookie]\r\nX-Trace: trace-visible\r\n"
                        + "Content-Length: 5\r\nConnection: close\r\n\r\nhello");
        // wiretap(true) (default logger), HEX_DUMP and Netty's LoggingHandler each dumped a split response
        assertThat(hex.keySet().stream().filter(k -> k.endsWith("READ"))
                .filter(k -> hex.get(k).contains("Set-Cookie: [REDACTED:header:Set-Cookie]\r\nX-Trace"))).hasSize(3);

        // TEXTUAL: the head as text (CRLF kept), masked, the rest there; the first read of the split head ends before
        // the Set-Cookie line, held back until the second read completes it
        assertThat(out).contains("READ: 43B HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n")
                .contains("B Set-Cookie: [REDACTED:header:Set-Cookie]\r\nX-Trace: trace-visible\r\nContent-Length: 5\r\n")
                .contains("\r\nAuthorization: Bearer [REDACTED:header:Authorization]\r\n"
                        + "Proxy-Authorization: Basic [REDACTED:header:Proxy-Authorization]\r\n");
        for (String logger : new String[] {"reactor.netty.http.client.HttpClient", "demo.wire.hex", "demo.wire.text", "demo.wire.netty"}) {
            assertThat(count(out, logger)).as(logger).isPositive();
        }
        assertThat(count(out, "done: ")).isEqualTo(9);
        assertThat(count(out, " 200 hello")).isEqualTo(9);
        // over TLS the logging handlers see the handshake complete: they sit behind the SslHandler, and the hex dumps
        // above show HTTP request and status lines, not TLS records
        assertThat(out.contains("USER_EVENT: SslHandshakeCompletionEvent(SUCCESS)")).isEqualTo(scheme.equals("https"));
    }

    /**
     * The control: without the agent the values are in every dump (hex rows joined back), the split-head server
     * really splits the Set-Cookie value across two reads, and the dumps have the same shape (writes, channels and
     * responses; not the number of reads, which depends on timing).
     */
    @ParameterizedTest(name = "over {0}")
    @ValueSource(strings = {"http", "https"})
    void withoutTheAgentTheDumpsShowTheCredentialsAndTheSplit(String scheme) throws Exception {
        HttpDumps d = new HttpDumps();
        ChildJvm.Result r = run(d, scheme, false);
        assertThat(r.exit).as(r.toString()).isZero();
        String out = r.stdout();
        assertThat(out).contains("Authorization:\"Bearer " + d.bearer + "\"").contains(d.known)
                .contains("Set-Cookie:\"session=" + d.setCookie + "; Path=/\"");
        Map<String, String> hex = HttpDumps.reassembleNettyHexDumps(out);
        assertThat(String.join("\n", hex.values())).contains("Authorization: Bearer " + d.bearer + "\r\n")
                .contains("Set-Cookie: session=" + d.setCookie + "; Path=/\r\n").contains(d.proxyAuth).contains(d.cookie);
        String half = d.setCookie.substring(0, d.setCookie.length() / 2);
        assertThat(out).contains("B HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nSet-Cookie: session=" + half + "\n");
        assertThat(out.contains("USER_EVENT: SslHandshakeCompletionEvent(SUCCESS)")).isEqualTo(scheme.equals("https"));
        ChildJvm.Result withAgent = agentRun(scheme).result();
        for (String event : new String[] {"] WRITE: ", "] REGISTERED", "Response 200 OK"}) {
            assertThat(count(withAgent.stdout(), event)).as(event).isEqualTo(count(out, event));
        }
    }
}
