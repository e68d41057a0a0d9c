package dev.secretagent.e2e;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * java.net.http.HttpClient (HTTP/1.1) with -Djdk.httpclient.HttpClient.log=headers, and HttpHeaders.map() printed;
 * over plain HTTP and over HTTPS (the header log sits above TLS).
 */
class HttpJdkClientIT {
    @ParameterizedTest(name = "over {0}")
    @ValueSource(strings = {"http", "https"})
    void headerLogAndPrintedHeaderMapsHoldNoCredential(String scheme) throws Exception {
        HttpDumps d = new HttpDumps();
        ChildJvm.Result r = d.appOver(scheme, "http-jdk-app", "demo.jdkhttp.JdkHttpApp")
                .jvmArg("-Djdk.httpclient.HttpClient.log=headers").withAgent().run();
        assertThat(r.exit).as(r.toString()).isZero();
        d.assertClean(r, null);
        assertThat(r.stderr()).contains("HEADERS").containsPattern("(?i)x-request-id: req-visible")
                .containsPattern("(?i)x-trace: trace-visible").containsPattern("(?i)authorization: Bearer \\[REDACTED");
        assertThat(r.stdout()).containsPattern("(?i)x-request-id=\\[req-visible\\]").containsPattern("(?i)x-trace=\\[trace-visible\\]")
                .containsPattern("(?i)set-cookie=\\[\\[?REDACTED");
        assertThat(r.stdout().lines().filter(l -> l.contains("200 hello"))).hasSize(2)
                .allMatch(l -> l.startsWith("done: " + scheme + "://127.0.0.1:"));
    }

    @ParameterizedTest(name = "over {0}")
    @ValueSource(strings = {"http", "https"})
    void withoutTheAgentTheHeaderLogShowsTheCredentials(String scheme) throws Exception {
        HttpDumps d = new HttpDumps();
        ChildJvm.Result r = d.appOver(scheme, "http-jdk-app", "demo.jdkhttp.JdkHttpApp")
                .jvmArg("-Djdk.httpclient.HttpClient.log=headers").run();
        assertThat(r.stderr()).contains(d.bearer).contains(d.setCookie);
        assertThat(r.stdout()).contains(d.cookie);
    }
}
