package demo.apache4;

import com.sun.net.httpserver.HttpServer;
import demo.http.LocalServers;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpGet;
import org.apache.http.impl.client.BasicCookieStore;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClientBuilder;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.util.EntityUtils;

/**
 * Apache HttpClient 4.5.x with wire and header logging on the way its logging guide says for
 * commons-logging's SimpleLog (system properties on the command line; SimpleLog writes to stderr). The
 * client keeps the server's session cookie in a jar and sends it to the second server; the app prints the jar.
 * Arguments: bearer proxy-auth cookie set-cookie [--tls]; with {@code --tls} both servers speak HTTPS (a
 * self-signed certificate made at run time) and the client trusts that certificate alone; the wire log
 * wraps the TLS socket's streams, so it shows plaintext.
 */
public final class Apache4App {
    public static void main(String[] args) throws Exception {
        LocalServers.Creds c = new LocalServers.Creds(args);
        LocalServers.Tls tls = LocalServers.Tls.fromArgs(args);
        HttpServer server = LocalServers.jdkServer(tls, c.setCookie);
        BasicCookieStore jar = new BasicCookieStore();
        HttpClientBuilder builder = HttpClients.custom().setDefaultCookieStore(jar);
        if (tls != null) {
            builder.setSSLContext(tls.clientContext);
        }
        try (LocalServers.SplitHeadServer split = new LocalServers.SplitHeadServer(c.setCookie, tls);
             CloseableHttpClient client = builder.build()) {
            for (String u : new String[] {LocalServers.url(server), split.url()}) {
                HttpGet get = new HttpGet(u);
                get.addHeader("Authorization", "Bearer " + c.bearer);
                get.addHeader("Proxy-Authorization", "Basic " + c.proxyAuth);
                get.addHeader("Cookie", "sid=" + c.cookie);
                get.addHeader("X-Api-Key", c.known);
                get.addHeader("X-Request-Id", "req-visible");
                try (CloseableHttpResponse r = client.execute(get)) {
                    System.out.println("done: " + u + " -> " + r.getStatusLine().getStatusCode() + " "
                            + EntityUtils.toString(r.getEntity()));
                }
            }
            System.out.println("cookie jar: " + jar.getCookies());
        } finally {
            server.stop(0);
        }
    }
}
