package demo.http;

import com.sun.net.httpserver.HttpServer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Local servers for the HTTP client test apps. Both answer every request with 200, a body of "hello",
 * an ordinary header {@code X-Trace: trace-visible} (to prove the rest of the dump survives) and a
 * {@code Set-Cookie} whose value the app chose.
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
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
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
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/items";
    }

    /**
     * A raw HTTP/1.1 server that writes its response head in two writes, split in the middle of the
     * Set-Cookie value, and waits between them until the client has surely read the first: the client's
     * wire log then sees the value across two socket reads. One request per connection.
     */
    public static final class SplitHeadServer implements AutoCloseable {
        private final ServerSocket socket;
        private final String setCookieValue;
        private final Thread thread;

        public SplitHeadServer(String setCookieValue) throws IOException {
            this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            this.setCookieValue = setCookieValue;
            this.thread = new Thread(this::serve, "split-head-server");
            thread.setDaemon(true);
            thread.start();
        }

        public String url() {
            return "http://127.0.0.1:" + socket.getLocalPort() + "/split";
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
