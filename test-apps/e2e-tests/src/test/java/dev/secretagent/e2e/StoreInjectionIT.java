package dev.secretagent.e2e;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 7, end to end: a store made with the command line, an application that reads
 * System.getenv("DB_PASSWORD") in a child JVM with the built agent, rotation and revocation through
 * the command line reaching the running application, and a store that fails at start or mid-run.
 */
class StoreInjectionIT {
    @TempDir
    Path dir;
    Path store;

    @BeforeEach
    void init() throws Exception {
        store = dir.resolve("secrets.store");
        ChildJvm.Result r = store("init");
        assertThat(r.exit).as(r.toString()).isZero();
    }

    static ChildJvm.Result cli(byte[] stdin, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(ChildJvm.javaBin(), "-jar", ChildJvm.AGENT_JAR.toString()));
        cmd.addAll(List.of(args));
        return Cli.run(cmd, Map.of(), stdin);
    }

    ChildJvm.Result store(String sub, String... args) throws Exception {
        return storeIn(null, sub, args);
    }

    ChildJvm.Result storeIn(String value, String sub, String... args) throws Exception {
        List<String> a = new ArrayList<>(List.of("store", sub, "--store", store.toString()));
        a.addAll(List.of(args));
        return cli(value == null ? null : (value + "\n").getBytes(StandardCharsets.UTF_8), a.toArray(new String[0]));
    }

    static String sha(String v) throws Exception {
        byte[] d = MessageDigest.getInstance("SHA-256").digest(v.getBytes(StandardCharsets.UTF_8));
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            sb.append(String.format("%02x", d[i]));
        }
        return sb.toString();
    }

    Path config(String yaml) throws Exception {
        Path cfg = dir.resolve("secret-agent.yaml");
        Files.writeString(cfg, "store: file\nstore.path: " + store + "\nstore.refresh.interval: 300ms\n" + yaml);
        return cfg;
    }

    @Test
    void appGetsTheStoreValueThroughGetenvButNotInProcEnvironOrOutput() throws Exception {
        String secret = ChildJvm.randomSecret("db-");
        assertThat(storeIn(secret, "put", "prod/db/password").exit).isZero();
        Path cfg = config("inject:\n  - secret: prod/db/password\n    env: DB_PASSWORD\n");

        ChildJvm.Running app = ChildJvm.app("store-app", "storeapp.DbClient").withAgent("config=" + cfg).start();
        await().atMost(Duration.ofSeconds(30)).until(() -> app.stdout().contains("env DB_PASSWORD sha256=" + sha(secret)));

        byte[] environ = Files.readAllBytes(Path.of("/proc/" + app.process.pid() + "/environ"));
        assertThat(new String(environ, StandardCharsets.ISO_8859_1)).doesNotContain(secret);
        assertThat(app.finish()).isZero();
        assertThat(app.stdout()).doesNotContain(secret).contains("connecting to db with password [REDACTED:DB_PASSWORD]");
        assertThat(app.stderr()).doesNotContain(secret);
    }

    @Test
    void referenceInTheEnvironmentIsResolved() throws Exception {
        String secret = ChildJvm.randomSecret("ref-");
        storeIn(secret, "put", "prod/db/password");
        ChildJvm.Result r = ChildJvm.app("store-app", "storeapp.DbClient")
                .withAgent("store=file,store.path=" + store)
                .env("DB_PASSWORD", "secret://file/prod/db/password").run();
        assertThat(r.exit).as(r.toString()).isZero();
        assertThat(r.stdout()).contains("sha256=" + sha(secret)).doesNotContain(secret);
    }

    @Test
    void propertyAndFileTargets() throws Exception {
        String a = ChildJvm.randomSecret("prop-");
        String b = ChildJvm.randomSecret("file-");
        storeIn(a, "put", "api/key");
        storeIn(b, "put", "tls/key");
        Path cfg = config("inject:\n  - secret: api/key\n    property: api.key\n"
                + "  - secret: tls/key\n    file: " + dir.resolve("tls.key") + "\n");
        ChildJvm.Running app = ChildJvm.app("store-app", "storeapp.DbClient", "NONE", "api.key", dir.resolve("tls.key").toString())
                .withAgent("config=" + cfg).start();
        await().atMost(Duration.ofSeconds(30)).until(() -> app.stdout().contains("property api.key sha256=" + sha(a))
                && app.stdout().contains("file sha256=" + sha(b)));
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("tls.key"))))
                .isEqualTo("rw-------");
        assertThat(app.finish()).isZero();
        assertThat(dir.resolve("tls.key")).as("removed at exit").doesNotExist();
    }

    @Test
    void rotationAndRevocationThroughTheCommandLineReachTheRunningApp() throws Exception {
        String v1 = ChildJvm.randomSecret("v1-");
        String v2 = ChildJvm.randomSecret("v2-");
        storeIn(v1, "put", "prod/db/password");
        Path cfg = config("inject:\n  - secret: prod/db/password\n    env: DB_PASSWORD\n");
        ChildJvm.Running app = ChildJvm.app("store-app", "storeapp.DbClient").withAgent("config=" + cfg).start();
        // the whole line, not just its start: output arrives in pieces
        await().atMost(Duration.ofSeconds(30)).until(() -> app.stdout().contains("sha256=" + sha(v1)));

        assertThat(storeIn(v2, "rotate", "prod/db/password").exit).isZero();
        int[] n = {0};
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            app.send("r" + n[0]++);
            return app.stdout().contains("sha256=" + sha(v2));
        });

        assertThat(store("revoke", "prod/db/password").exit).isZero();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            app.send("x" + n[0]++);
            return app.stdout().contains("env DB_PASSWORD sha256=null");
        });
        app.finish();
        assertThat(app.stdout()).as("old and new values both stay redacted").doesNotContain(v1).doesNotContain(v2);
        assertThat(app.stderr()).doesNotContain(v1).doesNotContain(v2);
    }

    @Test
    void aRevokedReferenceReadsAsNullNotAsTheReference() throws Exception {
        String secret = ChildJvm.randomSecret("ref-");
        storeIn(secret, "put", "prod/db/password");
        ChildJvm.Running app = ChildJvm.app("store-app", "storeapp.DbClient").withAgent("config=" + config(""))
                .env("DB_PASSWORD", "secret://file/prod/db/password").start();
        // the whole line, not just its start: output arrives in pieces
        await().atMost(Duration.ofSeconds(30)).until(() -> app.stdout().contains("sha256=" + sha(secret)));
        assertThat(store("revoke", "prod/db/password").exit).isZero();
        int[] n = {0};
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            app.send("x" + n[0]++);
            return app.stdout().contains("env DB_PASSWORD sha256=null");
        });
        app.finish();
        assertThat(app.stdout()).doesNotContain(secret).doesNotContain("secret://file/prod/db/password sha");
    }

    @Test
    void storeDownDuringRotationKeepsTheLastGoodValue() throws Exception {
        String v1 = ChildJvm.randomSecret("v1-");
        storeIn(v1, "put", "prod/db/password");
        Path cfg = config("diagnostics.level: warn\ninject:\n  - secret: prod/db/password\n    env: DB_PASSWORD\n");
        ChildJvm.Running app = ChildJvm.app("store-app", "storeapp.DbClient").withAgent("config=" + cfg).start();
        await().atMost(Duration.ofSeconds(30)).until(() -> app.stdout().contains("tick start"));
        Path aside = dir.resolve("aside");
        Files.move(store, aside);
        await().atMost(Duration.ofSeconds(20)).until(() -> app.stderr().contains("last good value kept (version 1)"));
        app.send("during-outage");
        await().atMost(Duration.ofSeconds(10)).until(() -> app.stdout().contains("tick during-outage"));
        assertThat(app.stdout()).contains("tick during-outage: env DB_PASSWORD sha256=" + sha(v1));
        Files.move(aside, store);
        app.finish();
        assertThat(app.stdout() + app.stderr()).doesNotContain(v1);
    }

    @Test
    void requiredSecretMissingStopsTheJvmBeforeMain() throws Exception {
        Path cfg = config("inject:\n  - secret: prod/db/nope\n    env: DB_PASSWORD\n");
        ChildJvm.Result r = ChildJvm.app("store-app", "storeapp.DbClient").withAgent("config=" + cfg).run();
        assertThat(r.exit).as(r.toString()).isEqualTo(4);
        assertThat(r.stdout()).as("main never ran").isEmpty();
        assertThat(r.stderr()).contains("prod/db/nope").contains("store file").contains(store.toString())
                .contains("no secret 'prod/db/nope'");
    }

    @Test
    void storeUnreachableAtStartStopsTheJvmWithAClearMessage() throws Exception {
        Path cfg = config("inject:\n  - secret: prod/db/password\n    env: DB_PASSWORD\n");
        Files.delete(store);
        ChildJvm.Result r = ChildJvm.app("store-app", "storeapp.DbClient").withAgent("config=" + cfg).run();
        assertThat(r.exit).as(r.toString()).isEqualTo(4);
        assertThat(r.stdout()).isEmpty();
        assertThat(r.stderr()).contains("prod/db/password").contains("not found").contains("stops before main");
    }

    @Test
    void continueStartsDegradedAndPicksTheSecretUpLater() throws Exception {
        Path cfg = config("on.store.failure: continue\ninject:\n  - secret: prod/db/password\n    env: DB_PASSWORD\n");
        ChildJvm.Running app = ChildJvm.app("store-app", "storeapp.DbClient").withAgent("config=" + cfg).start();
        await().atMost(Duration.ofSeconds(30)).until(() -> app.stdout().contains("sha256=null"));
        assertThat(app.stderr()).contains("starting degraded");
        String v = ChildJvm.randomSecret("late-");
        storeIn(v, "put", "prod/db/password");
        int[] n = {0};
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            app.send("t" + n[0]++);
            return app.stdout().contains("sha256=" + sha(v));
        });
        app.finish();
        assertThat(app.stdout()).doesNotContain(v);
    }

    @Test
    void wrongKeyAtStartIsRefused() throws Exception {
        storeIn(ChildJvm.randomSecret("x-"), "put", "prod/db/password");
        Path otherKey = dir.resolve("other.key");
        Files.write(otherKey, java.util.Base64.getEncoder().encode(new byte[32]));
        Files.setPosixFilePermissions(otherKey, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        Path cfg = config("master.key.file: " + otherKey + "\ninject:\n  - secret: prod/db/password\n    env: DB_PASSWORD\n");
        byte[] before = Files.readAllBytes(store);
        ChildJvm.Result r = ChildJvm.app("store-app", "storeapp.DbClient").withAgent("config=" + cfg).run();
        assertThat(r.exit).isEqualTo(4);
        assertThat(r.stderr()).contains("fails authentication").contains("wrong key");
        assertThat(Files.readAllBytes(store)).isEqualTo(before);
    }
}
