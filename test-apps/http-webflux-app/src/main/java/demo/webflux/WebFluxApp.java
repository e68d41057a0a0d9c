package demo.webflux;

import com.sun.net.httpserver.HttpServer;
import demo.http.LocalServers;
import io.netty.handler.logging.LogLevel;
import io.netty.handler.logging.LoggingHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.http.ResponseEntity;
import org.springframework.web.reactive.function.client.ExchangeStrategies;
import org.springframework.web.reactive.function.client.WebClient;
import io.netty.handler.codec.http.HttpMethod;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.NettyPipeline;
import reactor.netty.http.client.HttpClient;
import reactor.netty.transport.logging.AdvancedByteBufFormat;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * A Spring Boot 3.5 WebFlux application (no web server of its own) calling a local server the ways the
 * documentation shows for seeing what goes over the wire:
 * <ul>
 *   <li>Boot's {@code WebClient.Builder} with {@code spring.codec.log-request-details=true} (set below, as an
 *   application would in application.properties), {@code org.springframework.web.reactive.function.client} at TRACE
 *   (a system property from the test): request and response headers in {@code HttpHeaders}' format;</li>
 *   <li>a plain {@code WebClient} with {@code ExchangeStrategies ... enableLoggingRequestDetails(true)} over a Reactor
 *   Netty client with the default {@code wiretap(true)} (hex dump, logger {@code reactor.netty.http.client.HttpClient});</li>
 *   <li>Reactor Netty's {@code HttpClient} with {@code wiretap(name, DEBUG, HEX_DUMP)} and {@code TEXTUAL};</li>
 *   <li>Netty's own {@code LoggingHandler} at the head of the pipeline.</li>
 * </ul>
 * Each against the JDK's HttpServer and against the split-head server (a Set-Cookie value across two reads).
 * With {@code --tls} both servers speak TLS and every client is {@code secure(spec -> spec.sslContext(...))} with a
 * Netty {@code SslContext} trusting the run's self-signed certificate: Reactor Netty puts its {@code SslHandler}
 * at the head of the pipeline, in front of the wiretap {@code LoggingHandler}, so the wiretap logs plaintext; the
 * app puts its own {@code LoggingHandler} behind the {@code SslHandler} too.
 * Logging: Boot's default Logback console (stdout). Arguments: bearer proxy-auth cookie set-cookie [--tls].
 */
@SpringBootApplication
public class WebFluxApp {
    public static void main(String[] args) throws Exception {
        LocalServers.Creds c = new LocalServers.Creds(args);
        SpringApplication app = new SpringApplication(WebFluxApp.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setDefaultProperties(java.util.Map.of("spring.codec.log-request-details", "true",
                "spring.main.banner-mode", "off"));
        LocalServers.Tls tls = LocalServers.Tls.fromArgs(args);
        SslContext trust = tls == null ? null : SslContextBuilder.forClient().trustManager(tls.trustManager).build();
        HttpServer server = LocalServers.jdkServer(tls, c.setCookie);
        try (ConfigurableApplicationContext ctx = app.run(args);
             LocalServers.SplitHeadServer split = new LocalServers.SplitHeadServer(c.setCookie, tls)) {
            String url = LocalServers.url(server);
            Consumer<HttpHeaders> headers = h -> {
                h.setBearerAuth(c.bearer);
                h.set("Proxy-Authorization", "Basic " + c.proxyAuth);
                h.set("Cookie", "sid=" + c.cookie);
                h.set("X-Api-Key", c.known);
                h.set("X-Request-Id", "req-visible");
            };

            // Boot's builder: the codecs carry log-request-details from spring.codec.log-request-details
            // (over TLS with a connector that trusts the local certificate, the way an application sets its own trust)
            WebClient.Builder bootBuilder = ctx.getBean(WebClient.Builder.class);
            if (trust != null) {
                bootBuilder.clientConnector(new ReactorClientHttpConnector(secure(HttpClient.create(), trust)));
            }
            WebClient boot = bootBuilder.build();
            System.out.println("done: boot webclient " + show(boot.get().uri(url).headers(headers).retrieve()
                    .toEntity(String.class).block()));

            // a plain WebClient with request details on, over a client with the default wiretap
            WebClient plain = WebClient.builder()
                    .exchangeStrategies(ExchangeStrategies.builder()
                            .codecs(k -> k.defaultCodecs().enableLoggingRequestDetails(true)).build())
                    .clientConnector(new ReactorClientHttpConnector(secure(HttpClient.create().wiretap(true), trust)))
                    .build();
            System.out.println("done: webclient wiretap " + show(plain.get().uri(url).headers(headers).retrieve()
                    .toEntity(String.class).block()));
            System.out.println("done: webclient wiretap split " + show(plain.get().uri(split.url()).headers(headers)
                    .retrieve().toEntity(String.class).block()));

            HttpClient hex = secure(HttpClient.create().wiretap("demo.wire.hex", LogLevel.DEBUG, AdvancedByteBufFormat.HEX_DUMP), trust);
            HttpClient text = secure(HttpClient.create().wiretap("demo.wire.text", LogLevel.DEBUG, AdvancedByteBufFormat.TEXTUAL,
                    StandardCharsets.UTF_8), trust);
            // Netty's LoggingHandler first in the pipeline, but behind the SslHandler when there is one (in front of
            // it, it would log TLS records, not HTTP)
            HttpClient netty = secure(HttpClient.create().doOnChannelInit((observer, channel, address) -> {
                LoggingHandler logging = new LoggingHandler("demo.wire.netty", LogLevel.DEBUG);
                if (channel.pipeline().get(NettyPipeline.SslHandler) != null) {
                    channel.pipeline().addAfter(NettyPipeline.SslHandler, "demo.wire.netty", logging);
                } else {
                    channel.pipeline().addFirst(logging);
                }
            }), trust);
            for (String[] n : new String[][] {{"hex", url}, {"hex split", split.url()}, {"text", url},
                {"text split", split.url()}, {"netty", url}, {"netty split", split.url()}}) {
                HttpClient client = n[0].startsWith("hex") ? hex : n[0].startsWith("text") ? text : netty;
                System.out.println("done: " + n[0] + " " + call(client, n[1], c));
            }
        } finally {
            server.stop(0);
        }
    }

    /** Over TLS when {@code trust} is not null: the client trusts the local server's certificate alone. */
    private static HttpClient secure(HttpClient client, SslContext trust) {
        return trust == null ? client : client.secure(spec -> spec.sslContext(trust));
    }

    private static String call(HttpClient client, String url, LocalServers.Creds c) {
        return client.headers(h -> h.set("Authorization", "Bearer " + c.bearer)
                        .set("Proxy-Authorization", "Basic " + c.proxyAuth)
                        .set("Cookie", "sid=" + c.cookie)
                        .set("X-Api-Key", c.known)
                        .set("X-Request-Id", "req-visible"))
                // the split-head server reads no body: a GET there, a POST with a body to the JDK server
                .request(url.endsWith("/split") ? HttpMethod.GET : HttpMethod.POST).uri(url)
                .send(url.endsWith("/split") ? ByteBufFlux.fromString(Mono.empty())
                        : ByteBufFlux.fromString(Mono.just("payload-visible")))
                .responseSingle((res, body) -> body.asString().map(b -> res.status().code() + " " + b))
                .block();
    }

    private static String show(ResponseEntity<String> r) {
        return r.getStatusCode().value() + " " + r.getBody();
    }
}
