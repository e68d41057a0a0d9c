package dev.secretagent.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** One run of otel-app: its secrets (made now), its work directory, its log file and audit file. */
final class OtelScenario {
    static final Path OTEL_AGENT = Paths.get(System.getProperty("otel.javaagent.jar", "target/otel/opentelemetry-javaagent.jar"))
            .toAbsolutePath().normalize();

    final String token = ChildJvm.randomSecret("tk");
    final String bearer = ChildJvm.randomSecret("br");
    final String cookie = ChildJvm.randomSecret("ck");
    final Path dir;
    final Path logFile;
    final Path audit;

    OtelScenario() throws IOException {
        dir = Files.createTempDirectory("otel-app");
        logFile = dir.resolve("app.log");
        audit = dir.resolve("audit.jsonl");
    }

    ChildJvm app(String... args) {
        return ChildJvm.app("otel-app", "demo.otel.OtelApp", args).workDir(dir)
                .jvmArg("-Dlog.file=" + logFile)
                .env("DEMO_API_TOKEN", token).env("DEMO_BEARER", bearer).env("DEMO_COOKIE", cookie);
    }

    String secretAgentArg() {
        return "-javaagent:" + ChildJvm.AGENT_JAR + "=audit.file=" + audit;
    }

    String file() throws IOException {
        return Files.exists(logFile) ? new String(Files.readAllBytes(logFile), StandardCharsets.UTF_8) : "";
    }

    String auditText() throws IOException {
        return Files.exists(audit) ? new String(Files.readAllBytes(audit), StandardCharsets.UTF_8) : "";
    }

    /** No secret of this run in any of the texts. */
    void assertNoSecretIn(String what, String text) {
        assertThat(text).as(what).doesNotContain(token).doesNotContain(bearer).doesNotContain(cookie);
    }

    /**
     * No secret of this run in anything it produced (the OTLP logs, traces and raw bytes, stdout, stderr, the log
     * file, the audit), and no warning on stderr.
     */
    void assertNothingLeaked(OtlpReceiver receiver, ChildJvm.Result r) throws IOException {
        assertNoSecretIn("OTLP logs", receiver.logs());
        assertNoSecretIn("OTLP traces", receiver.traces());
        assertNoSecretIn("OTLP bytes", receiver.raw());
        assertNoSecretIn("stdout", r.stdout());
        assertNoSecretIn("stderr", r.stderr());
        assertNoSecretIn("log file", file());
        assertNoSecretIn("audit", auditText());
        assertThat(warnings(r)).as(r.stderr()).isEmpty();
    }

    /** Lines of stderr that either agent (or anything else) wrote as a warning or an error. */
    static List<String> warnings(ChildJvm.Result r) {
        return r.stderr().lines().filter(l -> l.contains("WARN") || l.contains("ERROR") || l.contains("Exception"))
                .collect(Collectors.toList());
    }
}
