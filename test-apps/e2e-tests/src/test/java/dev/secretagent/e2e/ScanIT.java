package dev.secretagent.e2e;

import org.junit.jupiter.api.BeforeEach;
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
 * Issue 8, scan: credentials planted in a temporary git repository are found by value (a known secret from
 * the environment or a values file, compared by fingerprint) and by format (the detectors), with a non-zero
 * exit; the allowlist and inline allow comments accept what they name; the output never holds a value.
 * Credential-shaped strings are built here at run time from pieces, never committed.
 */
class ScanIT {
    private static final SecureRandom RANDOM = new SecureRandom();

    @TempDir
    Path repo;
    String secret;
    String awsKey;
    String githubToken;

    static String random(String alphabet, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    @BeforeEach
    void plant() throws Exception {
        secret = ChildJvm.randomSecret("scan-");
        awsKey = "AK" + "IA" + random("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16);
        githubToken = "gh" + "p_" + random("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 36);
        write("config/app.properties", "db.url=jdbc:postgresql://db/orders\ndb.password=" + secret + "\n");
        write("src/Client.java", "class Client {\n    // talks to S3\n    static final String KEY = \"" + awsKey + "\";\n}\n");
        write("deploy/ci.yaml", "steps:\n  - run: publish\n    env:\n      TOKEN: " + githubToken + "\n");
        write("README.md", "# orders\nNo credentials here.\n");
        git("init", "-q");
        git("add", "config", "src", "deploy", "README.md");
        // not tracked: found without --git, ignored with it
        write("scratch/notes.txt", "old key " + awsKey + "\n");
    }

    @Test
    void plantedCredentialsAreFoundByValueAndByFormatWithANonZeroExit() throws Exception {
        ChildJvm.Result r = scan(Map.of("DB_PASSWORD", secret), "--git", repo.toString());
        assertThat(r.exit).as(r.toString()).isEqualTo(1);
        assertThat(r.stdout())
                .contains("config/app.properties:2:13: the value of known secret DB_PASSWORD  [value:DB_PASSWORD]")
                .contains("src/Client.java:3:32: an AWS credential (by its format)  [format:aws-access-key]")
                .contains("deploy/ci.yaml:4:14: a GitHub credential (by its format)  [format:github-pat]")
                .contains("3 credentials found in 4 files")
                .doesNotContain("scratch/notes.txt");
        assertNoValue(r);

        ChildJvm.Result all = scan(Map.of("DB_PASSWORD", secret), repo.toString());
        assertThat(all.exit).isEqualTo(1);
        assertThat(all.stdout()).contains("scratch/notes.txt:1:9:").contains("4 credentials found");
        assertNoValue(all);
    }

    @Test
    void knownValuesFromAValuesFileOnStdin() throws Exception {
        ChildJvm.Result r = Cli.run(cmd("scan", "--git", "--no-env", "--detectors", "none", "--values-file", "-", repo.toString()),
                Map.of(), ("ORDERS_DB=" + secret + "\n").getBytes(StandardCharsets.UTF_8));
        assertThat(r.exit).as(r.toString()).isEqualTo(1);
        assertThat(r.stdout()).contains("config/app.properties:2:13: the value of known secret ORDERS_DB")
                .contains("1 credential found");
        assertNoValue(r);
    }

    @Test
    void allowlistAndInlineCommentsAcceptFindingsAndTheScanIsClean() throws Exception {
        write("src/Client.java", "class Client {\n    // secret-agent:allow a documented example key, never valid\n    static final String KEY = \""
                + awsKey + "\";\n}\n");
        write(".secret-agent-allowlist", "# glob rule reason\ndeploy/** format:github the CI token fixture is revoked\n"
                + "config/*.properties value:DB_PASSWORD local development database only\n");
        ChildJvm.Result r = scan(Map.of("DB_PASSWORD", secret), "--git", repo.toString());
        assertThat(r.exit).as(r.toString()).isZero();
        assertThat(r.stdout()).contains("no credentials found").contains("3 allowed");

        write(".secret-agent-allowlist", "deploy/** format:github\n");
        ChildJvm.Result bad = scan(Map.of(), "--git", repo.toString());
        assertThat(bad.exit).isEqualTo(2);
        assertThat(bad.stderr()).contains(".secret-agent-allowlist:1: an allowlist entry needs a path glob, a rule and a reason");
    }

    @Test
    void jsonAndSarifOutputs() throws Exception {
        ChildJvm.Result json = scan(Map.of("DB_PASSWORD", secret), "--git", "--format", "json", repo.toString());
        assertThat(json.exit).isEqualTo(1);
        assertThat(json.stdout()).contains("{\"path\": \"config/app.properties\", \"line\": 2, \"column\": 13, \"kind\": \"value\", \"id\": \"DB_PASSWORD\"")
                .contains("\"kind\": \"format\", \"id\": \"aws-access-key\"");
        assertNoValue(json);

        ChildJvm.Result sarif = scan(Map.of("DB_PASSWORD", secret), "--git", "--format", "sarif", repo.toString());
        assertThat(sarif.exit).isEqualTo(1);
        assertThat(sarif.stdout()).contains("\"version\": \"2.1.0\"").contains("\"ruleId\": \"credential-format/aws-access-key\"")
                .contains("\"artifactLocation\": {\"uri\": \"src/Client.java\", \"uriBaseId\": \"SRCROOT\"}, \"region\": {\"startLine\": 3");
        assertNoValue(sarif);
    }

    private void assertNoValue(ChildJvm.Result r) {
        for (String v : List.of(secret, awsKey, githubToken)) {
            assertThat(r.stdout()).doesNotContain(v);
            assertThat(r.stderr()).doesNotContain(v);
        }
    }

    private ChildJvm.Result scan(Map<String, String> env, String... args) throws Exception {
        List<String> a = new ArrayList<>(List.of("scan"));
        a.addAll(List.of(args));
        return Cli.run(cmd(a.toArray(new String[0])), env, null);
    }

    static List<String> cmd(String... args) {
        List<String> cmd = new ArrayList<>(List.of(ChildJvm.javaBin(), "-jar", ChildJvm.AGENT_JAR.toString()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    private void write(String rel, String text) throws Exception {
        Path p = repo.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private void git(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("git", "-C", repo.toString()));
        cmd.addAll(List.of(args));
        ChildJvm.Result r = Cli.run(cmd);
        assertThat(r.exit).as(r.toString()).isZero();
    }
}
