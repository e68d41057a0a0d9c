package dev.secretagent.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14, section 3: the audit tells the truth. The JDK reading a secret for itself is recorded under
 * its own name and never raised as a failure; the indirect ways an application can read a secret
 * (reflection, a method reference in a stream, Integer.getInteger) are still the application's reads
 * and still denied; a policy entry that protects nothing is warned about; a policy error names the
 * line of the bad key.
 */
class AuditTruthIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void jdkReadsAreTheJdksAndIndirectApplicationReadsAreStillDenied(@TempDir Path dir) throws Exception {
        String secret = ChildJvm.randomSecret("truth-");
        String storePassword = ChildJvm.randomSecret("ks-");
        String number = Long.toString(100_000_000L + new SecureRandom().nextInt(800_000_000));
        Path audit = dir.resolve("audit.jsonl");
        Path config = dir.resolve("app.yaml");
        Files.write(config, ("mode: enforce\naudit.file: " + audit + "\npolicy:\n"
                + "  - secret: DB_PASSWORD\n    allow: [com.nobody.]\n"
                + "  - secret: app.token\n    allow: [com.nobody.]\n"
                + "  - secret: javax.net.ssl.keyStorePassword\n    allow: [com.nobody.]\n").getBytes(StandardCharsets.UTF_8));

        ChildJvm.Result r = Cli.run(List.of(ChildJvm.javaBin(), "-javaagent:" + ChildJvm.AGENT_JAR + "=config=" + config,
                "-Dapp.token=" + number, "-Djavax.net.ssl.keyStorePassword=" + storePassword,
                "-cp", ChildJvm.appJar("hello-app").toString(), "demo.IndirectReads", "DB_PASSWORD", "app.token"),
                Map.of("DB_PASSWORD", secret), null);

        assertThat(r.exit).as(r.toString()).isZero();
        assertThat(r.stdout()).contains("reflection=null", "stream=null", "optional=null", "getInteger=null", "direct=null");
        List<JsonNode> lines = auditLines(audit);
        assertThat(lines).filteredOn(n -> "javax.net.ssl.keyStorePassword".equals(n.path("secret.id").asText()))
                .as("the JDK's own read: recorded under its name, a success")
                .isNotEmpty()
                .allSatisfy(n -> {
                    assertThat(n.path("event.outcome").asText()).isEqualTo("success");
                    assertThat(n.path("caller.class").asText()).startsWith("sun.security.ssl.");
                    assertThat(n.path("caller.location").asText()).isEqualTo("jrt:/java.base");
                });
        List<JsonNode> denied = new ArrayList<>();
        lines.stream().filter(n -> "denied by policy".equals(n.path("event.reason").asText())).forEach(denied::add);
        assertThat(denied).as("every indirect read is the application's and is denied")
                .allSatisfy(n -> assertThat(n.path("caller.class").asText()).isEqualTo("demo.IndirectReads"))
                .extracting(n -> n.path("secret.id").asText())
                .contains("DB_PASSWORD", "app.token");
        assertThat(denied.stream().mapToInt(n -> n.path("event.count").asInt(1)).sum())
                .as("reflection, stream, optional, getInteger, direct").isEqualTo(5);
        String all = r.stdout() + r.stderr() + new String(Files.readAllBytes(audit), StandardCharsets.UTF_8);
        assertThat(all).doesNotContain(secret).doesNotContain(storePassword).doesNotContain(number);
    }

    @Test
    void aPolicyEntryThatProtectsNothingIsWarnedAbout(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("app.yaml");
        Files.write(config, "policy:\n  - secret: ZZ_*\n    allow: [com.acme.]\n".getBytes(StandardCharsets.UTF_8));
        String value = ChildJvm.randomSecret("zz-");
        ChildJvm.Result r = Cli.run(List.of(ChildJvm.javaBin(), "-javaagent:" + ChildJvm.AGENT_JAR + "=config=" + config,
                "-cp", ChildJvm.appJar("hello-app").toString(), "demo.EnvPrinter", "ZZ_ACCOUNT"),
                Map.of("ZZ_ACCOUNT", value), null);
        assertThat(r.exit).as(r.toString()).isZero();
        assertThat(r.stderr()).contains("policy entry 'ZZ_*' (" + config + ":2) protects nothing")
                .contains("ZZ_ACCOUNT").contains("secret.names.extra");
        assertThat(r.stderr().lines().filter(l -> l.contains("[secret-agent]")))
                .as("the agent's own lines never carry the value").noneMatch(l -> l.contains(value));
    }

    @Test
    void aPolicyErrorNamesTheLineOfTheBadKey(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("app.yaml");
        Files.write(config, ("policy:\n  - secret: DB_PASSWORD\n    description: the pool\n    allow: {pkg: com.acme}\n")
                .getBytes(StandardCharsets.UTF_8));
        ChildJvm.Result r = Cli.run(List.of(ChildJvm.javaBin(), "-javaagent:" + ChildJvm.AGENT_JAR + "=config=" + config,
                "-cp", ChildJvm.appJar("hello-app").toString(), "demo.Hello"), Map.of(), null);
        assertThat(r.exit).as(r.toString()).isNotZero();
        assertThat(r.stderr()).contains(config + ":4: policy entry");
    }

    private static List<JsonNode> auditLines(Path audit) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String l : Files.readAllLines(audit, StandardCharsets.UTF_8)) {
            if (!l.isBlank()) {
                out.add(JSON.readTree(l));
            }
        }
        return out;
    }
}
