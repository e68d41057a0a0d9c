package demo.boot;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** An ordinary Boot application that logs its database password in the usual careless ways. */
@SpringBootApplication
public class BootApp implements CommandLineRunner {
    private static final Logger log = LoggerFactory.getLogger(BootApp.class);

    public static void main(String[] args) {
        SpringApplication.run(BootApp.class, args);
    }

    @Override
    public void run(String... args) {
        String password = System.getenv("DB_PASSWORD");
        log.info("connecting with password " + password);
        log.info("connecting with {}", password);
        MDC.put("db.password", password);
        log.warn("mdc {}", MDC.getCopyOfContextMap());
        MDC.clear();
        RuntimeException e = new RuntimeException("outer", new IllegalStateException("inner " + password));
        e.addSuppressed(new IllegalArgumentException("suppressed " + password));
        log.error("failed for " + password, e);
        java.util.logging.Logger.getLogger("demo.boot.jul").info("through JUL " + password);
        log.info("environment {}", System.getenv());
        log.info("done");
    }
}
