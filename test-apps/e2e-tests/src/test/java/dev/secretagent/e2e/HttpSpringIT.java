package dev.secretagent.e2e;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * spring-web 6.2: HttpHeaders, HttpEntity and ResponseEntity printed and logged by the application (their
 * toString() is {@code [Authorization:"Bearer x", Set-Cookie:"a=1", "b=2"]}), a header-logging interceptor on
 * RestClient and RestTemplate, and {@code org.springframework.web.client} at DEBUG. The server answers with two
 * Set-Cookie headers, so the response header lists hold a second quoted value behind the name.
 */
class HttpSpringIT {
    static final String DEBUG = "-Dorg.slf4j.simpleLogger.log.org.springframework.web.client=debug";

    @Test
    void printedAndLoggedSpringHeadersHoldNoCredential() throws Exception {
        HttpDumps d = new HttpDumps();
        ChildJvm.Result r = d.app("http-spring-app", "demo.spring.SpringHttpApp").jvmArg(DEBUG).withAgent().run();
        assertThat(r.exit).as(r.toString()).isZero();
        d.assertClean(r, null);
        String out = r.stdout();
        String err = r.stderr();
        assertThat(out).contains("headers: [Authorization:\"[REDACTED:header:Authorization]\", "
                + "Proxy-Authorization:\"[REDACTED:header:Proxy-Authorization]\", Cookie:\"[REDACTED:header:Cookie]\", "
                + "X-Api-Key:\"[REDACTED:SERVICE_API_KEY]\", X-Request-Id:\"req-visible\"]");
        // both Set-Cookie values under one mask, the headers after them intact
        assertThat(out).contains("rest client: <200 OK OK,hello,[").contains("set-cookie:\"[REDACTED:header:Set-Cookie]\", x-trace:\"trace-visible\"]>")
                .contains("rest template: <200 OK OK,hello,[").contains("Set-cookie:\"[REDACTED:header:Set-Cookie]\"]>");
        assertThat(err).contains("INFO demo.spring.http - entity: <payload-visible,[Authorization:\"[REDACTED:header:Authorization]\"")
                .contains("INFO demo.spring.http - request GET http://127.0.0.1:")
                .contains("X-Request-Id:\"req-visible\", Content-Length:\"0\"]")
                .contains("INFO demo.spring.http - response 200 OK [")
                .contains("DEBUG org.springframework.web.client.RestTemplate - HTTP GET http://127.0.0.1:")
                .contains("DEBUG org.springframework.web.client.RestTemplate - Response 200 OK");
    }

    /** The control: without the agent every value is there, the second Set-Cookie value as its own quoted string. */
    @Test
    void withoutTheAgentTheHeadersShowTheCredentials() throws Exception {
        HttpDumps d = new HttpDumps();
        ChildJvm.Result r = d.app("http-spring-app", "demo.spring.SpringHttpApp").jvmArg(DEBUG).run();
        assertThat(r.exit).as(r.toString()).isZero();
        assertThat(r.stdout()).contains("Authorization:\"Bearer " + d.bearer + "\"").contains(d.known)
                .contains("\"session=" + d.setCookie + "; Path=/; HttpOnly\", \"remember=" + d.cookie + "; Path=/; HttpOnly\"");
        assertThat(r.stderr()).contains("Cookie:\"sid=" + d.cookie + "\"").contains(d.proxyAuth);
    }
}
