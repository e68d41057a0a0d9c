package demo.okhttp;

import com.sun.net.httpserver.HttpServer;
import demo.http.LocalServers;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.logging.HttpLoggingInterceptor;
import okhttp3.logging.LoggingEventListener;

import java.io.FileWriter;
import java.io.PrintWriter;

/**
 * OkHttp with its logging switched on the way its README says: HttpLoggingInterceptor at HEADERS and
 * BODY, as application and as network interceptor, with the default logger (java.util.logging, on
 * stderr) and with custom loggers (one prints to stdout, one writes a file directly, bypassing every
 * logging framework); LoggingEventListener; and the app printing {@code Request.toString()}.
 * Arguments: bearer proxy-auth cookie set-cookie log-file [--tls]; with {@code --tls} both servers speak
 * HTTPS (a self-signed certificate made at run time) and every client trusts that certificate alone.
 */
public final class OkHttpApp {
    public static void main(String[] args) throws Exception {
        LocalServers.Creds c = new LocalServers.Creds(args);
        LocalServers.Tls tls = LocalServers.Tls.fromArgs(args);
        HttpServer server = LocalServers.jdkServer(tls, c.setCookie);
        try (LocalServers.SplitHeadServer split = new LocalServers.SplitHeadServer(c.setCookie, tls);
             PrintWriter file = new PrintWriter(new FileWriter(args[4]), true)) {
            String url = LocalServers.url(server);

            HttpLoggingInterceptor headers = new HttpLoggingInterceptor();
            headers.setLevel(HttpLoggingInterceptor.Level.HEADERS);
            call(builder(tls).addInterceptor(headers).build(), url, c, "default logger, HEADERS, application");

            HttpLoggingInterceptor body = new HttpLoggingInterceptor();
            body.setLevel(HttpLoggingInterceptor.Level.BODY);
            call(builder(tls).addNetworkInterceptor(body).build(), url, c, "default logger, BODY, network");

            HttpLoggingInterceptor.Logger toFile = file::println;
            HttpLoggingInterceptor fileBody = new HttpLoggingInterceptor(toFile);
            fileBody.setLevel(HttpLoggingInterceptor.Level.BODY);
            OkHttpClient fileClient = builder(tls).addNetworkInterceptor(fileBody)
                    .eventListenerFactory(new LoggingEventListener.Factory(toFile)).build();
            call(fileClient, url, c, "file logger, BODY, network, event listener");
            call(fileClient, split.url(), c, "file logger, split response head");

            HttpLoggingInterceptor stdout = new HttpLoggingInterceptor(message -> System.out.println("okhttp: " + message));
            stdout.setLevel(HttpLoggingInterceptor.Level.HEADERS);
            call(builder(tls).addInterceptor(stdout).build(), url, c, "stdout logger, HEADERS, application");

            System.out.println("request: " + request(url, c));
        } finally {
            server.stop(0);
        }
    }

    static OkHttpClient.Builder builder(LocalServers.Tls tls) {
        OkHttpClient.Builder b = new OkHttpClient.Builder();
        return tls == null ? b : b.sslSocketFactory(tls.socketFactory(), tls.trustManager);
    }

    static Request request(String url, LocalServers.Creds c) {
        return new Request.Builder().url(url)
                .header("Authorization", "Bearer " + c.bearer)
                .header("Proxy-Authorization", "Basic " + c.proxyAuth)
                .header("Cookie", "sid=" + c.cookie)
                .header("X-Api-Key", c.known)
                .header("X-Request-Id", "req-visible")
                .build();
    }

    static void call(OkHttpClient client, String url, LocalServers.Creds c, String what) throws Exception {
        try (Response r = client.newCall(request(url, c)).execute()) {
            System.out.println("done: " + what + " status=" + r.code() + " body=" + r.body().string());
        }
    }
}
