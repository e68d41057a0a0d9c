package dev.secretagent.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8, test runs: a real `mvn test` of test-apps/devmode-example (JUnit 5 under Surefire, the agent in
 * argLine with mode=dev and leaks.fail=true), on a copy in a temporary directory, offline. A test that logs a
 * secret fails the build, and target/leaks.sarif points at that test's file and line.
 */
class DevModeMavenIT {
    static final Path EXAMPLE = Paths.get(System.getProperty("devmode.example", "../devmode-example")).toAbsolutePath().normalize();

    @Test
    void aTestThatLogsASecretFailsTheBuildAndTheSarifPointsAtItsLine(@TempDir Path dir) throws Exception {
        Path project = dir.resolve("devmode-example");
        copy(EXAMPLE, project);
        String secret = ChildJvm.randomSecret("mvn-");

        ChildJvm.Result r = Cli.run(mvn(project, "test"), Map.of("DB_PASSWORD", secret, "JAVA_HOME", ChildJvm.JAVA_HOME), null);

        assertThat(r.exit).as(r.toString()).isNotZero();
        assertThat(r.stdout() + r.stderr()).contains("[secret-agent] dev mode: 1 leak found")
                .contains("example.orders.OrderServiceTest.connects(OrderServiceTest.java:");
        Path sarif = project.resolve("target/leaks.sarif");
        assertThat(sarif).exists();
        String text = Files.readString(sarif);
        int line = lineOf(project.resolve("src/test/java/example/orders/OrderServiceTest.java"), "LOG.info(\"connecting with password");
        assertThat(text).contains("\"version\": \"2.1.0\"")
                .contains("\"ruleId\": \"known-secret\"")
                .contains("\"artifactLocation\": {\"uri\": \"src/test/java/example/orders/OrderServiceTest.java\", \"uriBaseId\": \"SRCROOT\"}, \"region\": {\"startLine\": " + line + "}")
                .contains("\"secretId\": \"DB_PASSWORD\"");
        // never the value: not in Maven's output, not in any file the build or the agent wrote
        assertThat(r.stdout()).doesNotContain(secret);
        assertThat(r.stderr()).doesNotContain(secret);
        for (Map.Entry<Path, byte[]> f : ChildJvm.allFiles(project).entrySet()) {
            assertThat(new String(f.getValue(), StandardCharsets.UTF_8)).as(f.getKey().toString()).doesNotContain(secret);
        }
    }

    @Test
    void withoutTheLeakingLineTheSameBuildPasses(@TempDir Path dir) throws Exception {
        // the control: the failure above is the leak, not the set-up
        Path project = dir.resolve("devmode-example");
        copy(EXAMPLE, project);
        Path test = project.resolve("src/test/java/example/orders/OrderServiceTest.java");
        String src = Files.readString(test);
        Files.writeString(test, src.replace("LOG.info(\"connecting with password \" + password);", "LOG.info(\"connecting\");"));

        // A secret-looking user property: Maven hands it to the Surefire fork, whose stdout is Surefire's event
        // channel (it carries system properties): the agent must not rewrite that channel.
        List<String> cmd = mvn(project, "test");
        cmd.add("-Dapi.token=" + ChildJvm.randomSecret("prop-"));
        ChildJvm.Result r = Cli.run(cmd,
                Map.of("DB_PASSWORD", ChildJvm.randomSecret("mvn-"), "JAVA_HOME", ChildJvm.JAVA_HOME), null);
        assertThat(r.exit).as(r.toString()).isZero();
        assertThat(Files.readString(project.resolve("target/leaks.sarif"))).contains("\"results\": []");
    }

    static List<String> mvn(Path project, String goal) {
        String home = System.getProperty("maven.home");
        String mvn = home != null && !home.isEmpty() && Files.isExecutable(Paths.get(home, "bin", "mvn"))
                ? Paths.get(home, "bin", "mvn").toString() : "mvn";
        List<String> cmd = new ArrayList<>(List.of(mvn, "-B", "-q", "-o", "-f", project.resolve("pom.xml").toString(), goal,
                "-Dsecret-agent.jar=" + ChildJvm.AGENT_JAR));
        String repo = System.getProperty("maven.repo.local");
        if (repo != null && !repo.isEmpty()) {
            cmd.add("-Dmaven.repo.local=" + repo);
        }
        return cmd;
    }

    static int lineOf(Path file, String needle) throws Exception {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(needle)) {
                return i + 1;
            }
        }
        throw new AssertionError(needle + " not in " + file);
    }

    static void copy(Path from, Path to) throws Exception {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path rel = from.relativize(p);
                if (rel.startsWith("target")) {
                    continue;
                }
                Path dest = to.resolve(rel.toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest);
                }
            }
        }
    }
}
