package dev.secretagent.e2e;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 22, end to end with the file store: secrets made with the command line, their creation times
 * written into the store with {@code --created} (no clock to wait for), the store-app in a child JVM with
 * the built agent. An overdue secret gives the {@code rotation-due} record and the list/status figures;
 * {@code rotate --due --generate} replaces exactly the overdue generated secrets while the application
 * runs; the overlap keeps the previous version readable until it ends; a fleet cadence cannot be
 * lengthened; a certificate is due by its notAfter.
 */
class StoreRotationIT {
    @TempDir
    Path dir;
    Path store;
    Path audit;

    @BeforeEach
    void init() throws Exception {
        store = dir.resolve("secrets.store");
        audit = dir.resolve("audit.jsonl");
        ChildJvm.Result r = store("init");
        assertThat(r.exit).as(r.toString()).isZero();
    }

    ChildJvm.Result store(String sub, String... args) throws Exception {
        return storeIn(null, sub, args);
    }

    ChildJvm.Result storeIn(String value, String sub, String... args) throws Exception {
        List<String> a = new ArrayList<>(List.of("store", sub, "--store", store.toString()));
        a.addAll(List.of(args));
        return StoreInjectionIT.cli(value == null ? null : (value + "\n").getBytes(StandardCharsets.UTF_8),
                a.toArray(new String[0]));
    }

    static String daysAgo(int days) {
        return Instant.now().minus(days, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    String reveal(String path) throws Exception {
        ChildJvm.Result r = store("get", path, "--reveal");
        assertThat(r.exit).as(r.toString()).isZero();
        return r.stdout().trim();
    }

    Path config(String yaml) throws Exception {
        Path cfg = dir.resolve("secret-agent.yaml");
        Files.writeString(cfg, "store: file\nstore.path: " + store + "\nstore.refresh.interval: 300ms\naudit.file: " + audit
                + "\n" + yaml);
        return cfg;
    }

    List<String> auditLines(String action) throws Exception {
        if (!Files.exists(audit)) {
            return List.of();
        }
        return Files.readAllLines(audit).stream().filter(l -> l.contains("\"event.action\":\"" + action + "\""))
                .collect(Collectors.toList());
    }

    @Test
    void anOverdueSecretIsAuditedAtStartAndShownByListAndStatus() throws Exception {
        String old = ChildJvm.randomSecret("old-");
        String fresh = ChildJvm.randomSecret("fresh-");
        assertThat(storeIn(old, "put", "prod/db/password", "--created", daysAgo(120)).exit).isZero();
        assertThat(storeIn(fresh, "put", "prod/cache/password").exit).isZero();
        Path cfg = config("inject:\n  - secret: prod/db/password\n    env: DB_PASSWORD\n"
                + "  - secret: prod/cache/password\n    property: cache.password\n");

        ChildJvm.Running app = ChildJvm.app("store-app", "storeapp.DbClient", "DB_PASSWORD", "cache.password")
                .withAgent("config=" + cfg).start();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> app.stdout().contains("tick start"));
            await().atMost(Duration.ofSeconds(30)).until(() -> !auditLines("rotation-due").isEmpty());
            List<String> due = auditLines("rotation-due");
            assertThat(due).as("only the overdue secret; the fresh one (control) is not due").hasSize(1);
            assertThat(due.get(0)).contains("\"secret.id\":\"DB_PASSWORD\"").contains("\"event.outcome\":\"failure\"")
                    .contains("\"secret.path\":\"prod/db/password\"").contains("\"secret.age.days\":120")
                    .contains("\"secret.rotation.rule\":\"default for passwords (90d)\"")
                    .contains("\"event.reason\":\"overdue by 30 day(s) (cadence)\"");

            ChildJvm.Result list = store("list");
            assertThat(list.exit).as(list.toString()).isZero();
            assertThat(list.stdout()).containsPattern("prod/db/password  version 1  age 120d  due \\d{4}-\\d\\d-\\d\\d OVERDUE  put by hand")
                    .containsPattern("prod/cache/password  version 1  age 0d  due \\d{4}-\\d\\d-\\d\\d  put by hand")
                    .contains("1 secret(s) overdue for rotation");
            ChildJvm.Result versions = store("versions", "prod/db/password");
            assertThat(versions.stdout()).contains("age 120d").contains("current").contains("OVERDUE");

            ChildJvm.Result status = AttachIT.cli("status", String.valueOf(app.process.pid()));
            assertThat(status.exit).as(status.toString()).isZero();
            assertThat(status.stdout()).containsPattern("oldest secret:\\s+DB_PASSWORD version 1, created .* \\(120 days\\), overdue since")
                    .containsPattern("overdue:\\s+1 secret\\(s\\) past their rotation cadence");
            assertThat(status.stdout() + status.stderr() + list.stdout() + list.stderr()).doesNotContain(old).doesNotContain(fresh);
        } finally {
            app.finish();
        }
        String all = Files.readString(audit) + app.stdout() + app.stderr();
        assertThat(all).doesNotContain(old).doesNotContain(fresh);
    }

