package dev.secretagent.e2e;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** java.net.http.HttpClient with -Djdk.httpclient.HttpClient.log=headers, and HttpHeaders.map() printed. */
class HttpJdkClientIT {
    @Test
    void headerLogAndPrintedHeaderMapsHoldNoCredential() throws Exception {
        HttpDumps d = new HttpDumps();
        ChildJvm.Result r = d.app("http-jdk-app", "demo.jdkhttp.JdkHttpApp")
                .jvmArg("-Djdk.httpclient.HttpClient.log=headers").withAgent().run();
        assertThat(r.exit).as(r.toString()).isZero();
        d.assertClean(r, null);
        assertThat(r.stderr()).contains("HEADERS").containsPattern("(?i)x-request-id: req-visible")
                .containsPattern("(?i)x-trace: trace-visible").containsPattern("(?i)authorization: Bearer \\[REDACTED");
        assertThat(r.stdout()).containsPattern("(?i)x-request-id=\\[req-visible\\]").containsPattern("(?i)x-trace=\\[trace-visible\\]")
                .containsPattern("(?i)set-cookie=\\[\\[?REDACTED");
        assertThat(r.stdout().lines().filter(l -> l.contains("200 hello"))).hasSize(2);
    }

    @Test
    void withoutTheAgentTheHeaderLogShowsTheCredentials() throws Exception {
        HttpDumps d = new HttpDumps();
        ChildJvm.Result r = d.app("http-jdk-app", "demo.jdkhttp.JdkHttpApp")
                .jvmArg("-Djdk.httpclient.HttpClient.log=headers").run();
        assertThat(r.stderr()).contains(d.bearer).contains(d.setCookie);
        assertThat(r.stdout()).contains(d.cookie);
    }
}
