package demo.jetty;

import com.sun.net.httpserver.HttpServer;
import demo.http.LocalServers;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.util.ssl.SslContextFactory;

import java.net.URI;

/**
 * Jetty HttpClient 12.1 with its debug logging on the way Jetty documents it: its loggers
 * ({@code org.eclipse.jetty.client}, {@code org.eclipse.jetty.http}, {@code org.eclipse.jetty.io}) at DEBUG
 * in the SLF4J backend, here Logback (console and a file, see logback.xml). Two requests go to the
 * JDK's HttpServer (the second sends back the session cookie from the client's cookie store) and one to
 * the split-head server; the app prints the request and response {@code HttpFields} and its cookie store.
 * With {@code --tls} both servers speak TLS and the client has an {@code SslContextFactory.Client} whose trust store
 * holds the run's self-signed certificate alone (hostname verification on, Jetty's default): Jetty's debug logging
 * of the HTTP exchange then reads the plaintext the SSL end point decrypted.
 * Arguments: bearer proxy-auth cookie set-cookie [--tls].
 */
public final class JettyClientApp {
    public static void main(String[] args) throws Exception {
        LocalServers.Creds c = new LocalServers.Creds(args);
        LocalServers.Tls tls = LocalServers.Tls.fromArgs(args);
        HttpServer server = LocalServers.jdkServer(tls, c.setCookie);
        HttpClient client = new HttpClient();
        if (tls != null) {
            SslContextFactory.Client ssl = new SslContextFactory.Client();
            ssl.setTrustStore(tls.trustStore);
            client.setSslContextFactory(ssl);
        }
        client.start();
        try (LocalServers.SplitHeadServer split = new LocalServers.SplitHeadServer(c.setCookie, tls)) {
            String plain = LocalServers.url(server);
            for (String u : new String[] {plain, plain, split.url()}) {
                Request req = client.newRequest(u)
                        .headers(h -> h.put("Authorization", "Bearer " + c.bearer)
                                .put("Proxy-Authorization", "Basic " + c.proxyAuth)
                                .add("Cookie", "sid=" + c.cookie)
                                .put("X-Api-Key", c.known)
                                .put("X-Request-Id", "req-visible"));
                ContentResponse resp = req.send();
                System.out.println("request headers: " + req.getHeaders().toString().trim().replace("\r\n", " | "));
                System.out.println("response headers: " + resp.getHeaders().toString().trim().replace("\r\n", " | "));
                System.out.println("done: " + u + " -> " + resp.getStatus() + " " + resp.getContentAsString());
            }
            for (HttpCookie cookie : client.getHttpCookieStore().match(URI.create(plain))) {
                System.out.println("cookie store: " + cookie);
            }
        } finally {
            client.stop();
            server.stop(0);
        }
    }
}
