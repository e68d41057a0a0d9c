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

    @Test
    void neverTakesAValueAsAnArgument() throws Exception {
        ChildJvm.Result r = Cli.run(List.of(ChildJvm.javaBin(), "-jar", ChildJvm.AGENT_JAR.toString(), "redact",
                "--value", "x"));
        assertThat(r.exit).isEqualTo(2);
    }
}
