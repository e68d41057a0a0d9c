package dev.secretagent.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 8: mode=dev turns every redaction into a leak finding; leaks.fail=true ends the JVM with status 3. */
class DevModeIT {
    @Test
    void leakFailsTheJvmWithStatus3AndTheJsonReportNamesTheCallSite(@TempDir Path dir) throws Exception {
        String secret = ChildJvm.randomSecret("dev-");
        Path report = dir.resolve("reports/leaks.json");
        ChildJvm.Result r = ChildJvm.app("hello-app", "demo.EnvPrinter", "DB_PASSWORD")
                .withAgent("mode=dev,leaks.fail=true,leaks.report=" + report).env("DB_PASSWORD", secret)
                .workDir(dir).run();

        assertThat(r.exit).as(r.toString()).isEqualTo(3);
        assertThat(r.stdout()).contains("connecting with DB_PASSWORD=[REDACTED:DB_PASSWORD]").contains("done");
        // the summary table on stderr, never on stdout
        assertThat(r.stderr()).contains("dev mode: 2 leaks found").contains("leaks.fail=true: exit status 3")
                .contains("demo.EnvPrinter.main(EnvPrinter.java:11)").contains("demo.EnvPrinter.main(EnvPrinter.java:12)");
        assertThat(r.stdout()).doesNotContain("leak");

        String json = Files.readString(report);
        assertThat(json).contains("\"findings\": 2")
                .contains("{\"secretId\": \"DB_PASSWORD\", \"rule\": \"known-secret\", \"channel\": \"stdout\", \"count\": 1")
                .contains("\"channel\": \"stderr\"")
                .contains("\"callSite\": {\"class\": \"demo.EnvPrinter\", \"method\": \"main\", \"file\": \"EnvPrinter.java\", \"line\": 11")
                .contains("\"line\": 12");
        assertNoSecretAnywhere(secret, r, dir);
    }

    @Test
    void identicalFindingsAreGroupedWithACount(@TempDir Path dir) throws Exception {
        String secret = ChildJvm.randomSecret("dev-");
        Path report = dir.resolve("leaks.json");
        // three names, one value: three reads, and EnvPrinter's two lines for each -> grouped per call site and id
        ChildJvm.Result r = ChildJvm.app("hello-app", "demo.EnvPrinter", "DB_PASSWORD", "DB_PASSWORD", "DB_PASSWORD")
                .withAgent("mode=dev,leaks.report=" + report).env("DB_PASSWORD", secret).workDir(dir).run();
        assertThat(r.exit).as(r.toString()).isZero(); // leaks.fail is false by default
        String json = Files.readString(report);
        assertThat(json).contains("\"findings\": 2").contains("\"redactions\": 6")
                .contains("\"channel\": \"stdout\", \"count\": 3");
        assertNoSecretAnywhere(secret, r, dir);
    }

    @Test
    void outsideDevModeThereIsNoReportAndNoExitStatus(@TempDir Path dir) throws Exception {
        String secret = ChildJvm.randomSecret("dev-");
        Path report = dir.resolve("leaks.json");
        ChildJvm.Result r = ChildJvm.app("hello-app", "demo.EnvPrinter", "DB_PASSWORD")
                .withAgent("leaks.fail=true,leaks.report=" + report).env("DB_PASSWORD", secret).workDir(dir).run();
        assertThat(r.exit).as(r.toString()).isZero();
        assertThat(report).doesNotExist();
        assertThat(r.stderr()).contains("apply in mode=dev only");
    }

    @Test
    void aCleanRunInDevModeSaysSoAndExitsZero(@TempDir Path dir) throws Exception {
        Path report = dir.resolve("leaks.sarif");
        ChildJvm.Result r = ChildJvm.app("hello-app", "demo.Hello").withAgent("mode=dev,leaks.fail=true,leaks.report=" + report)
                .workDir(dir).run();
        assertThat(r.exit).as(r.toString()).isZero();
        assertThat(r.stderr()).contains("dev mode: no leaks found");
        assertThat(Files.readString(report)).contains("\"version\": \"2.1.0\"").contains("\"results\": []");
    }

    static void assertNoSecretAnywhere(String secret, ChildJvm.Result r, Path dir) throws Exception {
        assertThat(r.stdout()).doesNotContain(secret);
        assertThat(r.stderr()).doesNotContain(secret);
        for (Map.Entry<Path, byte[]> f : ChildJvm.allFiles(dir).entrySet()) {
            assertThat(new String(f.getValue(), StandardCharsets.UTF_8)).as(f.getKey().toString()).doesNotContain(secret);
        }
    }
}