    @Test
    void rotateDueGenerateRotatesExactlyTheOverdueGeneratedSecretsWhileTheAppRuns() throws Exception {
        assertThat(store("generate", "prod/api/token", "--created", daysAgo(100)).exit).isZero();
        assertThat(store("generate", "prod/fresh/token").exit).isZero();
        String byHand = ChildJvm.randomSecret("hand-");
        assertThat(storeIn(byHand, "put", "prod/db/password", "--created", daysAgo(100)).exit).isZero();
        String v1 = reveal("prod/api/token");
        String fresh = reveal("prod/fresh/token");
        Path cfg = config("inject:\n  - secret: prod/api/token\n    env: API_TOKEN\n"
                + "  - secret: prod/fresh/token\n    property: fresh.token\n");
        ChildJvm.Running app = ChildJvm.app("store-app", "storeapp.DbClient", "API_TOKEN", "fresh.token")
                .withAgent("config=" + cfg).start();
        String v2;
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> app.stdout().contains("env API_TOKEN sha256=" + StoreInjectionIT.sha(v1)));

            ChildJvm.Result r = store("rotate", "--due", "--generate", "--overlap", "1h");
            assertThat(r.exit).as("3: an overdue secret put by hand is left: " + r).isEqualTo(3);
            assertThat(r.stdout()).contains("prod/api/token rotated to version 2")
                    .contains("prod/db/password version 1 overdue since").contains("put by hand, not touched")
                    .contains("1 rotated, 1 overdue secret(s) need a rotation by hand")
                    .doesNotContain("prod/fresh/token");
            assertThat(store("versions", "prod/fresh/token").stdout().lines().count()).as("not due: untouched").isEqualTo(1);
            assertThat(store("versions", "prod/db/password").stdout().lines().count()).as("by hand: untouched").isEqualTo(1);
            assertThat(reveal("prod/db/password")).isEqualTo(byHand);
            assertThat(reveal("prod/fresh/token")).isEqualTo(fresh);
            v2 = reveal("prod/api/token");
            assertThat(v2).isNotEqualTo(v1).hasSize(43);

