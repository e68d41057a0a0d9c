package dev.secretagent.e2e;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * java.net.http.HttpClient over HTTP/2 against a Jetty server, h2c (upgrade from HTTP/1.1) and TLS h2
 * (ALPN), with {@code -Djdk.httpclient.HttpClient.log=headers} ({@code HEADERS FRAME} and
 * {@code RESPONSE HEADERS} blocks of {@code "    name: value"} lines, pseudo-headers first) and {@code =all}
 * (also {@code RECEIVED HEADER (streamid=1): name: value} per decoded header, frames, TLS, content), and
 * {@code HttpHeaders.map()} printed by the app.
 */
class HttpJdkHttp2IT {
    private static ChildJvm.Result run(HttpDumps d, String level, boolean agent) throws Exception {
        ChildJvm c = d.app("http-jdk2-app", "demo.jdkhttp2.JdkHttp2App").jvmArg("-Djdk.httpclient.HttpClient.log=" + level);
        if (agent) {
            c.withAgent();
        }
        return c.run();
    }

    @Test
    void http2HeaderLogAndPrintedHeaderMapsHoldNoCredential() throws Exception {
        HttpDumps d = new HttpDumps();
        ChildJvm.Result r = run(d, "headers", true);
        assertThat(r.exit).as(r.toString()).isZero();
        d.assertClean(r, null);
        String err = r.stderr();
        // h2c: the upgrade request is HTTP/1.1, the next request on the connection a HEADERS frame; TLS: h2 at once
        assertThat(err).contains("Upgrade: h2c").contains("HEADERS FRAME (stream").contains(":scheme: http\n")
                .contains(":scheme: https\n").contains("    :status: 200")
                .containsPattern("\n {4}Authorization: Bearer \\[REDACTED").containsPattern("\n {4}Cookie: \\[REDACTED")
                .containsPattern("\n {4}X-Api-Key: \\[REDACTED").containsPattern("\n {4}set-cookie: \\[REDACTED")
                .contains("    X-Request-Id: req-visible").contains("    x-trace: trace-visible");
        String out = r.stdout();
        assertThat(out.lines().filter(l -> l.startsWith("done: ") && l.endsWith("-> HTTP_2 200 hello"))).hasSize(3);
        assertThat(out).contains("X-Request-Id=[req-visible]").contains("x-trace=[trace-visible]")
                .containsPattern("set-cookie=\\[\\[?REDACTED").containsPattern("Authorization=\\[\\[?REDACTED");
        // the dump keeps its shape: as many header lines as without the agent
        ChildJvm.Result control = run(new HttpDumps(), "headers", false);
        assertThat(headerLines(err)).isEqualTo(headerLines(control.stderr()));
        assertThat(err.lines().count()).isEqualTo(control.stderr().lines().count());
    }

    @Test
    void logAllAddsDecodedHeaderLinesThatHoldNoCredential() throws Exception {
        HttpDumps d = new HttpDumps();
        ChildJvm.Result r = run(d, "all", true);
        assertThat(r.exit).as(r.toString()).isZero();
        d.assertClean(r, null);
        assertThat(r.stderr()).containsPattern("RECEIVED HEADER \\(streamid=\\d+\\): set-cookie: \\[REDACTED")
                .containsPattern("RECEIVED HEADER \\(streamid=\\d+\\): x-trace: trace-visible");
    }

    @Test
    void withoutTheAgentTheHttp2HeaderLogShowsTheCredentials() throws Exception {
        HttpDumps d = new HttpDumps();
        ChildJvm.Result r = run(d, "headers", false);
        assertThat(r.exit).as(r.toString()).isZero();
        assertThat(r.stderr()).contains("HEADERS FRAME (stream").contains(d.bearer).contains(d.setCookie).contains(d.known);
        assertThat(r.stdout()).contains(d.cookie).contains(d.proxyAuth);
    }

    private static long headerLines(String err) {
        return err.lines().filter(l -> l.matches(" {4}\\S.*")).count();
    }
}
