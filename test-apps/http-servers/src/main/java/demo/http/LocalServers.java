package demo.http;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.util.Arrays;
import java.util.Base64;

/**
 * Local servers for the HTTP client test apps. Both answer every request with 200, a body of "hello",
 * an ordinary header {@code X-Trace: trace-visible} (to prove the rest of the dump survives) and a
 * {@code Set-Cookie} whose value the app chose. Each comes plain or over TLS ({@link Tls}: a self-signed
 * certificate made at run time, trusted by the client through a trust store also made at run time).
 */
public final class LocalServers {
    private LocalServers() {
    }

    /** The JDK's HttpServer on a free loopback port. */
    public static HttpServer jdkServer(String setCookieValue) throws IOException {
        return jdkServer(setCookieValue, new String[0]);
    }

    /** The same, with further whole {@code Set-Cookie} values after the session cookie (name=value; attributes). */
    public static HttpServer jdkServer(String setCookieValue, String... moreSetCookies) throws IOException {
        return jdkServer(null, setCookieValue, moreSetCookies);
    }

    /** The same over TLS when {@code tls} is not null (the JDK's HttpsServer), else plain. */
    public static HttpServer jdkServer(Tls tls, String setCookieValue, String... moreSetCookies) throws IOException {
        InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        HttpServer server;
        if (tls == null) {
            server = HttpServer.create(loopback, 0);
        } else {
            HttpsServer https = HttpsServer.create(loopback, 0);
            https.setHttpsConfigurator(new HttpsConfigurator(tls.serverContext));
            server = https;
        }
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] body = "hello".getBytes(StandardCharsets.US_ASCII);
            exchange.getResponseHeaders().add("Set-Cookie", "session=" + setCookieValue + "; Path=/; HttpOnly");
            for (String more : moreSetCookies) {
                exchange.getResponseHeaders().add("Set-Cookie", more);
            }
            exchange.getResponseHeaders().add("X-Trace", "trace-visible");
            exchange.getResponseHeaders().add("Content-Type", "text/plain");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return server;
    }

    public static String url(HttpServer server) {
        return (server instanceof HttpsServer ? "https" : "http") + "://127.0.0.1:" + server.getAddress().getPort() + "/api/items";
    }

    /**
     * A raw HTTP/1.1 server that writes its response head in two writes, split in the middle of the
     * Set-Cookie value, and waits between them until the client has surely read the first: the client's
     * wire log then sees the value across two socket reads. One request per connection. Over TLS each
     * write, flushed, goes out as its own TLS record(s), so the client's TLS socket hands the first half to
     * one read and the rest to a later one: the plaintext a wire log above TLS shows is split the same way.
     */
    public static final class SplitHeadServer implements AutoCloseable {
        private final ServerSocket socket;
        private final String setCookieValue;
        private final Thread thread;

        public SplitHeadServer(String setCookieValue) throws IOException {
            this(setCookieValue, null);
        }

        /** Over TLS when {@code tls} is not null. */
        public SplitHeadServer(String setCookieValue, Tls tls) throws IOException {
            this.socket = tls == null ? new ServerSocket(0, 50, InetAddress.getLoopbackAddress())
                    : tls.serverContext.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress());
            this.setCookieValue = setCookieValue;
            this.thread = new Thread(this::serve, "split-head-server");
            thread.setDaemon(true);
            thread.start();
        }

        public String url() {
            return (socket instanceof javax.net.ssl.SSLServerSocket ? "https" : "http") + "://127.0.0.1:"
                    + socket.getLocalPort() + "/split";
        }

        private void serve() {
            while (!socket.isClosed()) {
                try (Socket s = socket.accept()) {
                    s.setTcpNoDelay(true);
                    readHead(s.getInputStream());
                    OutputStream out = s.getOutputStream();
                    int half = setCookieValue.length() / 2;
                    out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nSet-Cookie: session="
                            + setCookieValue.substring(0, half)).getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    // the pause is the point of this server: the first write must reach the client's
                    // read on its own, so that the client's wire log shows two records
                    Thread.sleep(400);
                    out.write((setCookieValue.substring(half) + "; Path=/\r\nX-Trace: trace-visible\r\n"
                            + "Content-Length: 5\r\nConnection: close\r\n\r\nhello").getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } catch (IOException | InterruptedException e) {
                    if (socket.isClosed()) {
                        return;
                    }
                }
            }
        }

        private static void readHead(InputStream in) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int state = 0;
            int c;
            while ((c = in.read()) >= 0) {
                head.write(c);
                state = (c == '\r' && (state == 0 || state == 2)) || (c == '\n' && (state == 1 || state == 3))
                        ? state + 1 : (c == '\r' ? 1 : 0);
                if (state == 4) {
                    return;
                }
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    /**
     * TLS for one run: a self-signed EC certificate for 127.0.0.1 (SAN ip:127.0.0.1) made at run time by the
     * JDK's keytool in a temporary directory (no key is ever committed), the server's SSLContext holding it,
     * and the client's SSLContext trusting only it through a trust store built in memory.
     */
    public static final class Tls {
        /** The switch an app takes on its command line to run every exchange over TLS. */
        public static final String SWITCH = "--tls";

        public final SSLContext serverContext;
        public final SSLContext clientContext;
        public final X509TrustManager trustManager;
        /** The client's trust store (in memory, the certificate alone), for clients configured with a KeyStore. */
        public final KeyStore trustStore;

        private Tls(SSLContext serverContext, SSLContext clientContext, X509TrustManager trustManager, KeyStore trustStore) {
            this.serverContext = serverContext;
            this.clientContext = clientContext;
            this.trustManager = trustManager;
            this.trustStore = trustStore;
        }

        /** TLS when the app's arguments hold {@link #SWITCH}, else null (plain HTTP). */
        public static Tls fromArgs(String[] args) throws Exception {
            return Arrays.asList(args).contains(SWITCH) ? selfSigned() : null;
        }

        public SSLSocketFactory socketFactory() {
            return clientContext.getSocketFactory();
        }

        public static Tls selfSigned() throws Exception {
            Path dir = Files.createTempDirectory("local-tls");
            Path ks = dir.resolve("server.p12");
            // never starting with '-': the keytool launcher takes any "-J..." argument as an option of its JVM
            char[] pass = ("pw" + Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(new SecureRandom().generateSeed(12))).toCharArray();
            try {
                String keytool = Paths.get(System.getProperty("java.home"), "bin", "keytool").toString();
                Process p = new ProcessBuilder(keytool, "-genkeypair", "-alias", "server", "-keyalg", "EC",
                        "-groupname", "secp256r1", "-dname", "CN=127.0.0.1", "-ext", "san=ip:127.0.0.1", "-validity", "2",
                        "-storetype", "PKCS12", "-keystore", ks.toString(), "-storepass", new String(pass),
                        "-keypass", new String(pass)).redirectErrorStream(true).start();
                byte[] out = p.getInputStream().readAllBytes();
                if (p.waitFor() != 0) {
                    throw new IllegalStateException("keytool failed: " + new String(out, StandardCharsets.UTF_8));
                }
                KeyStore keys = KeyStore.getInstance("PKCS12");
                try (InputStream in = Files.newInputStream(ks)) {
                    keys.load(in, pass);
                }
                KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(keys, pass);
                SSLContext server = SSLContext.getInstance("TLS");
                server.init(kmf.getKeyManagers(), null, null);

                // the client trusts the certificate alone: a trust store with one trusted-certificate entry
                Certificate cert = keys.getCertificate("server");
                KeyStore trust = KeyStore.getInstance("PKCS12");
                trust.load(null, null);
                trust.setCertificateEntry("local-server", cert);
                TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(trust);
                X509TrustManager tm = null;
                for (TrustManager m : tmf.getTrustManagers()) {
                    if (m instanceof X509TrustManager) {
                        tm = (X509TrustManager) m;
                    }
                }
                SSLContext client = SSLContext.getInstance("TLS");
                client.init(null, new TrustManager[] {tm}, null);
                return new Tls(server, client, tm, trust);
            } finally {
                Files.deleteIfExists(ks);
                Files.deleteIfExists(dir);
            }
        }
    }

    /** The values an app sends and receives; given on its command line by the test. */
    public static final class Creds {
        public final String bearer;
        public final String proxyAuth;
        public final String cookie;
        public final String setCookie;
        public final String known;

        public Creds(String[] args) {
            bearer = args[0];
            proxyAuth = args[1];
            cookie = args[2];
            setCookie = args[3];
            // the known secret: a secret-looking environment variable (zero-config discovery)
            known = System.getenv("SERVICE_API_KEY");
        }
    }
}
