package demo.feign;

import com.sun.net.httpserver.HttpServer;
import demo.http.LocalServers;
import feign.Client;
import feign.Feign;
import feign.Headers;
import feign.Logger;
import feign.RequestLine;
import feign.slf4j.Slf4jLogger;

import javax.net.ssl.HttpsURLConnection;
import java.nio.file.Path;
import java.util.logging.ConsoleHandler;
import java.util.logging.Level;

/**
 * OpenFeign with its request/response logging at {@code Logger.Level.HEADERS} and {@code FULL}, through the three
 * loggers Feign ships: {@code Slf4jLogger} (Logback, console on stdout, {@code demo.feign} at DEBUG in logback.xml),
 * {@code ErrorLogger} (System.err) and {@code JavaLogger} (java.util.logging at FINE: a console handler and Feign's
 * own {@code appendToFile}). The credentials are added by a {@code RequestInterceptor}, as applications do; the
 * server answers with two {@code Set-Cookie} headers. Feign's default client (HttpURLConnection); with {@code --tls}
 * the server speaks TLS and the client is {@code new Client.Default(sslSocketFactory, hostnameVerifier)} with a socket
 * factory trusting the run's self-signed certificate and the JDK's own (strict) hostname verifier. Feign's logger
 * sits above the connection and sees the plaintext either way.
 * Arguments: bearer proxy-auth cookie set-cookie log-dir [--tls].
 */
public final class FeignApp {
    interface Items {
        @RequestLine("POST /api/items")
        @Headers({"Content-Type: text/plain", "X-Request-Id: req-visible"})
        String post(String body);
    }

    public static void main(String[] args) throws Exception {
        LocalServers.Creds c = new LocalServers.Creds(args);
        Path logDir = Path.of(args[4]);
        LocalServers.Tls tls = LocalServers.Tls.fromArgs(args);
        HttpServer server = LocalServers.jdkServer(tls, c.setCookie, "remember=" + c.cookie + "; Path=/; HttpOnly");
        try {
            String base = (tls == null ? "http" : "https") + "://127.0.0.1:" + server.getAddress().getPort();
            Client client = tls == null ? new Client.Default(null, null)
                    : new Client.Default(tls.socketFactory(), HttpsURLConnection.getDefaultHostnameVerifier());

            Logger.JavaLogger jul = new Logger.JavaLogger("demo.feign.jul")
                    .appendToFile(logDir.resolve("feign-jul.log").toString());
            java.util.logging.Logger julLogger = java.util.logging.Logger.getLogger("demo.feign.jul");
            ConsoleHandler console = new ConsoleHandler();
            console.setLevel(Level.FINE);
            julLogger.addHandler(console);

            Object[][] loggers = {{"slf4j", new Slf4jLogger("demo.feign")}, {"stderr", new Logger.ErrorLogger()},
                {"jul", jul}};
            for (Object[] l : loggers) {
                for (Logger.Level level : new Logger.Level[] {Logger.Level.HEADERS, Logger.Level.FULL}) {
                    Items items = Feign.builder()
                            .client(client)
                            .logger((Logger) l[1])
                            .logLevel(level)
                            .requestInterceptor(t -> t.header("Authorization", "Bearer " + c.bearer)
                                    .header("Proxy-Authorization", "Basic " + c.proxyAuth)
                                    .header("Cookie", "sid=" + c.cookie)
                                    .header("X-Api-Key", c.known))
                            .target(Items.class, base);
                    System.out.println("done: " + l[0] + " " + level + " -> " + items.post("payload-visible"));
                }
            }
        } finally {
            server.stop(0);
        }
    }
}
