package demo.undertow;

import io.undertow.Undertow;
import io.undertow.server.HttpHandler;
import io.undertow.server.handlers.accesslog.AccessLogHandler;
import io.undertow.server.handlers.accesslog.DefaultAccessLogReceiver;

import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Paths;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * An Undertow server with its access log written by Undertow's own DefaultAccessLogReceiver (the receiver Spring
 * Boot's {@code server.undertow.accesslog.*} configures; default name {@code access_log.log}, "combined" pattern
 * with the Referer): one request with the API key in the query string and the access token in the Referer, then
 * the server stops and the receiver closes (it writes on its own executor, so closing it is what flushes the file).
 * Argument: the directory for the access log.
 */
public final class UndertowAccessLogApp {
    private UndertowAccessLogApp() {
    }

    public static void main(String[] args) throws Exception {
        String key = System.getenv("APP_API_KEY");
        String token = System.getenv("APP_ACCESS_TOKEN");
        ExecutorService logExecutor = Executors.newSingleThreadExecutor();
        DefaultAccessLogReceiver receiver = DefaultAccessLogReceiver.builder().setLogWriteExecutor(logExecutor)
                .setOutputDirectory(Paths.get(args[0])).setLogBaseName("access_log.").setLogNameSuffix("log").build();
        HttpHandler ok = exchange -> exchange.getResponseSender().send("ok");
        Undertow server = Undertow.builder().addHttpListener(0, "127.0.0.1")
                .setHandler(new AccessLogHandler(ok, receiver, "combined", UndertowAccessLogApp.class.getClassLoader()))
                .build();
        server.start();
        int port = ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
        HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + port
                + "/v1/login?access_token=" + token + "&api_key=" + key).toURL().openConnection();
        c.setRequestProperty("Referer", "http://127.0.0.1/start?access_token=" + token);
        int status = c.getResponseCode();
        try (InputStream in = c.getInputStream()) {
            in.readAllBytes();
        }
        server.stop();
        receiver.close();
        logExecutor.shutdown();
        logExecutor.awaitTermination(30, TimeUnit.SECONDS);
        System.out.println("status " + status);
    }
}
