package demo.bootweb;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;

/**
 * An ordinary Boot web application with Tomcat's access log on (server.tomcat.accesslog.enabled=true): it calls
 * itself once the way a careless client does, with the API key in the query string and a Referer carrying a token,
 * and exits. The AccessLogValve writes the request line and the Referer to access_log.yyyy-MM-dd.log.
 */
@SpringBootApplication
@RestController
public class AccessLogApp {
    @GetMapping("/v1/login")
    public String login(@RequestParam("api_key") String apiKey) {
        return "ok " + apiKey.length();
    }

    public static void main(String[] args) throws Exception {
        ServletWebServerApplicationContext ctx =
                (ServletWebServerApplicationContext) SpringApplication.run(AccessLogApp.class, args);
        int port = ctx.getWebServer().getPort();
        String key = System.getenv("APP_API_KEY");
        String token = System.getenv("APP_ACCESS_TOKEN");
        HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + port
                + "/v1/login?access_token=" + token + "&api_key=" + key).toURL().openConnection();
        c.setRequestProperty("Referer", "http://127.0.0.1:" + port + "/start?access_token=" + token);
        int status = c.getResponseCode();
        try (InputStream in = c.getInputStream()) {
            in.readAllBytes();
        }
        System.out.println("status " + status);
        // closing the context stops Tomcat, which closes (and flushes) the access log
        System.exit(SpringApplication.exit(ctx));
    }
}
