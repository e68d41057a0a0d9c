package demo.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * One careless exchange with the JDK HttpClient, shared by the HTTP/1.1 and HTTP/2 apps: every sensitive header
 * plus a harmless one, then the request's and the response's {@code HttpHeaders.map()} printed, as applications do.
 */
public final class JdkExchange {
    private JdkExchange() {
    }

    public static HttpResponse<String> send(HttpClient client, String url, LocalServers.Creds c)
            throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + c.bearer)
                .header("Proxy-Authorization", "Basic " + c.proxyAuth)
                .header("Cookie", "sid=" + c.cookie)
                .header("X-Api-Key", c.known)
                .header("X-Request-Id", "req-visible")
                .build();
        HttpResponse<String> resp = client.send(req, HttpResponse.BodyHandlers.ofString());
        System.out.println("request headers: " + req.headers().map());
        System.out.println("response headers: " + resp.headers().map());
        return resp;
    }
}
