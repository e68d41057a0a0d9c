package dev.secretagent.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** `java -jar secret-agent.jar redact < in > out`: the engine as a pipe filter. */
class RedactCommandIT {
    @Test
    void scrubsSecretsFromTheEnvironmentAndFromAValuesFile(@TempDir Path dir) throws Exception {
        String envSecret = ChildJvm.randomSecret("env-");
        String fileSecret = ChildJvm.randomSecret("file-");
        Path values = dir.resolve("values.txt");
        Files.write(values, (fileSecret + "\n").getBytes(StandardCharsets.UTF_8));
        String basic = Base64.getEncoder().encodeToString(("svc:" + envSecret).getBytes(StandardCharsets.UTF_8));
        String in = "start\nconnecting with " + envSecret + "\nAuthorization: Basic " + basic + "\nfile " + fileSecret
                + "\nclean line\n";

        ChildJvm.Result r = Cli.run(List.of(ChildJvm.javaBin(), "-jar", ChildJvm.AGENT_JAR.toString(), "redact",
                "--values-file", values.toString()), Map.of("ORDERS_DB_PASSWORD", envSecret),
                in.getBytes(StandardCharsets.UTF_8));

        assertThat(r.exit).as(r.toString()).isZero();
        assertThat(r.stdout()).doesNotContain(envSecret).doesNotContain(fileSecret).doesNotContain(basic)
                .contains("connecting with [REDACTED:ORDERS_DB_PASSWORD]\n")
                .contains("file [REDACTED:values-file:1]\n")
                .endsWith("clean line\n");
        assertThat(r.stderr()).doesNotContain(envSecret).doesNotContain(fileSecret).contains("ORDERS_DB_PASSWORD");
    }

    /** The agent's options reach the command (environment and -D), and the values file is scan's format. */
    @Test
    void honoursMinLengthAndMaskAndTheSharedValuesFileFormat(@TempDir Path dir) throws Exception {
        String named = ChildJvm.randomSecret("named-");
        String withEq = "u=" + ChildJvm.randomSecret("eq-");
        String shortOne = ChildJvm.randomSecret("s").substring(0, 10);
        Path values = dir.resolve("values.txt");
        Files.write(values, ("# team values\nORDERS_API=" + named + "\n=" + withEq + "\n" + shortOne + "\n")
                .getBytes(StandardCharsets.UTF_8));
        String in = "a " + named + "\nb " + withEq + "\nc " + shortOne + "\n";

        ChildJvm.Result r = Cli.run(List.of(ChildJvm.javaBin(), "-Dsecretagent.min.length=12", "-jar",
                ChildJvm.AGENT_JAR.toString(), "redact", "--no-env", "--values-file", values.toString()),
                Map.of("SECRETAGENT_MASK", "<hidden:{id}>"), in.getBytes(StandardCharsets.UTF_8));

        assertThat(r.exit).as(r.toString()).isZero();
        assertThat(r.stdout()).isEqualTo("a <hidden:ORDERS_API>\nb <hidden:values-file:3>\nc " + shortOne + "\n");
        assertThat(r.stderr()).doesNotContain(named).doesNotContain(withEq);
    }

    /**
     * Logs written before a rotation hold the old value: every version in the store is redacted, under the
     * secret's path, and each value the command read from the store is on the audit record (never the value).
     */
    @Test
    void scrubsEveryVersionOfEverySecretInTheStore(@TempDir Path dir) throws Exception {
        Path store = dir.resolve("secrets.store");
        String v1 = ChildJvm.randomSecret("db-v1-");
        String v2 = ChildJvm.randomSecret("db-v2-");
        String api = ChildJvm.randomSecret("api-");
        assertThat(StoreInjectionIT.cli(null, "store", "init", "--store", store.toString()).exit).isZero();
        assertThat(StoreInjectionIT.cli(bytes(v1), "store", "put", "--store", store.toString(), "prod/db").exit).isZero();
        assertThat(StoreInjectionIT.cli(bytes(v2), "store", "rotate", "--store", store.toString(), "prod/db").exit).isZero();
        assertThat(StoreInjectionIT.cli(bytes(api), "store", "put", "--store", store.toString(), "prod/api").exit).isZero();
        Path audit = dir.resolve("audit.jsonl");
        String in = "yesterday " + v1 + "\ntoday " + v2 + "\nurl-encoded api=" + api + "\nclean line\n";

        ChildJvm.Result r = Cli.run(List.of(ChildJvm.javaBin(), "-jar", ChildJvm.AGENT_JAR.toString(), "redact",
                "--no-env", "--store", store.toString()), Map.of("SECRETAGENT_AUDIT_FILE", audit.toString()),
                bytes(in));

        assertThat(r.exit).as(r.toString()).isZero();
        assertThat(r.stdout()).isEqualTo("yesterday [REDACTED:prod/db]\ntoday [REDACTED:prod/db]\n"
                + "url-encoded api=[REDACTED:prod/api]\nclean line\n");
        assertThat(r.stderr()).doesNotContain(v1).doesNotContain(v2).doesNotContain(api);
        String auditText = new String(Files.readAllBytes(audit), StandardCharsets.UTF_8);
        assertThat(auditText).doesNotContain(v1).doesNotContain(v2).doesNotContain(api)
                .contains("secret-agent redact").contains("prod/db").contains("prod/api");
        assertThat(auditText.lines().filter(l -> l.contains("secret-agent redact"))).hasSize(3);

        // the store command's own reveal is on the record too
        ChildJvm.Result get = Cli.run(List.of(ChildJvm.javaBin(), "-jar", ChildJvm.AGENT_JAR.toString(), "store", "get",
                "--store", store.toString(), "prod/api", "--reveal"), Map.of("SECRETAGENT_AUDIT_FILE", audit.toString()),
                new byte[0]);
        assertThat(get.exit).as(get.toString()).isZero();
        assertThat(Files.readAllLines(audit)).filteredOn(l -> l.contains("secret-agent store read"))
                .singleElement().asString().contains("prod/api").doesNotContain(api);
    }

    @Test
    void aStoreThatCannotBeOpenedStopsBeforeAnyOutput(@TempDir Path dir) throws Exception {
        Path store = dir.resolve("missing.store");
        ChildJvm.Result r = Cli.run(List.of(ChildJvm.javaBin(), "-jar", ChildJvm.AGENT_JAR.toString(), "redact",
                "--no-env", "--store", store.toString()), Map.of(), bytes("some text\n"));
        assertThat(r.exit).as(r.toString()).isEqualTo(1);
        assertThat(r.stdout()).isEmpty();
        assertThat(r.stderr()).contains("secret-agent redact:").contains(store.getFileName().toString());
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void neverTakesAValueAsAnArgument() throws Exception {
        ChildJvm.Result r = Cli.run(List.of(ChildJvm.javaBin(), "-jar", ChildJvm.AGENT_JAR.toString(), "redact",
                "--value", "x"));
        assertThat(r.exit).isEqualTo(2);
    }
}
