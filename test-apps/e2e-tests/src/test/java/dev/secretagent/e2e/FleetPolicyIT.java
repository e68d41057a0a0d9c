package dev.secretagent.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8: a security team's policy named through JAVA_TOOL_OPTIONS; the application's own
 * configuration may extend it but not switch redaction off — the attempt is refused and reported.
 */
class FleetPolicyIT {
    @Test
    void applicationCannotSwitchRedactionOffUnderAFleetPolicy(@TempDir Path dir) throws Exception {
        Path fleet = dir.resolve("policy.yaml");
        Files.write(fleet, ("mode: enforce\naudit.file: " + dir.resolve("audit.jsonl") + "\n").getBytes(StandardCharsets.UTF_8));
        Path app = dir.resolve("app.yaml");
        Files.write(app, "redaction.enabled: false\nmode: dev\nservice.name: orders\n".getBytes(StandardCharsets.UTF_8));
        String secret = ChildJvm.randomSecret("fleet-");

        Map<String, String> env = Map.of(
                "JAVA_TOOL_OPTIONS", "-javaagent:" + ChildJvm.AGENT_JAR + "=fleet.policy=" + fleet,
                "SECRETAGENT_CONFIG", app.toString(),
                "DB_PASSWORD", secret);
        ChildJvm.Result r = Cli.run(List.of(ChildJvm.javaBin(), "-cp", ChildJvm.appJar("hello-app").toString(),
                "demo.EnvPrinter", "DB_PASSWORD"), env, null);

        assertThat(r.exit).as(r.toString()).isZero();
        assertThat(r.stdout()).contains("DB_PASSWORD=[REDACTED:DB_PASSWORD]").doesNotContain(secret);
        assertThat(r.stderr()).doesNotContain(secret)
                .contains("fleet policy: application setting 'redaction.enabled' from " + app + ":1 refused")
                .contains("'mode' from " + app + ":2 refused");

        String audit = new String(Files.readAllBytes(dir.resolve("audit.jsonl")), StandardCharsets.UTF_8);
        assertThat(audit.lines().filter(l -> l.contains("\"event.action\":\"configure\"")))
                .hasSize(2)
                .allSatisfy(l -> assertThat(l).contains("\"event.outcome\":\"failure\"")
                        .contains("\"event.reason\":\"weakens fleet policy\"").contains("\"service.name\":\"orders\""))
                .anySatisfy(l -> assertThat(l).contains("redaction.enabled"));
        assertThat(audit).doesNotContain(secret);
    }
}
