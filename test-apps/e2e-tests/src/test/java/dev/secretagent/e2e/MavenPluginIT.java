package dev.secretagent.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 20: secret-agent-maven-plugin in real Maven builds of test-apps/maven-plugin-example (copied to a temporary
 * directory). The plugin and the agent jar this build made are put into a test-local repository laid out as
 * `mvn install` would; everything else (Surefire, JUnit, ...) comes from the build's own local repository, used as a
 * read-only file mirror, so nothing is downloaded and the shared repository is never written.
 */
class MavenPluginIT {
    static final Path ROOT = Paths.get(System.getProperty("project.root", "../..")).toAbsolutePath().normalize();
    static final Path EXAMPLE = ROOT.resolve("test-apps/maven-plugin-example");
    static final String TEST_FILE = "src/test/java/example/billing/BillingTest.java";
    static final String LEAK_LINE = "System.out.println(\"connecting to billing with password \" + password);";

    @TempDir
    static Path repoDir;
    static Path settings;

    /** The test-local repository: the parent POM, the agent jar with its reduced POM, the plugin. */
    @BeforeAll
    static void installIntoATestLocalRepository() throws Exception {
        Path g = repoDir.resolve("repo/dev/secretagent");
        install(g, "secret-agent-parent", ROOT.resolve("pom.xml"), null);
        install(g, "secret-agent", ROOT.resolve("agent/target/dependency-reduced-pom.xml"), ChildJvm.AGENT_JAR);
        install(g, "secret-agent-maven-plugin", ROOT.resolve("maven-plugin/pom.xml"),
                ROOT.resolve("maven-plugin/target/secret-agent-maven-plugin.jar"));
        String shared = Paths.get(System.getProperty("maven.repo.local", System.getProperty("user.home") + "/.m2/repository"))
                .toAbsolutePath().toUri().toString();
        settings = repoDir.resolve("settings.xml");
        Files.writeString(settings, "<settings><mirrors><mirror><id>build-local-repository</id><mirrorOf>*</mirrorOf><url>"
                + shared + "</url></mirror></mirrors></settings>\n");
    }

    static void install(Path group, String artifact, Path pom, Path jar) throws Exception {
        Path dir = group.resolve(artifact).resolve("0.1.0");
        Files.createDirectories(dir);
        assertThat(pom).as("built by this build").exists();
        Files.copy(pom, dir.resolve(artifact + "-0.1.0.pom"));
        if (jar != null) {
            assertThat(jar).as("built by this build").exists();
            Files.copy(jar, dir.resolve(artifact + "-0.1.0.jar"));
        }
    }

    @Test
    void aLeakingTestFailsTheBuildAtVerifyAndTheSarifPointsAtItsLine(@TempDir Path dir) throws Exception {
        Path project = copyExample(dir);
        String secret = ChildJvm.randomSecret("mvn-");

        ChildJvm.Result r = mvn(project, Map.of("DB_PASSWORD", secret), "verify");

        assertThat(r.exit).as(r.toString()).isNotZero();
        int line = DevModeMavenIT.lineOf(project.resolve(TEST_FILE), LEAK_LINE);
        String out = r.stdout() + r.stderr();
        // the build's failure message lists the leak: test class and method, file and line, secret id, channel
        assertThat(out).contains("1 test output leak")
                .contains("example.billing.BillingTest.connects (" + TEST_FILE + ":" + line + "): DB_PASSWORD to stdout, 1 time");
        JsonNode sarif = new ObjectMapper().readTree(project.resolve("target/secret-agent/leaks.sarif").toFile());
        assertThat(sarif.get("version").asText()).isEqualTo("2.1.0");
        JsonNode results = sarif.get("runs").get(0).get("results");
        assertThat(results).hasSize(1);
        JsonNode phys = results.get(0).get("locations").get(0).get("physicalLocation");
        assertThat(phys.get("artifactLocation").get("uri").asText()).isEqualTo(TEST_FILE);
        assertThat(phys.get("region").get("startLine").asInt()).isEqualTo(line);
        assertThat(results.get(0).get("properties").get("secretId").asText()).isEqualTo("DB_PASSWORD");
        assertThat(Files.readString(project.resolve("target/secret-agent/leaks.txt"))).contains("BillingTest.connects");
        assertNowhere(secret, r, project);
    }

