package dev.secretagent.e2e;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OkHttp 4.x and 5.x: HttpLoggingInterceptor (HEADERS, BODY; application and network; default logger
 * on java.util.logging, a stdout logger, a logger writing a file directly), LoggingEventListener, and
 * Request.toString() printed by the app; a server whose response head comes in two writes. Every scenario
 * runs over plain HTTP and over HTTPS (the loggers sit above TLS and see the plaintext either way).
 */
class HttpOkHttpIT {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} over {1}")
    @CsvSource({"http-okhttp4-app, http", "http-okhttp4-app, https", "http-okhttp5-app, http", "http-okhttp5-app, https"})
    void credentialsNeverReachAnyOutput(String module, String scheme) throws Exception {
        HttpDumps d = new HttpDumps();
        Path log = dir.resolve("okhttp-file.log");
        ChildJvm.Result r = d.appOver(scheme, module, "demo.okhttp.OkHttpApp", log.toString()).withAgent().workDir(dir).run();

        assertThat(r.exit).as(r.toString()).isZero();
        d.assertClean(r, dir);
        String file = Files.readString(log);
        // the rest of the dump is intact, in every sink
        for (String out : new String[] {r.stderr(), r.stdout(), file}) {
            assertThat(out).contains("--> GET " + scheme + "://127.0.0.1:").contains("X-Request-Id: req-visible")
                    .containsPattern("(?i)X-trace: trace-visible").contains("<-- 200 OK");
            assertThat(out).contains("Authorization: Bearer [REDACTED").contains("Cookie: [REDACTED")
                    .containsPattern("(?i)Set-Cookie: \\[REDACTED").contains("X-Api-Key: [REDACTED");
        }
        assertThat(file).contains("callStart: Request{method=GET").contains("split").contains("hello");
        assertThat(r.stdout()).contains("request: Request{method=GET").contains("done: file logger, split response head status=200");
        // Request.toString() lists the headers on one line: each sensitive one is masked on its own, the rest stays
        // (OkHttp 5 prints its own mark for sensitive values, which is masked as any value: no scheme left then)
        assertThat(r.stdout()).containsPattern("headers=\\[Authorization:(Bearer )?\\[REDACTED:header:Authorization], "
                + "Proxy-Authorization:(Basic )?\\[REDACTED:header:Proxy-Authorization], Cookie:\\[REDACTED:header:Cookie], "
                + "X-Api-Key:\\[REDACTED:[A-Za-z:_-]+], X-Request-Id:req-visible]}");
        if (scheme.equals("https")) {
            // the event listener shows the handshake: these exchanges really ran over TLS
            assertThat(file).contains("secureConnectEnd: Handshake{tlsVersion=TLS_").contains("peerCertificates=[CN=127.0.0.1]");
        }
    }

    @ParameterizedTest(name = "{0} over {1}")
    @CsvSource({"http-okhttp4-app, http", "http-okhttp4-app, https"})
    void withoutTheAgentTheCredentialsAreDumped(String module, String scheme) throws Exception {
        HttpDumps d = new HttpDumps();
        ChildJvm.Result r = d.appOver(scheme, module, "demo.okhttp.OkHttpApp", dir.resolve("f.log").toString()).workDir(dir).run();
        assertThat(r.exit).as(r.toString()).isZero();
        assertThat(d.anyLeak(r.stderr())).isTrue();
        assertThat(Files.readString(dir.resolve("f.log"))).contains(d.bearer).contains(d.setCookie);
    }
}
