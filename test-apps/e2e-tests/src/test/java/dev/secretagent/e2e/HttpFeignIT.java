package dev.secretagent.e2e;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OpenFeign 13.6 at {@code Logger.Level.HEADERS} and {@code FULL} through its three loggers: {@code Slf4jLogger}
 * (Logback, stdout), {@code ErrorLogger} (System.err, one line printed in pieces by {@code printf}) and
 * {@code JavaLogger} (java.util.logging: console and the file of Feign's {@code appendToFile}). The server answers
 * with two Set-Cookie headers. No Feign hook: the logging hooks and the console stream with the header-name rules.
 * Over plain HTTP and over HTTPS ({@code Client.Default} with an SSLSocketFactory trusting the local certificate):
 * Feign logs above the connection, so the assertions are the same.
 */
class HttpFeignIT {
    @TempDir
    Path dir;

    private ChildJvm.Result run(HttpDumps d, String scheme, Path logs, boolean agent) throws Exception {
        Files.createDirectories(logs);
        ChildJvm c = d.appOver(scheme, "http-feign-app", "demo.feign.FeignApp", logs.toString());
        return (agent ? c.withAgent() : c).run();
    }

    @ParameterizedTest(name = "over {0}")
    @ValueSource(strings = {"http", "https"})
    void feignHeaderAndFullLogsHoldNoCredential(String scheme) throws Exception {
        HttpDumps d = new HttpDumps();
        ChildJvm.Result r = run(d, scheme, dir.resolve("agent"), true);
        assertThat(r.exit).as(r.toString()).isZero();
        d.assertClean(r, dir);
        d.assertNoFragments("stdout", r.stdout());
        d.assertNoFragments("stderr", r.stderr());
        String file = Files.readString(dir.resolve("agent/feign-jul.log"));
        d.assertNoFragments("feign-jul.log", file);
        String out = r.stdout();
        String err = r.stderr();
        // Slf4jLogger (Logback): request and response headers, each line masked after its name, the rest intact
        assertThat(out).contains("DEBUG demo.feign - [Items#post] Authorization: Bearer [REDACTED:header:Authorization]\n")
                .contains("DEBUG demo.feign - [Items#post] Proxy-Authorization: Basic [REDACTED:header:Proxy-Authorization]\n")
                .contains("DEBUG demo.feign - [Items#post] Cookie: [REDACTED:header:Cookie]\n")
                .contains("DEBUG demo.feign - [Items#post] X-Api-Key: [REDACTED:SERVICE_API_KEY]\n")
                .contains("DEBUG demo.feign - [Items#post] X-Request-Id: req-visible\n")
                .contains("DEBUG demo.feign - [Items#post] x-trace: trace-visible\n")
                .contains("DEBUG demo.feign - [Items#post] payload-visible\n")
                .contains("DEBUG demo.feign - [Items#post] hello\n");
        assertThat(count(out, "DEBUG demo.feign - [Items#post] set-cookie: [REDACTED:header:Set-Cookie]")).isEqualTo(4);
        // ErrorLogger (System.err) and JavaLogger (JUL console on System.err, and its file)
        assertThat(err).contains("\n[Items#post] Authorization: Bearer [REDACTED:header:Authorization]\n")
                .contains("\n[Items#post] Cookie: [REDACTED:header:Cookie]\n")
                .contains("\nFINE: [Items#post] Proxy-Authorization: Basic [REDACTED:header:Proxy-Authorization]\n")
                .contains("\n[Items#post] X-Request-Id: req-visible\n");
        assertThat(count(err, "[Items#post] set-cookie: [REDACTED:header:Set-Cookie]")).isEqualTo(8);
        assertThat(file).contains("[Items#post] Authorization: Bearer [REDACTED:header:Authorization]\n")
                .contains("[Items#post] x-trace: trace-visible\n").contains("[Items#post] hello\n");
        assertThat(count(file, "set-cookie: [REDACTED:header:Set-Cookie]")).isEqualTo(4);
        assertThat(count(out, "done: ")).isEqualTo(6);
        assertThat(count(out, "[Items#post] ---> POST " + scheme + "://127.0.0.1:")).isEqualTo(2);

        // the control: same lines, same count, with the values in them
        HttpDumps raw = new HttpDumps();
        ChildJvm.Result c = run(raw, scheme, dir.resolve("control"), false);
        String cfile = Files.readString(dir.resolve("control/feign-jul.log"));
        assertThat(c.stdout()).contains("[Items#post] Authorization: Bearer " + raw.bearer + "\n")
                .contains("[Items#post] set-cookie: session=" + raw.setCookie + "; Path=/; HttpOnly\n");
        assertThat(c.stderr()).contains("\n[Items#post] Cookie: sid=" + raw.cookie + "\n").contains(raw.known);
        assertThat(cfile).contains(raw.proxyAuth);
        assertThat(out.lines().count()).isEqualTo(c.stdout().lines().count());
        assertThat(err.lines().count()).isEqualTo(c.stderr().lines().count());
        assertThat(file.lines().count()).isEqualTo(cfile.lines().count());
    }

    private static long count(String text, String part) {
        return text.lines().filter(l -> l.contains(part)).count();
    }
}
