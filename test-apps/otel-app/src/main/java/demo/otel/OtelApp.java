package demo.otel;

import com.sun.net.httpserver.HttpServer;
import demo.http.LocalServers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * An application that knows nothing of either agent: it logs through SLF4J/Logback with MDC entries,
 * key-value pairs, arguments and an exception whose message holds a secret, and calls a local server with an
 * Authorization and an X-Api-Key header; the server answers with a Set-Cookie.
 *
 * <p>{@code agent}: nothing else; the OpenTelemetry Java agent (if present) exports what it sees.
 * {@code agent-twice}: the same, then, after a line on stdin, once more (for an agent attached in between).
 * {@code sdk <endpoint>}: the application itself sets up the OpenTelemetry SDK with OTLP http/protobuf exporters
 * to {@code endpoint} and the OpenTelemetry Logback appender (see {@link SdkSetup}), and records a span, a
 * metric and a resource of its own with the same secrets in them.
 *
 * <p>Secrets come from the environment: {@code DEMO_API_TOKEN} (a name the zero-config rules know),
 * {@code DEMO_BEARER} and {@code DEMO_COOKIE} (names no rule knows: only their place in a header tells).
 */
public final class OtelApp {
    private OtelApp() {
    }

    public static void main(String[] args) throws Exception {
        String token = System.getenv("DEMO_API_TOKEN");
        String bearer = System.getenv("DEMO_BEARER");
        String cookie = System.getenv("DEMO_COOKIE");
        SdkSetup sdk = args.length > 1 && args[0].equals("sdk") ? SdkSetup.install(args[1], token, bearer) : null;

        work(token, bearer, cookie);
        if (args.length > 0 && args[0].equals("agent-twice")) {
            // for a late attach: the same work again after a line on stdin
            System.out.println("ready");
            new java.io.BufferedReader(new java.io.InputStreamReader(System.in)).readLine();
            work(token, bearer, cookie);
        }
        if (sdk != null) {
            sdk.recordOwnTelemetry(token, bearer, cookie);
            sdk.close();
        }
        System.out.println("done");
    }

    private static void work(String token, String bearer, String cookie) throws Exception {
        Logger log = LoggerFactory.getLogger("demo.otel.Orders");
        MDC.put("tenant", "acme-visible");
        MDC.put("auth", "token=" + token);
        MDC.put("session.token", bearer);
        try {
            log.info("calling upstream with key {}", token);
            log.atInfo().addKeyValue("apiToken", token).addKeyValue("order", "o-42-visible").log("order placed");
            log.error("upstream call failed", new IllegalStateException("rejected key " + token));
        } finally {
            MDC.clear();
        }

        HttpServer server = LocalServers.jdkServer(cookie);
        try {
            HttpClient client = HttpClient.newHttpClient();
            HttpRequest request = HttpRequest.newBuilder(URI.create(LocalServers.url(server)))
                    .header("Authorization", "Bearer " + bearer)
                    .header("X-Api-Key", token)
                    .header("X-Request-Id", "req-visible")
                    .build();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            log.info("upstream answered {}", response.statusCode());
        } finally {
            server.stop(0);
        }
    }
}
