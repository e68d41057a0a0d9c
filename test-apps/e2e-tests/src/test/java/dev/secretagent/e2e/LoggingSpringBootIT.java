package dev.secretagent.e2e;

import org.junit.jupiter.api.Test;

/** Issue 4: a Spring Boot 3.5 application with Boot's default logging, no configuration at all. */
class LoggingSpringBootIT {
    static final LoggingScenario BOOT = new LoggingScenario("springboot-app",
            "org.springframework.boot.loader.launch.JarLauncher", false, "stdout");

    @Test
    void bootDefaultLoggingIsCoveredWithNoConfiguration() throws Exception {
        String secret = ChildJvm.randomSecret("boot-");
        BOOT.runAndCheck(c -> c.env("DB_PASSWORD", secret), secret);
    }
}
