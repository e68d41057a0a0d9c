package demo.jetty;

import org.eclipse.jetty.server.CustomRequestLog;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.RequestLogWriter;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A Jetty 12 server with its request log written to a file (CustomRequestLog, extended NCSA format, Jetty's
 * yyyy_mm_dd.request.log name): one request with the API key in the query string, then the server stops.
 * Argument: the directory for the request log.
 */
public final class JettyRequestLogApp {
    private JettyRequestLogApp() {
    }

    public static void main(String[] args) throws Exception {
        String key = System.getenv("APP_API_KEY");
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                response.setStatus(200);
                response.write(true, ByteBuffer.wrap("ok".getBytes(StandardCharsets.UTF_8)), callback);
                return true;
            }
        });
        RequestLogWriter writer = new RequestLogWriter(Paths.get(args[0]).resolve("yyyy_mm_dd.request.log").toString());
        CustomRequestLog requestLog = new CustomRequestLog(writer, CustomRequestLog.EXTENDED_NCSA_FORMAT);
        // Jetty logs a request after its response completed, possibly after the client read it: stop only once logged
        CountDownLatch logged = new CountDownLatch(1);
        server.addBean(requestLog); // started and stopped with the server, as setRequestLog does
        server.setRequestLog((request, response) -> {
            requestLog.log(request, response);
            logged.countDown();
        });
        server.start();
        HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + connector.getLocalPort()
                + "/v1/orders?api_key=" + key).toURL().openConnection();
        c.setRequestProperty("Referer", "http://127.0.0.1/start?api_key=" + key);
        int status = c.getResponseCode();
        try (InputStream in = c.getInputStream()) {
            in.readAllBytes();
        }
        if (!logged.await(30, TimeUnit.SECONDS)) {
            System.out.println("request not logged");
        }
        System.out.println("status " + status);
        server.stop(); // waits for the request in progress; the request log is closed with the server
    }
}
