package demo.jdkhttp;

import com.sun.net.httpserver.HttpServer;
import demo.http.JdkExchange;
import demo.http.LocalServers;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;

/**
 * java.net.http.HttpClient with its header log switched on the way the JDK documents it
 * ({@code -Djdk.httpclient.HttpClient.log=headers}: System.Logger, which is java.util.logging on stderr
 * by default), and the application printing {@code HttpHeaders.map()} of its request and response.
 * Arguments: bearer proxy-auth cookie set-cookie [--tls]; with {@code --tls} both servers speak HTTPS
 * (HTTP/1.1 over TLS; a self-signed certificate made at run time) and the client trusts that certificate alone.
 */
public final class JdkHttpApp {
    public static void main(String[] args) throws Exception {
        LocalServers.Creds c = new LocalServers.Creds(args);
        LocalServers.Tls tls = LocalServers.Tls.fromArgs(args);
        HttpServer server = LocalServers.jdkServer(tls, c.setCookie);
        try (LocalServers.SplitHeadServer split = new LocalServers.SplitHeadServer(c.setCookie, tls)) {
            HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1);
            if (tls != null) {
                builder.sslContext(tls.clientContext);
            }
            HttpClient client = builder.build();
            for (String u : new String[] {LocalServers.url(server), split.url()}) {
                HttpResponse<String> resp = JdkExchange.send(client, u, c);
                System.out.println("done: " + u + " -> " + resp.statusCode() + " " + resp.body());
            }
        } finally {
            server.stop(0);
        }
    }
}
