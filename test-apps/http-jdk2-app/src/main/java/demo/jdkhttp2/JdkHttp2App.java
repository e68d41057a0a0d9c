package demo.jdkhttp2;

import demo.http.JdkExchange;
import demo.http.LocalServers;
import org.eclipse.jetty.alpn.server.ALPNServerConnectionFactory;
import org.eclipse.jetty.http2.server.HTTP2CServerConnectionFactory;
import org.eclipse.jetty.http2.server.HTTP2ServerConnectionFactory;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.FileInputStream;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * java.net.http.HttpClient over HTTP/2 with its header log on the way the JDK documents it
 * ({@code -Djdk.httpclient.HttpClient.log=headers}, or {@code all}; System.Logger, java.util.logging on
 * stderr by default), against a Jetty 12.1 server: h2c (the client's upgrade from HTTP/1.1, then HTTP/2 on
 * the same connection) and TLS h2 (ALPN; a self-signed certificate made at start with keytool). The app
 * prints {@code HttpHeaders.map()} of request and response. Arguments: bearer proxy-auth cookie set-cookie.
 */
public final class JdkHttp2App {
    public static void main(String[] args) throws Exception {
        LocalServers.Creds c = new LocalServers.Creds(args);
        Path dir = Files.createTempDirectory("jdk2-app");
        String storePass = Base64.getUrlEncoder().withoutPadding().encodeToString(new SecureRandom().generateSeed(12));
        Path keystore = selfSigned(dir, storePass);

        Server server = new Server();
        HttpConfiguration http = new HttpConfiguration();
        ServerConnector plain = new ServerConnector(server, new HttpConnectionFactory(http), new HTTP2CServerConnectionFactory(http));
        plain.setHost("127.0.0.1");
        HttpConfiguration https = new HttpConfiguration(http);
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        secure.setSniHostCheck(false);
        https.addCustomizer(secure);
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStorePath(keystore.toString());
        ssl.setKeyStorePassword(storePass);
        ALPNServerConnectionFactory alpn = new ALPNServerConnectionFactory("h2", "http/1.1");
        alpn.setDefaultProtocol("http/1.1");
        ServerConnector tls = new ServerConnector(server, new SslConnectionFactory(ssl, alpn.getProtocol()), alpn,
                new HTTP2ServerConnectionFactory(https), new HttpConnectionFactory(https));
        tls.setHost("127.0.0.1");
        server.addConnector(plain);
        server.addConnector(tls);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                response.setStatus(200);
                response.getHeaders().add("Set-Cookie", "session=" + c.setCookie + "; Path=/; HttpOnly");
                response.getHeaders().add("X-Trace", "trace-visible");
                response.getHeaders().add("Content-Type", "text/plain");
                Content.Sink.write(response, true, "hello", callback);
                return true;
            }
        });
        server.start();
        try {
            SSLContext trust = trusting(keystore, storePass);
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).sslContext(trust).build();
            String[] urls = {"http://127.0.0.1:" + plain.getLocalPort() + "/api/items",
                "http://127.0.0.1:" + plain.getLocalPort() + "/api/items",
                "https://127.0.0.1:" + tls.getLocalPort() + "/api/items"};
            for (String u : urls) {
                HttpResponse<String> resp = JdkExchange.send(client, u, c);
                System.out.println("done: " + u + " -> " + resp.version() + " " + resp.statusCode() + " " + resp.body());
            }
        } finally {
            server.stop();
        }
    }

    /** A PKCS12 keystore with a self-signed key for 127.0.0.1, made by the JDK's keytool. */
    private static Path selfSigned(Path dir, String pass) throws Exception {
        Path ks = dir.resolve("server.p12");
        String keytool = Paths.get(System.getProperty("java.home"), "bin", "keytool").toString();
        Process p = new ProcessBuilder(keytool, "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=127.0.0.1", "-ext", "san=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", ks.toString(), "-storepass", pass, "-keypass", pass)
                .redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("keytool failed: " + new String(out));
        }
        return ks;
    }

    private static SSLContext trusting(Path keystore, String pass) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(keystore.toFile())) {
            ks.load(in, pass.toCharArray());
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }
}
