package dev.secretagent.e2e;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Apache HttpClient 5.x (classic and async) and 4.5.x with header and wire logging on, as their logging
 * guides say; one server splits its response head in the middle of the Set-Cookie value. Every scenario runs
 * over plain HTTP and over HTTPS: the header and wire logs sit above TLS (classic: the TLS socket's streams;
 * async: the TLS session's plaintext), so they show the same text, and a head split in two TLS records is
 * split the same way in the wire log.
 */
class HttpApacheIT {
    @TempDir
    Path dir;

    static final String[] HC5_LOGGING = {
        "-Dorg.slf4j.simpleLogger.log.org.apache.hc.client5.http.wire=debug",
        "-Dorg.slf4j.simpleLogger.log.org.apache.hc.client5.http.headers=debug",
        // cookie management: "Cookie accepted [session=\"...\"]", "Cookie [name: session; value: ...] match"
        "-Dorg.slf4j.simpleLogger.log.org.apache.hc.client5.http.protocol=debug"};
    static final String[] HC4_LOGGING = {
        "-Dorg.apache.commons.logging.Log=org.apache.commons.logging.impl.SimpleLog",
        // headers and wire, as in the logging guide, and cookie management (org.apache.http.client.protocol:
        // "Cookie accepted [session=\"...\", version:0, ...]", "Cookie [version: 0][name: session][value: ...] match")
        "-Dorg.apache.commons.logging.simplelog.log.org.apache.http.headers=DEBUG",
        "-Dorg.apache.commons.logging.simplelog.log.org.apache.http.wire=DEBUG",
        "-Dorg.apache.commons.logging.simplelog.log.org.apache.http.client.protocol=DEBUG"};

    private static ChildJvm.Result run(HttpDumps d, String scheme, String module, String main, String[] logging,
            boolean agent) throws Exception {
        ChildJvm c = d.appOver(scheme, module, main);
        for (String a : logging) {
            c.jvmArg(a);
        }
        if (agent) {
            c.withAgent();
        }
        return c.run();
    }

    /** Cookie-management lines name the route; over TLS it is marked {@code (secure)}. */
    private static String route(String scheme) {
        return (scheme.equals("https") ? "(secure)" : "") + "127.0.0.1:";
    }

    @ParameterizedTest(name = "over {0}")
    @ValueSource(strings = {"http", "https"})
    void httpClient5ClassicAndAsyncDumpsHoldNoCredential(String scheme) throws Exception {
        HttpDumps d = new HttpDumps();
        ChildJvm.Result r = run(d, scheme, "http-apache5-app", "demo.apache5.Apache5App", HC5_LOGGING, true);
        assertThat(r.exit).as(r.toString()).isZero();
        d.assertClean(r, null);
        String err = r.stderr();
        d.assertClean("wire records joined", HttpDumps.reassembleWireRecords(err));
        // the rest of the dump: header lines, classic wire records, async hex rows
        assertThat(err).contains("org.apache.hc.client5.http.headers - http-outgoing-0 << HTTP/1.1 200 OK")
                .contains("http-outgoing-1 << \"Set-Cookie: [REDACTED")
                .contains("http-outgoing-0 >> \"X-Request-Id: req-visible[\\r][\\n]\"")
                .contains(">> Authorization: Bearer [REDACTED").contains("X-Api-Key: [REDACTED");
        String hex = HttpDumps.reassembleHexRows(err);
        assertThat(hex).contains("HTTP/1.1 200 OK\r\n").contains("X-Trace: trace-visible\r\n").contains("X-Request-Id: req-visible\r\n");
        // cookie management: everything but the value
        assertThat(err).contains("Cookie accepted [session=\"[REDACTED:cookie]\", domain:127.0.0.1, path:/, expiry:null]")
                .contains("Cookie [name: session; value: [REDACTED:cookie]; domain: 127.0.0.1; path: /; expiry: null] match [" + route(scheme));
        assertThat(r.stdout()).contains("cookie jar: [[name: session; value: [REDACTED:cookie]; domain: 127.0.0.1; path: /; expiry: null]]");
        assertThat(r.stdout()).contains("done: classic " + scheme + "://").contains("done: async " + scheme + "://")
                .doesNotContain("-> 5");
        assertThat(r.stdout().lines().filter(l -> l.contains("200 hello"))).hasSize(6);
    }

    @ParameterizedTest(name = "over {0}")
    @ValueSource(strings = {"http", "https"})
    void httpClient4WireAndHeadersHoldNoCredential(String scheme) throws Exception {
        HttpDumps d = new HttpDumps();
        ChildJvm.Result r = run(d, scheme, "http-apache4-app", "demo.apache4.Apache4App", HC4_LOGGING, true);
        assertThat(r.exit).as(r.toString()).isZero();
        d.assertClean(r, null);
        String err = r.stderr();
        d.assertClean("wire records joined", HttpDumps.reassembleWireRecords(err));
        assertThat(err).contains("http-outgoing-0 << \"HTTP/1.1 200 OK[\\r][\\n]\"")
                .contains("http-outgoing-1 << \"Set-Cookie: [REDACTED")
                .contains("http-outgoing-0 >> \"X-Request-Id: req-visible[\\r][\\n]\"")
                .contains(">> Authorization: Bearer [REDACTED");
        assertThat(err).contains("ResponseProcessCookies - Cookie accepted [session=\"[REDACTED:cookie]\", version:0, domain:127.0.0.1, path:/, expiry:null]")
                .contains("RequestAddCookies - Cookie [version: 0][name: session][value: [REDACTED:cookie]][domain: 127.0.0.1][path: /][expiry: null] match [" + route(scheme));
        assertThat(r.stdout()).contains("cookie jar: [[version: 0][name: session][value: [REDACTED:cookie]][domain: 127.0.0.1]");
        assertThat(r.stdout().lines().filter(l -> l.contains("200 hello"))).hasSize(2)
                .allMatch(l -> l.startsWith("done: " + scheme + "://"));
    }

    /** The control: without the agent the values are in the dumps, and the split server really splits (TLS too). */
    @ParameterizedTest(name = "over {0}")
    @ValueSource(strings = {"http", "https"})
    void withoutTheAgentTheWireLogShowsTheSplitCookie(String scheme) throws Exception {
        HttpDumps d = new HttpDumps();
        ChildJvm.Result r = run(d, scheme, "http-apache4-app", "demo.apache4.Apache4App", HC4_LOGGING, false);
        assertThat(r.exit).as(r.toString()).isZero();
        assertThat(r.stderr()).contains(d.bearer);
        String half = d.setCookie.substring(0, d.setCookie.length() / 2);
        assertThat(r.stderr()).contains("<< \"Set-Cookie: session=" + half + "\"");
        assertThat(HttpDumps.reassembleWireRecords(r.stderr())).contains("Set-Cookie: session=" + d.setCookie + ";");
        // and the cookie-management lines and the printed jar show the session cookie's value
        assertThat(r.stderr()).contains("Cookie accepted [session=\"" + d.setCookie + "\"")
                .contains("[value: " + d.setCookie + "][domain: 127.0.0.1]");
        assertThat(r.stdout()).contains("[value: " + d.setCookie + "]");

        ChildJvm.Result r5 = run(d, scheme, "http-apache5-app", "demo.apache5.Apache5App", HC5_LOGGING, false);
        assertThat(HttpDumps.reassembleHexRows(r5.stderr())).contains(d.setCookie).contains(d.bearer);
        assertThat(r5.stderr()).contains("Cookie accepted [session=\"" + d.setCookie + "\"")
                .contains("[name: session; value: " + d.setCookie + "; domain: 127.0.0.1");
        assertThat(r5.stdout()).contains("value: " + d.setCookie + ";");
    }
}
