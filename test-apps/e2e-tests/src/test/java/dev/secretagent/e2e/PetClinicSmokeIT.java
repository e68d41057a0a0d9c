package dev.secretagent.e2e;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 17: the PetClinic-sized Spring Boot application of the start-up bench (web, JPA on H2, Thymeleaf, actuator)
 * keeps working under the agent: it serves its first request and 200 more, and the database password it logs at
 * start is redacted. One control run shows the leak. Two boots only: this app is for the bench, not for CI time.
 */
class PetClinicSmokeIT {
    @Test
    void servesItsPagesAndItsLoggedPasswordIsRedacted() throws Exception {
        String secret = ChildJvm.randomSecret("pc-");

        String control = boot(ChildJvm.app("petclinic-app", "org.springframework.boot.loader.launch.JarLauncher",
                "--bench").env("PETCLINIC_DB_PASSWORD", secret));
        assertThat(control).as("control run without the agent shows the leak").contains(secret);

        String with = boot(ChildJvm.app("petclinic-app", "org.springframework.boot.loader.launch.JarLauncher",
                "--bench").env("PETCLINIC_DB_PASSWORD", secret).withAgent());
        assertThat(with).doesNotContain(secret)
                .contains("connected to the clinic database with password")
                .contains("first-request-ms ").contains("rss-kb ");
    }

    /** Runs the app to its end (it exits after its bench requests) and returns stdout + stderr. */
    private static String boot(ChildJvm jvm) throws Exception {
        ChildJvm.Running app = jvm.start();
        // a Boot start on a loaded 2-core machine can take minutes; this is a liveness bound, not a timing
        await().atMost(Duration.ofMinutes(8)).pollInterval(Duration.ofMillis(200)).until(() -> !app.process.isAlive());
        assertThat(app.process.exitValue()).as(app.stdout() + app.stderr()).isZero();
        // the pumps may still hold the last lines when the process is gone
        await().atMost(Duration.ofSeconds(30)).until(() -> app.stdout().contains("rss-kb "));
        return app.stdout() + app.stderr();
    }
}