    @Test
    void controlWithoutTheAgentTheSameBuildPassesAndTheValueIsInTheTestOutput(@TempDir Path dir) throws Exception {
        Path project = copyExample(dir);
        String secret = ChildJvm.randomSecret("mvn-");
        ChildJvm.Result r = mvn(project, Map.of("DB_PASSWORD", secret), "verify", "-Dsecret-agent.skip=true");
        assertThat(r.exit).as(r.toString()).isZero();
        assertThat(r.stdout() + r.stderr()).contains(secret);
    }

    @Test
    void aCleanProjectPasses(@TempDir Path dir) throws Exception {
        Path project = copyExample(dir);
        Path test = project.resolve(TEST_FILE);
        Files.writeString(test, Files.readString(test).replace(LEAK_LINE, "System.out.println(\"connecting to billing\");"));
        String secret = ChildJvm.randomSecret("mvn-");
        ChildJvm.Result r = mvn(project, Map.of("DB_PASSWORD", secret), "verify");
        assertThat(r.exit).as(r.toString()).isZero();
        assertThat(Files.readString(project.resolve("target/secret-agent/leaks.sarif"))).contains("\"results\": []");
        assertNowhere(secret, r, project);
    }

    @Test
    void theScanGoalFailsOnAPlantedCredentialAndHonoursTheAllowlist(@TempDir Path dir) throws Exception {
        Path project = copyExample(dir);
        String awsKey = "AK" + "IA" + random("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16);
        Path props = project.resolve("src/main/resources/billing.properties");
        Files.createDirectories(props.getParent());
        Files.writeString(props, "billing.url=https://billing.example\nbilling.key=" + awsKey + "\n");

        ChildJvm.Result r = mvn(project, Map.of(), "secret-agent:scan");
        assertThat(r.exit).as(r.toString()).isNotZero();
        assertThat(r.stdout() + r.stderr()).contains("src/main/resources/billing.properties:2: an AWS credential (by its format)");
        JsonNode sarif = new ObjectMapper().readTree(project.resolve("target/secret-agent/scan.sarif").toFile());
        JsonNode result = sarif.get("runs").get(0).get("results").get(0);
        assertThat(result.get("ruleId").asText()).isEqualTo("credential-format/aws-access-key");
        assertThat(result.get("locations").get(0).get("physicalLocation").get("region").get("startLine").asInt()).isEqualTo(2);
        assertNowhere(awsKey, r, project);

        Files.writeString(project.resolve(".secret-agent-allowlist"),
                "src/main/resources/*.properties format:aws a revoked key kept as a parser fixture\n");
        ChildJvm.Result allowed = mvn(project, Map.of(), "secret-agent:scan");
        assertThat(allowed.exit).as(allowed.toString()).isZero();
    }

    static String random(String alphabet, int n) {
        SecureRandom rnd = new SecureRandom();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    static Path copyExample(Path dir) throws Exception {
        Path project = dir.resolve("maven-plugin-example");
        DevModeMavenIT.copy(EXAMPLE, project);
        return project;
    }

    static ChildJvm.Result mvn(Path project, Map<String, String> env, String... goals) throws Exception {
        List<String> cmd = new ArrayList<>(DevModeMavenIT.mvn(project, goals[0]));
        // the test-local repository, not the build's: the build's is the read-only mirror in settings.xml
        cmd.removeIf(a -> a.startsWith("-Dmaven.repo.local=") || a.startsWith("-Dsecret-agent.jar=") || a.equals("-o") || a.equals("-q"));
        cmd.add("-Dmaven.repo.local=" + repoDir.resolve("repo"));
        cmd.add("-s");
        cmd.add(settings.toString());
        for (int i = 1; i < goals.length; i++) {
            cmd.add(goals[i]);
        }
        Map<String, String> e = new java.util.HashMap<>(env);
        e.put("JAVA_HOME", ChildJvm.JAVA_HOME);
        return Cli.run(cmd, e, null);
    }

    static void assertNowhere(String value, ChildJvm.Result r, Path project) throws Exception {
        assertThat(r.stdout()).doesNotContain(value);
        assertThat(r.stderr()).doesNotContain(value);
        for (Map.Entry<Path, byte[]> f : ChildJvm.allFiles(project.resolve("target")).entrySet()) {
            assertThat(new String(f.getValue(), StandardCharsets.UTF_8)).as(f.getKey().toString()).doesNotContain(value);
        }
    }
}
