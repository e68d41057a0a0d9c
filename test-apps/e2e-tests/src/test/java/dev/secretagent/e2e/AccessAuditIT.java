package dev.secretagent.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.secretagent.e2e.AccessAudit.assertNowhere;
import static dev.secretagent.e2e.AccessAudit.lines;
import static dev.secretagent.e2e.AccessAudit.withAction;
import static org.assertj.core.api.Assertions.assertThat;

/** Issue 6: every read of a secret leaves exactly one audit line with the caller; nothing else does. */
@SuppressWarnings("unchecked")
class AccessAuditIT {
    @TempDir
    Path dir;

    private ChildJvm app(String options, String... steps) {
        return ChildJvm.app("access-app", "com.acme.orders.OrdersApp", steps).withAgent(options).workDir(dir);
    }

    @Test
    void readOfASecretEnvironmentVariableLeavesExactlyTheExpectedLine() throws Exception {
        String secret = ChildJvm.randomSecret("pw-");
        Path audit = dir.resolve("audit.jsonl");
        ChildJvm.Result r = app("audit.file=" + audit + ",service.name=orders-api",
                "read", "DB_PASSWORD", "read", "APP_COLOR", "read", "NOT_SET_PASSWORD")
                .env("DB_PASSWORD", secret).env("APP_COLOR", "blue").run();

        assertThat(r.exit).as(r.toString()).isZero();
        assertThat(r.stdout()).contains("orders read DB_PASSWORD -> present (" + secret.length() + " chars)",
                "orders read APP_COLOR -> present (4 chars)", "orders read NOT_SET_PASSWORD -> null");
        List<Map<String, Object>> lines = lines(audit);
        assertThat(lines).as("one line: the secret read (non-secret and unset names leave nothing)").hasSize(1);
        Map<String, Object> line = new LinkedHashMap<>(lines.get(0));
        assertThat((String) line.remove("@timestamp")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");

        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("event.action", "read");
        expected.put("event.outcome", "success");
        expected.put("event.count", 1);
        expected.put("secret.id", "DB_PASSWORD");
        expected.put("secret.version", "1");
        expected.put("secret.source", "env");
        expected.put("caller.class", "com.acme.orders.OrdersApp");
        expected.put("caller.method", "readSecret");
        expected.put("caller.line", AccessAudit.readSite("com/acme/orders/OrdersApp.java", "orders"));
        expected.put("caller.location", ChildJvm.appJar("access-app").toString());
        expected.put("caller.module", "unnamed");
        expected.put("service.name", "orders-api");
        expected.put("process.pid", (int) AccessAudit.pid(r));
        expected.put("host.hostname", InetAddress.getLocalHost().getHostName());
        expected.put("user.name", System.getProperty("user.name"));
        assertThat(line).containsExactlyInAnyOrderEntriesOf(expected);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(audit))).isEqualTo("rw-------");
        assertNowhere(secret, r, dir);
    }

    @Test
    void nonSecretNamesLeaveNothing() throws Exception {
        Path audit = dir.resolve("audit.jsonl");
        ChildJvm.Result r = app("audit.file=" + audit, "read", "APP_COLOR", "read", "HOME", "prop", "user.dir")
                .env("APP_COLOR", "blue").run();
        assertThat(r.exit).as(r.toString()).isZero();
        assertThat(lines(audit)).isEmpty();
    }

    @Test
    void readsThroughTheGetenvMapAndSystemPropertiesAreAudited() throws Exception {
        String secret = ChildJvm.randomSecret("tk-");
        String prop = ChildJvm.randomSecret("pp-");
        Path audit = dir.resolve("audit.jsonl");
        ChildJvm.Result r = app("audit.file=" + audit, "map-get", "API_TOKEN", "map-get", "APP_COLOR", "prop", "db.password")
                .env("API_TOKEN", secret).env("APP_COLOR", "blue").jvmArg("-Ddb.password=" + prop).run();
        assertThat(r.exit).as(r.toString()).isZero();
        assertThat(r.stdout()).contains("orders map-get API_TOKEN -> present", "orders prop db.password -> present");
        List<Map<String, Object>> reads = withAction(lines(audit), "read");
        assertThat(reads).extracting(l -> l.get("secret.id") + "/" + l.get("secret.source") + "/" + l.get("caller.method"))
                .containsExactlyInAnyOrder("API_TOKEN/env/main", "db.password/sysprop/main");
        assertNowhere(secret, r, dir);
        assertNowhere(prop, r, dir);
    }

    @Test
    void identicalReadsInAWindowBecomeOneLineWithACount() throws Exception {
        String secret = ChildJvm.randomSecret("pw-");
        Path audit = dir.resolve("audit.jsonl");
        ChildJvm.Result r = app("audit.file=" + audit + ",audit.aggregate.window=1h", "loop", "DB_PASSWORD", "5000")
                .env("DB_PASSWORD", secret).run();
        assertThat(r.exit).as(r.toString()).isZero();
        List<Map<String, Object>> lines = lines(audit);
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).containsEntry("event.count", 5000).containsEntry("caller.method", "main")
                .containsKey("event.end");
        assertNowhere(secret, r, dir);
    }

    @Test
    void dumpOfTheEnvironmentIsRedactedAndAuditedOnce() throws Exception {
        String secret = ChildJvm.randomSecret("pw-");
        String token = ChildJvm.randomSecret("tk-");
        Path audit = dir.resolve("audit.jsonl");
        ChildJvm.Result r = app("audit.file=" + audit, "dump").env("DB_PASSWORD", secret).env("API_TOKEN", token).run();

        assertThat(r.exit).as(r.toString()).isZero();
        assertThat(r.stdout()).contains("DB_PASSWORD=[REDACTED:DB_PASSWORD]", "API_TOKEN=[REDACTED:API_TOKEN]");
        List<Map<String, Object>> lines = lines(audit);
        List<Map<String, Object>> dumps = withAction(lines, "dump");
        assertThat(dumps).hasSize(1);
        assertThat(dumps.get(0)).containsEntry("event.outcome", "success").containsEntry("caller.method", "main")
                .containsEntry("caller.class", "com.acme.orders.OrdersApp");
        assertThat((List<Object>) dumps.get(0).get("secret.id")).contains("API_TOKEN", "DB_PASSWORD");
        assertThat(withAction(lines, "redact")).extracting(l -> l.get("secret.id") + "@" + l.get("log.channel"))
                .contains("DB_PASSWORD@stdout", "API_TOKEN@stdout");
        assertThat(withAction(lines, "read")).as("a dump is not also a read per key").isEmpty();
        assertNowhere(secret, r, dir);
        assertNowhere(token, r, dir);
    }

    @Test
    void fingerprintIsTheHmacOfTheValueUnderTheInstallationKey() throws Exception {
        String secret = ChildJvm.randomSecret("pw-");
        Path audit = dir.resolve("audit.jsonl");
        Path key = dir.resolve("keys/fingerprint.key");
        ChildJvm.Result r = app("audit.file=" + audit + ",audit.fingerprint=true,fingerprint.key.file=" + key,
                "read", "DB_PASSWORD").env("DB_PASSWORD", secret).run();
        assertThat(r.exit).as(r.toString()).isZero();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        String keyText = Files.readString(key).trim();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(keyText.getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
        String expected = "hmac-sha256:" + HexFormat.of().formatHex(mac.doFinal(secret.getBytes(StandardCharsets.UTF_8)));
        assertThat(lines(audit)).singleElement().satisfies(l -> assertThat(l).containsEntry("secret.fingerprint", expected));

        assertNowhere(secret, r, dir);
        byte[] keyBytes = keyText.getBytes(StandardCharsets.US_ASCII);
        assertThat(AccessAudit.indexOf(Files.readAllBytes(audit), keyBytes)).as("the key is never logged").isEqualTo(-1);
        assertThat(AccessAudit.indexOf(r.stderrBytes, keyBytes)).isEqualTo(-1);
    }

    @Test
    void auditLinesCanGoToStderr() throws Exception {
        String secret = ChildJvm.randomSecret("pw-");
        ChildJvm.Result r = app("audit.stderr=true", "read", "DB_PASSWORD").env("DB_PASSWORD", secret).run();
        assertThat(r.exit).as(r.toString()).isZero();
        assertThat(r.stderr()).contains("\"event.action\":\"read\"", "\"secret.id\":\"DB_PASSWORD\"");
        assertNowhere(secret, r, dir);
    }

    @Test
    void anAuditFileThatCannotBeCreatedDoesNotStopTheAppAndTheLossIsReported() throws Exception {
        String secret = ChildJvm.randomSecret("pw-");
        Files.writeString(dir.resolve("not-a-dir"), "x");
        Path audit = dir.resolve("not-a-dir/audit.jsonl"); // its parent is a file: no one, not even root, creates it
        ChildJvm.Result r = app("audit.file=" + audit, "read", "DB_PASSWORD", "loop", "DB_PASSWORD", "3")
                .env("DB_PASSWORD", secret).run();
        assertThat(r.exit).as(r.toString()).isZero();
        assertThat(r.stdout()).contains("orders read DB_PASSWORD -> present", "done");
        assertThat(r.stderr()).contains("audit file " + audit + " cannot be written")
                .containsPattern("\\d+ audit line\\(s\\) lost: audit file " + audit.toString().replace(".", "\\.") + " not writable");
        assertNowhere(secret, r, dir);
    }

    @Test
    void aFullDiskDoesNotStopTheAppAndTheLossIsReported() throws Exception {
        String secret = ChildJvm.randomSecret("pw-");
        ChildJvm.Result r = app("audit.file=/dev/full", "read", "DB_PASSWORD").env("DB_PASSWORD", secret).run();
        assertThat(r.exit).as(r.toString()).isZero();
        assertThat(r.stdout()).contains("orders read DB_PASSWORD -> present", "done");
        assertThat(r.stderr()).contains("No space left on device").contains("1 audit line(s) lost");
        assertNowhere(secret, r, dir);
    }
}
