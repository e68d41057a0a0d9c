package demo.spring;

import com.sun.net.httpserver.HttpServer;
import demo.http.LocalServers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;

/**
 * What Spring applications do with headers: print or log {@code HttpHeaders}, {@code HttpEntity} and
 * {@code ResponseEntity} (their {@code toString()} is {@code [Authorization:"Bearer x", Cookie:"a=b"]}, a
 * name's further values as more quoted strings), and log every exchange's headers from a
 * {@code ClientHttpRequestInterceptor} on RestClient and RestTemplate. The server answers with two
 * {@code Set-Cookie} headers. Logging: SLF4J (slf4j-simple, stderr), which spring-jcl also uses, so
 * {@code org.springframework.web.client} at DEBUG is switched on with a system property.
 * Arguments: bearer proxy-auth cookie set-cookie.
 */
public final class SpringHttpApp {
    private static final Logger LOG = LoggerFactory.getLogger("demo.spring.http");

    public static void main(String[] args) throws Exception {
        LocalServers.Creds c = new LocalServers.Creds(args);
        // a second Set-Cookie: its value is listed after the first in HttpHeaders.toString()
        HttpServer server = LocalServers.jdkServer(c.setCookie, "remember=" + c.cookie + "; Path=/; HttpOnly");
        try {
            String url = LocalServers.url(server);
            HttpHeaders headers = new HttpHeaders();
            headers.setBearerAuth(c.bearer);
            headers.set("Proxy-Authorization", "Basic " + c.proxyAuth);
            headers.set("Cookie", "sid=" + c.cookie);
            headers.set("X-Api-Key", c.known);
            headers.set("X-Request-Id", "req-visible");
            System.out.println("headers: " + headers);
            LOG.info("entity: {}", new HttpEntity<>("payload-visible", headers));

            ClientHttpRequestInterceptor logging = (request, body, execution) -> {
                LOG.info("request {} {} {}", request.getMethod(), request.getURI(), request.getHeaders());
                ClientHttpResponse response = execution.execute(request, body);
                LOG.info("response {} {}", response.getStatusCode(), response.getHeaders());
                return response;
            };

            RestClient client = RestClient.builder().requestInterceptor(logging).build();
            ResponseEntity<String> viaClient = client.get().uri(url).headers(h -> h.addAll(headers)).retrieve()
                    .toEntity(String.class);
            System.out.println("rest client: " + viaClient);

            RestTemplate template = new RestTemplate();
            template.getInterceptors().add(logging);
            ResponseEntity<String> viaTemplate = template.exchange(url, HttpMethod.GET, new HttpEntity<>(headers),
                    String.class);
            System.out.println("rest template: " + viaTemplate);
            System.out.println("response headers: " + viaTemplate.getHeaders());
        } finally {
            server.stop(0);
        }
    }
}
