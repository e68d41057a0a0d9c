package dev.secretagent.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 7, "a Spring Boot application binding ${DB_PASSWORD} gets it too": a Boot 3.5 application
 * (springboot-store-app, Boot's default Logback console logging) binds DB_PASSWORD through
 * {@code @Value("${DB_PASSWORD}")} and through relaxed binding into {@code @ConfigurationProperties("db")}.
 * Spring reads the environment through the System.getenv() map (SystemEnvironmentPropertySource),
 * so this is the overlay seen through AuditedEnvironment, not through System.getenv(name).
 */
class BootStoreInjectionIT {
    static final String LAUNCHER = "org.springframework.boot.loader.launch.JarLauncher";

    @TempDir
    Path dir;

    @Test
    void bootBindsTheInjectedValueButProcEnvironOutputAndAuditDoNotHoldIt() throws Exception {
        Path store = dir.resolve("secrets.store");
        ChildJvm.Result init = StoreInjectionIT.cli(null, "store", "init", "--store", store.toString());
        assertThat(init.exit).as(init.toString()).isZero();
        String secret = ChildJvm.randomSecret("boot-db-");
        ChildJvm.Result put = StoreInjectionIT.cli((secret + "\n").getBytes(StandardCharsets.UTF_8),
                "store", "put", "--store", store.toString(), "prod/db/password");
        assertThat(put.exit).as(put.toString()).isZero();

        Path audit = dir.resolve("audit.jsonl");
        Path cfg = dir.resolve("secret-agent.yaml");
        Files.writeString(cfg, "store: file\nstore.path: " + store + "\naudit.file: " + audit + "\n"
                + "inject:\n  - secret: prod/db/password\n    env: DB_PASSWORD\n");

        ChildJvm.Running app = ChildJvm.app("springboot-store-app", LAUNCHER).withAgent("config=" + cfg).start();
        await().atMost(Duration.ofSeconds(60)).until(() -> app.stdout().contains("ready") || !app.process.isAlive());
        assertThat(app.process.isAlive()).as(app.stdout() + app.stderr()).isTrue();

        String hash = StoreInjectionIT.sha(secret);
        assertThat(app.stdout()).as("@Value(\"${DB_PASSWORD}\")").contains("value DB_PASSWORD sha256=" + hash);
        assertThat(app.stdout()).as("@ConfigurationProperties db.password from DB_PASSWORD")
                .contains("properties db.password sha256=" + hash);

        byte[] environ = Files.readAllBytes(Path.of("/proc/" + app.process.pid() + "/environ"));
        assertThat(new String(environ, StandardCharsets.ISO_8859_1)).as("/proc/<pid>/environ")
                .doesNotContain(secret).doesNotContain("DB_PASSWORD=");

        assertThat(app.finish()).as(app.stderr()).isZero();
        assertThat(app.stdout()).contains("bye");
        assertThat(app.stdout()).as("Boot's console logging, redacted").contains("connecting to db with password [REDACTED");
        // the bytes read as ISO-8859-1: every byte maps to one char, so no decoding can hide the value
        assertThat(latin1(app.stdout())).as("stdout").doesNotContain(secret);
        assertThat(latin1(app.stderr())).as("stderr").doesNotContain(secret);

        await().atMost(Duration.ofSeconds(10)).until(() -> !AccessAudit.withAction(AccessAudit.lines(audit), "inject").isEmpty());
        List<Map<String, Object>> lines = AccessAudit.lines(audit);
        List<Map<String, Object>> injects = AccessAudit.withAction(lines, "inject");
        assertThat(injects).hasSize(1);
        assertThat(injects.get(0)).containsEntry("secret.path", "prod/db/password").containsEntry("secret.store", "file")
                .containsEntry("secret.target", "env:DB_PASSWORD").containsEntry("event.outcome", "success");
        // @Value resolves through the System.getenv() map's get: a read, with Spring's class as the caller
        assertThat(AccessAudit.withAction(lines, "read")).anySatisfy(l -> {
            assertThat(l).containsEntry("secret.id", "DB_PASSWORD").containsEntry("secret.version", "1");
            assertThat((String) l.get("caller.class")).startsWith("org.springframework.");
        });
        // relaxed binding (@ConfigurationProperties) copies the whole map: a dump naming the secret it disclosed
        assertThat(AccessAudit.withAction(lines, "dump")).anySatisfy(l -> {
            assertThat(l.get("secret.id")).asString().contains("DB_PASSWORD");
            assertThat((String) l.get("caller.class")).startsWith("org.springframework.boot.");
        });
        assertThat(new String(Files.readAllBytes(audit), StandardCharsets.ISO_8859_1)).as("audit file").doesNotContain(secret);
    }

    private static String latin1(String utf8) {
        return new String(utf8.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }
}
