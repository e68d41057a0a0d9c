package demo.petclinic;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.Duration;

/**
 * A PetClinic-sized Spring Boot application (web MVC, JPA on an in-memory H2, Thymeleaf views, actuator), built to
 * measure what an agent adds to a real framework start-up. It knows nothing of any agent.
 *
 * <p>With the argument {@code --bench} it serves its first request to itself as soon as it is ready, prints
 * {@code first-request-ms} (JVM start to that response) and {@code ready-cpu-ms} (CPU of every thread of the process
 * by then), warms up with 200 requests over its pages, prints {@code rss-kb} and exits. Without it, it keeps serving.
 *
 * <p>Like the careless applications it stands for, it logs its database password at start (from the environment
 * variable {@code PETCLINIC_DB_PASSWORD} when set).
 */
@SpringBootApplication
public class PetClinicApp {
    private static final Logger log = LoggerFactory.getLogger(PetClinicApp.class);

    public static void main(String[] args) throws Exception {
        boolean bench = args.length > 0 && args[0].equals("--bench");
        ServletWebServerApplicationContext ctx =
                (ServletWebServerApplicationContext) SpringApplication.run(PetClinicApp.class, args);
        String dbPassword = ctx.getEnvironment().getProperty("PETCLINIC_DB_PASSWORD");
        if (dbPassword != null) {
            log.info("connected to the clinic database with password {}", dbPassword);
        }
        if (!bench) {
            return;
        }
        String base = "http://127.0.0.1:" + ctx.getWebServer().getPort();
        int first = get(base + "/owners?lastName=");
        if (first != 200) {
            System.out.println("first request failed: HTTP " + first);
            System.exit(1);
        }
        long firstMs = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.println("first-request-ms " + firstMs);
        System.out.println("ready-cpu-ms " + cpuMs());
        String[] pages = {"/", "/owners?lastName=", "/owners?lastName=Davis", "/owners/1", "/owners/3",
                "/vets.html", "/vets", "/actuator/health", "/oups-not-found", "/owners/2/pets/new"};
        for (int i = 0; i < 200; i++) {
            get(base + pages[i % pages.length]);
        }
        System.out.println("warm-cpu-ms " + cpuMs());
        System.out.println("rss-kb " + rssKb());
        System.exit(SpringApplication.exit(ctx));
    }

    private static int get(String url) throws Exception {
        HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
        int status = c.getResponseCode();
        try (InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
            if (in != null) {
                in.readAllBytes();
            }
        }
        return status;
    }

    private static long cpuMs() {
        return ProcessHandle.current().info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
    }

    private static long rssKb() throws Exception {
        for (String line : Files.readAllLines(Paths.get("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }
}
