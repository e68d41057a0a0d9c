package dev.secretagent.e2e;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15, the last-line net: output that no framework hook sees, redacted at the JDK's last Java frames of file
 * and console output. Each case runs the application twice, without the agent (the control: the key is there in
 * clear, so the case can fail) and with it (the key is nowhere in what the net watches; data files are untouched).
 */
class LastLineNetIT {
    private static final String MASK = "[REDACTED:APP_API_KEY]";

    private static String read(Path p) throws IOException {
        return new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
    }

    private static Path only(Path dir, String suffix) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> found = s.filter(p -> p.getFileName().toString().endsWith(suffix)).collect(Collectors.toList());
            assertThat(found).as("one *" + suffix + " in " + dir).hasSize(1);
            return found.get(0);
        }
    }

    private static List<String> auditChannels(Path audit) throws IOException {
        return Files.readAllLines(audit).stream()
                .filter(l -> l.contains("\"event.action\":\"redact\"") && l.contains("\"secret.id\":\"APP_API_KEY\""))
                .map(l -> l.replaceAll(".*\"log.channel\":\"([^\"]*)\".*", "$1"))
                .collect(Collectors.toList());
    }

    private static void noByteHolds(Path dir, String secret) throws IOException {
        for (Map.Entry<Path, byte[]> f : ChildJvm.allFiles(dir).entrySet()) {
            assertThat(new String(f.getValue(), StandardCharsets.UTF_8)).as(f.getKey().toString()).doesNotContain(secret);
        }
    }

    @Test
    void ownLogFilesAndRawDescriptorsAreRedactedAndDataFilesStayByteIdentical() throws Exception {
        String key = ChildJvm.randomSecret("ak-");
        Path control = LogOutputs.freshDir("net-own-control");
        ChildJvm.Result bare = ChildJvm.app("lastline-app", "demo.lastline.OwnLogsApp", control.toString())
                .env("APP_API_KEY", key).run();
        assertThat(bare.exit).as(bare.toString()).isZero();
        for (String log : new String[] {"own.log", "nio.log", "raf.log"}) {
            assertThat(read(control.resolve(log))).as("control " + log).contains(key);
        }
        assertThat(bare.stdout()).contains("fd1 bytes " + key);
        assertThat(bare.stderr()).contains("fd2 line " + key).contains("rejected key " + key);

        Path dir = LogOutputs.freshDir("net-own");
        Path audit = dir.resolve("audit").resolve("audit.jsonl");
        ChildJvm.Result run = ChildJvm.app("lastline-app", "demo.lastline.OwnLogsApp", dir.toString())
                .env("APP_API_KEY", key).withAgent("audit.file=" + audit).run();
        assertThat(run.exit).as(run.toString()).isZero();
        assertThat(read(dir.resolve("own.log"))).isEqualTo("INFO calling the partner with api key " + MASK + "\n"
                + "INFO retry with " + MASK + " done\n"); // the second one split across two writes
        assertThat(read(dir.resolve("nio.log"))).isEqualTo("WARN key in use: " + MASK + System.lineSeparator());
        assertThat(read(dir.resolve("raf.log"))).isEqualTo("raf bytes " + MASK + "\nraf string " + MASK + "\n");
        assertThat(run.stdout()).doesNotContain(key).contains("fd1 bytes " + MASK);
        assertThat(run.stderr()).doesNotContain(key).contains("fd2 line " + MASK)
                .contains("java.lang.IllegalStateException: rejected key " + MASK);
        for (String data : new String[] {"orders.dat", "cache.db", "index.bin"}) {
            assertThat(Files.readAllBytes(dir.resolve(data))).as(data).isEqualTo(Files.readAllBytes(control.resolve(data)));
        }
        assertThat(auditChannels(audit)).contains("file:" + dir.resolve("own.log"), "file:" + dir.resolve("nio.log"),
                "file:" + dir.resolve("raf.log"), "fd:1", "fd:2");
        // the audit trail names the key, never holds it
        assertThat(read(audit)).doesNotContain(key);
    }

    @Test
    void aLastWriteEndingInTheKeyOrItsFirstCharactersIsWrittenRedactedAtExit() throws Exception {
        String key = ChildJvm.randomSecret("ak-");
        for (String mode : new String[] {"whole", "start"}) {
            String tail = mode.equals("whole") ? key : key.substring(0, 6);
            Path control = LogOutputs.freshDir("net-tail-control");
            ChildJvm.Result bare = ChildJvm.app("lastline-app", "demo.lastline.ExitTailApp", mode, control.toString())
                    .env("APP_API_KEY", key).run();
            assertThat(bare.stdout()).isEqualTo("last words " + tail);
            assertThat(read(control.resolve("tail.log"))).isEqualTo("last log line " + tail);

            Path dir = LogOutputs.freshDir("net-tail");
            ChildJvm.Result run = ChildJvm.app("lastline-app", "demo.lastline.ExitTailApp", mode, dir.toString())
                    .env("APP_API_KEY", key).withAgent().run();
            assertThat(run.exit).as(run.toString()).isZero();
            String expected = mode.equals("whole") ? MASK : tail; // a few first characters are no secret: kept
            assertThat(run.stdout()).as(mode).isEqualTo("last words " + expected);
            assertThat(read(dir.resolve("tail.log"))).as(mode).isEqualTo("last log line " + expected);
        }
    }

    @Test
    void jettyRequestLogFile() throws Exception {
        String key = ChildJvm.randomSecret("ak-");
        Path control = LogOutputs.freshDir("net-jetty-control");
        ChildJvm.Result bare = ChildJvm.app("http-jetty-app", "demo.jetty.JettyRequestLogApp", control.toString())
                .env("APP_API_KEY", key).run();
        assertThat(bare.stdout()).as(bare.toString()).contains("status 200");
        assertThat(read(only(control, ".request.log"))).contains("/v1/orders?api_key=" + key);

        Path dir = LogOutputs.freshDir("net-jetty");
        ChildJvm.Result run = ChildJvm.app("http-jetty-app", "demo.jetty.JettyRequestLogApp", dir.toString())
                .env("APP_API_KEY", key).withAgent().run();
        assertThat(run.stdout()).as(run.toString()).contains("status 200");
        assertThat(read(only(dir, ".request.log"))).contains("GET /v1/orders?api_key=" + MASK + " HTTP/1.1\" 200");
        noByteHolds(dir, key);
    }

    @Test
    void springBootTomcatAccessLog() throws Exception {
        String key = ChildJvm.randomSecret("ak-");
        String token = ChildJvm.randomSecret("tk-");
        Path control = LogOutputs.freshDir("net-tomcat-control");
        ChildJvm.Result bare = ChildJvm.app("springboot-web-app", "org.springframework.boot.loader.launch.JarLauncher")
                .env("APP_API_KEY", key).env("APP_ACCESS_TOKEN", token).env("ACCESS_LOG_DIR", control.toString()).run();
        assertThat(bare.stdout()).as(bare.toString()).contains("status 200");
        assertThat(read(only(control, ".log"))).contains("api_key=" + key).contains("access_token=" + token);

        Path dir = LogOutputs.freshDir("net-tomcat");
        ChildJvm.Result run = ChildJvm.app("springboot-web-app", "org.springframework.boot.loader.launch.JarLauncher")
                .env("APP_API_KEY", key).env("APP_ACCESS_TOKEN", token).env("ACCESS_LOG_DIR", dir.toString())
                .withAgent().run();
        assertThat(run.stdout()).as(run.toString()).contains("status 200");
        Path accessLog = only(dir, ".log");
        assertThat(accessLog.getFileName().toString()).startsWith("access_log.");
        assertThat(read(accessLog)).contains("GET /v1/login?access_token=[REDACTED:APP_ACCESS_TOKEN]&api_key=" + MASK
                + " HTTP/1.1").contains("/start?access_token=[REDACTED:APP_ACCESS_TOKEN]\"");
        noByteHolds(dir, key);
        noByteHolds(dir, token);
    }

    @Test
    void undertowAccessLogFile() throws Exception {
        String key = ChildJvm.randomSecret("ak-");
        String token = ChildJvm.randomSecret("tk-");
        Path control = LogOutputs.freshDir("net-undertow-control");
        ChildJvm.Result bare = ChildJvm.app("http-undertow-app", "demo.undertow.UndertowAccessLogApp", control.toString())
                .env("APP_API_KEY", key).env("APP_ACCESS_TOKEN", token).run();
        assertThat(bare.stdout()).as(bare.toString()).contains("status 200");
        assertThat(read(only(control, ".log"))).contains("api_key=" + key).contains("access_token=" + token);

        Path dir = LogOutputs.freshDir("net-undertow");
        ChildJvm.Result run = ChildJvm.app("http-undertow-app", "demo.undertow.UndertowAccessLogApp", dir.toString())
                .env("APP_API_KEY", key).env("APP_ACCESS_TOKEN", token).withAgent().run();
        assertThat(run.stdout()).as(run.toString()).contains("status 200");
        Path accessLog = only(dir, ".log");
        assertThat(accessLog.getFileName().toString()).isEqualTo("access_log.log"); // Undertow's default name
        assertThat(read(accessLog)).contains("GET /v1/login?access_token=[REDACTED:APP_ACCESS_TOKEN]&api_key=" + MASK
                + " HTTP/1.1\" 200").contains("/start?access_token=[REDACTED:APP_ACCESS_TOKEN]\"");
        noByteHolds(dir, key);
        noByteHolds(dir, token);
    }
}