            int[] n = {0};
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                app.send("r" + n[0]++);
                return app.stdout().contains("env API_TOKEN sha256=" + StoreInjectionIT.sha(v2));
            });
            assertThat(app.stdout()).contains("property fresh.token sha256=" + StoreInjectionIT.sha(fresh));
            assertThat(store("get", "prod/api/token", "--version", "1").exit).as("previous version readable in the overlap").isZero();
            await().atMost(Duration.ofSeconds(20)).until(() -> auditLines("rotate").stream()
                    .anyMatch(l -> l.contains("\"secret.id\":\"API_TOKEN\"") && l.contains("\"secret.version\":\"2\"")));
        } finally {
            app.finish();
        }
        String all = Files.readString(audit) + app.stdout() + app.stderr();
        assertThat(all).doesNotContain(v1).doesNotContain(v2).doesNotContain(fresh);
    }

    @Test
    void theOverlapKeepsThePreviousVersionReadableUntilItEnds() throws Exception {
        assertThat(store("generate", "prod/signing/key", "--created", daysAgo(200)).exit).isZero();
        String v1 = reveal("prod/signing/key");
        // an application that pinned version 1 (e.g. to verify what it signed) reads it until the overlap ends
        Path cfg = config("inject:\n  - secret: prod/signing/key?version=1\n    env: SIGNING_KEY\n");
        ChildJvm.Running app = ChildJvm.app("store-app", "storeapp.DbClient", "SIGNING_KEY").withAgent("config=" + cfg).start();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> app.stdout().contains("env SIGNING_KEY sha256=" + StoreInjectionIT.sha(v1)));
            long rotatedAt = System.currentTimeMillis();
            ChildJvm.Result r = store("rotate", "--due", "--generate", "--overlap", "20s");
            assertThat(r.exit).as(r.toString()).isZero();
            assertThat(r.stdout()).contains("prod/signing/key rotated to version 2").contains("version 1 readable until");
            ChildJvm.Result during = store("get", "prod/signing/key", "--version", "1");
            app.send("during");
            await().atMost(Duration.ofSeconds(10)).until(() -> app.stdout().contains("tick during:"));
            assertThat(System.currentTimeMillis() - rotatedAt).as("checked within the overlap").isLessThan(20_000);
            assertThat(during.exit).as(during.toString()).isZero();
            assertThat(app.stdout()).contains("tick during: env SIGNING_KEY sha256=" + StoreInjectionIT.sha(v1));
            assertThat(store("versions", "prod/signing/key").stdout()).contains("readable until");

            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2))
                    .until(() -> store("get", "prod/signing/key", "--version", "1").exit != 0);
            assertThat(System.currentTimeMillis() - rotatedAt).as("not before the overlap ended").isGreaterThanOrEqualTo(20_000);
            ChildJvm.Result after = store("get", "prod/signing/key", "--version", "1");
            assertThat(after.stderr()).contains("overlap has ended");
            assertThat(store("get", "prod/signing/key").exit).as("the current version reads").isZero();
            int[] n = {0};
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                app.send("x" + n[0]++);
                return app.stdout().contains("env SIGNING_KEY sha256=null");
            });
        } finally {
            app.finish();
        }
        assertThat(app.stdout() + app.stderr()).doesNotContain(v1);

        ChildJvm.Result sweep = store("rotate", "--due", "--generate");
        assertThat(sweep.exit).as(sweep.toString()).isZero();
        assertThat(sweep.stdout()).contains("prod/signing/key version 1 overlap ended: value destroyed").contains("0 rotated");
        assertThat(store("versions", "prod/signing/key").stdout()).containsPattern("1  .*destroyed");
    }

    @Test
    void aFleetCadenceCannotBeLengthenedByTheApplication() throws Exception {
        String secret = ChildJvm.randomSecret("url-");
        // no kind in the name: only a configured cadence makes it due
        assertThat(storeIn(secret, "put", "prod/db/url", "--created", daysAgo(60)).exit).isZero();
        Path app = config("rotation.cadence: prod/*=400d\ninject:\n  - secret: prod/db/url\n    env: DB_URL\n");
        Path fleet = dir.resolve("policy.yaml");
        Files.writeString(fleet, "rotation.cadence: prod/*=30d\n");

        // control: the application alone, with its 400 days, is not due
        ChildJvm.Result alone = Cli.run(List.of(ChildJvm.javaBin(), "-javaagent:" + ChildJvm.AGENT_JAR + "=config=" + app,
                "-cp", ChildJvm.appJar("store-app").toString(), "storeapp.DbClient", "DB_URL"), Map.of(), null);
        assertThat(alone.exit).as(alone.toString()).isZero();
        assertThat(auditLines("inject")).isNotEmpty();
        assertThat(auditLines("rotation-due")).isEmpty();

        Map<String, String> env = Map.of(
                "JAVA_TOOL_OPTIONS", "-javaagent:" + ChildJvm.AGENT_JAR + "=fleet.policy=" + fleet,
                "SECRETAGENT_CONFIG", app.toString());
        ChildJvm.Result r = Cli.run(List.of(ChildJvm.javaBin(), "-cp", ChildJvm.appJar("store-app").toString(),
                "storeapp.DbClient", "DB_URL"), env, null);
        assertThat(r.exit).as(r.toString()).isZero();
        await().atMost(Duration.ofSeconds(10)).until(() -> !auditLines("rotation-due").isEmpty());
        assertThat(auditLines("rotation-due")).singleElement().satisfies(l -> assertThat(l)
                .contains("\"secret.id\":\"DB_URL\"").contains("\"event.outcome\":\"failure\"")
                .contains("\"secret.rotation.rule\":\"prod/*=30d\""));
        assertThat(Files.readString(audit) + r.stdout() + r.stderr() + alone.stdout() + alone.stderr()).doesNotContain(secret);
    }

    @Test
    void aCertificateIsDueByItsOwnNotAfter() throws Exception {
        Path pem = expiredCertificate();
        assertThat(store("put", "prod/tls/cert", "--from-file", pem.toString()).exit).isZero();
        Path cfg = config("inject:\n  - secret: prod/tls/cert\n    file: " + dir.resolve("tls.crt") + "\n");
        ChildJvm.Result r = ChildJvm.app("store-app", "storeapp.DbClient", "NONE", "-", dir.resolve("tls.crt").toString())
                .withAgent("config=" + cfg).run();
        assertThat(r.exit).as(r.toString()).isZero();
        await().atMost(Duration.ofSeconds(10)).until(() -> !auditLines("rotation-due").isEmpty());
        assertThat(auditLines("rotation-due")).singleElement().satisfies(l -> assertThat(l)
                .contains("\"secret.path\":\"prod/tls/cert\"").contains("\"event.outcome\":\"failure\"")
                .contains("\"secret.age.days\":0")
                .contains("\"secret.rotation.rule\":\"certificate notAfter\""));
    }

    @Test
    void aVaultSecretIsAgedByItsKvV2CreatedTime() throws Exception {
        try (dev.secretagent.agent.store.vault.FakeVault vault = new dev.secretagent.agent.store.vault.FakeVault()) {
            Path tokenFile = dir.resolve("vault-token");
            Files.writeString(tokenFile, vault.newToken() + "\n");
            String secret = ChildJvm.randomSecret("vault-");
            ChildJvm.Result put = Cli.run(List.of(ChildJvm.javaBin(), "-jar", ChildJvm.AGENT_JAR.toString(),
                            "store", "put", "--vault", "prod/api#token"),
                    Map.of("SECRETAGENT_VAULT_ADDR", vault.addr(), "SECRETAGENT_VAULT_TOKEN_FILE", tokenFile.toString()),
                    (secret + "\n").getBytes(StandardCharsets.UTF_8));
            assertThat(put.exit).as(put.toString()).isZero();
            vault.backdate("prod/api", 1, Instant.now().minus(95, ChronoUnit.DAYS));
            Path cfg = dir.resolve("vault.yaml");
            Files.writeString(cfg, "store: vault\nvault.addr: " + vault.addr() + "\nvault.token.file: " + tokenFile
                    + "\naudit.file: " + audit + "\ninject:\n  - secret: vault://prod/api#token\n    env: API_TOKEN\n");
            ChildJvm.Result r = ChildJvm.app("store-app", "storeapp.DbClient", "API_TOKEN").withAgent("config=" + cfg).run();
            assertThat(r.exit).as(r.toString()).isZero();
            assertThat(r.stdout()).contains("env API_TOKEN sha256=" + StoreInjectionIT.sha(secret));
            await().atMost(Duration.ofSeconds(10)).until(() -> !auditLines("rotation-due").isEmpty());
            assertThat(auditLines("rotation-due")).singleElement().satisfies(l -> assertThat(l)
                    .contains("\"secret.id\":\"API_TOKEN\"").contains("\"secret.store\":\"vault\"")
                    .contains("\"event.outcome\":\"failure\"").contains("\"secret.age.days\":95")
                    .contains("\"secret.rotation.rule\":\"default for tokens (90d)\""));
            assertThat(Files.readString(audit) + r.stdout() + r.stderr()).doesNotContain(secret);
        }
    }

    /** A self-signed certificate that expired 8 days ago, made with keytool for this run (no key material committed). */
    Path expiredCertificate() throws Exception {
        SecureRandom random = new SecureRandom();
        StringBuilder pw = new StringBuilder("k");
        for (int i = 0; i < 20; i++) {
            pw.append((char) ('a' + random.nextInt(26)));
        }
        Path ks = dir.resolve("cert.p12");
        Path pem = dir.resolve("cert.pem");
        String keytool = Path.of(ChildJvm.JAVA_HOME, "bin", "keytool").toString();
        Map<String, String> env = Map.of("KS_PW", pw.toString());
        ChildJvm.Result gen = Cli.run(List.of(keytool, "-genkeypair", "-alias", "c", "-keyalg", "EC", "-groupname", "secp256r1",
                "-startdate", "-10d", "-validity", "2", "-dname", "CN=expired.test", "-keystore", ks.toString(),
                "-storetype", "PKCS12", "-storepass:env", "KS_PW"), env, null);
        assertThat(gen.exit).as(gen.toString()).isZero();
        ChildJvm.Result exp = Cli.run(List.of(keytool, "-exportcert", "-alias", "c", "-rfc", "-file", pem.toString(),
                "-keystore", ks.toString(), "-storepass:env", "KS_PW"), env, null);
        assertThat(exp.exit).as(exp.toString()).isZero();
        return pem;
    }
}
