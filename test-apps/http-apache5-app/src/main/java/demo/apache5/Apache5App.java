package demo.apache5;

import com.sun.net.httpserver.HttpServer;
import demo.http.LocalServers;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.cookie.BasicCookieStore;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.io.entity.EntityUtils;

import java.util.concurrent.Future;

/**
 * Apache HttpClient 5.x, classic and async, with its debug logging on the way its logging guide says
 * (loggers {@code org.apache.hc.client5.http.headers} and {@code org.apache.hc.client5.http.wire} at
 * DEBUG; here through slf4j-simple on stderr, set by system properties on the command line). The classic
 * client keeps the server's session cookie in a jar, sends it back on a third request and the app
 * prints the jar (cookie-management lines of {@code org.apache.hc.client5.http.protocol}).
 * Arguments: bearer proxy-auth cookie set-cookie [--tls]; with {@code --tls} both servers speak HTTPS (a
 * self-signed certificate made at run time) and both clients trust that certificate alone. The wire log
 * sits above TLS (classic: the socket's streams; async: the session's plaintext), so it shows plaintext.
 */
public final class Apache5App {
    public static void main(String[] args) throws Exception {
        LocalServers.Creds c = new LocalServers.Creds(args);
        LocalServers.Tls tls = LocalServers.Tls.fromArgs(args);
        HttpServer server = LocalServers.jdkServer(tls, c.setCookie);
        try (LocalServers.SplitHeadServer split = new LocalServers.SplitHeadServer(c.setCookie, tls)) {
            String url = LocalServers.url(server);
            BasicCookieStore jar = new BasicCookieStore();
            org.apache.hc.client5.http.impl.classic.HttpClientBuilder classic = HttpClients.custom().setDefaultCookieStore(jar);
            if (tls != null) {
                classic.setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setTlsSocketStrategy(new DefaultClientTlsStrategy(tls.clientContext)).build());
            }
            try (CloseableHttpClient client = classic.build()) {
                for (String u : new String[] {url, split.url()}) {
                    HttpGet get = new HttpGet(u);
                    headers(c).forEach(get::addHeader);
                    String body = client.execute(get, r -> r.getCode() + " " + EntityUtils.toString(r.getEntity()));
                    System.out.println("done: classic " + u + " -> " + body);
                }
                // no Cookie header of our own: the client keeps the session cookie ("Cookie accepted [...]"), then
                // sends it from its jar ("Cookie ... match ...")
                for (int i = 1; i <= 2; i++) {
                    HttpGet again = new HttpGet(url);
                    again.addHeader("X-Request-Id", "req-visible");
                    String body = client.execute(again, r -> r.getCode() + " " + EntityUtils.toString(r.getEntity()));
                    System.out.println("done: classic jar " + i + " -> " + body);
                }
            }
            System.out.println("cookie jar: " + jar.getCookies());
            try (CloseableHttpAsyncClient async = tls == null ? HttpAsyncClients.createDefault()
                    : HttpAsyncClients.custom().setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create()
                            .setTlsStrategy(new DefaultClientTlsStrategy(tls.clientContext)).build()).build()) {
                async.start();
                for (String u : new String[] {url, split.url()}) {
                    SimpleRequestBuilder b = SimpleRequestBuilder.get(u);
                    headers(c).forEach(b::addHeader);
                    SimpleHttpRequest req = b.build();
                    Future<SimpleHttpResponse> f = async.execute(req, null);
                    SimpleHttpResponse resp = f.get();
                    System.out.println("done: async " + u + " -> " + resp.getCode() + " " + resp.getBodyText());
                }
            }
        } finally {
            server.stop(0);
        }
    }

    static java.util.Map<String, String> headers(LocalServers.Creds c) {
        java.util.Map<String, String> h = new java.util.LinkedHashMap<>();
        h.put("Authorization", "Bearer " + c.bearer);
        h.put("Proxy-Authorization", "Basic " + c.proxyAuth);
        h.put("Cookie", "sid=" + c.cookie);
        h.put("X-Api-Key", c.known);
        h.put("X-Request-Id", "req-visible");
        return h;
    }
}
