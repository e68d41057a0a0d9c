package dev.secretagent.e2e;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.secretagent.e2e.AccessAudit.lines;
import static dev.secretagent.e2e.AccessAudit.withAction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 14, sections 2 and 4, with a real file store, the real command line and store-app in a child JVM:
 * an environment reference is not a value (not masked, no retired value, no rotation at start), a child of
 * the application gets the resolved value (not the reference), every view agrees after a revocation, status
 * reports the audit queue, and a store with a damaged header is reported as damaged, naming the file.
 */
class StoreTruthIT {
    private static final String REFERENCE = "secret://file/prod/db/password";

    @TempDir
    Path dir;
    Path store;

    @BeforeEach
    void init() throws Exception {
        store = dir.resolve("secrets.store");
        ChildJvm.Result r = cli(null, "store", "init", "--store", store.toString());
        assertThat(r.exit).as(r.toString()).isZero();
    }

    static ChildJvm.Result cli(String stdin, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(ChildJvm.javaBin(), "-jar", ChildJvm.AGENT_JAR.toString()));
        cmd.addAll(List.of(args));
        return Cli.run(cmd, Map.of(), stdin == null ? null : (stdin + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private Path config() throws Exception {
        Path cfg = dir.resolve("secret-agent.yaml");
        Files.writeString(cfg, "store: file\nstore.path: " + store + "\nstore.refresh.interval: 300ms\n"
                + "audit.file: " + dir.resolve("audit.jsonl") + "\n");
        return cfg;
    }

    /** store-app with DB_PASSWORD=secret://file/prod/db/password, started and past its first read. */
    private ChildJvm.Running startWithReference(String secret) throws Exception {
        assertThat(cli(secret, "store", "put", "--store", store.toString(), "prod/db/password").exit).isZero();
        ChildJvm.Running app = ChildJvm.app("store-app", "storeapp.DbClient").withAgent("config=" + config())
                .env("DB_PASSWORD", REFERENCE).start();
        await().atMost(Duration.ofSeconds(30)).until(() -> app.stdout().contains("sha256=" + StoreInjectionIT.sha(secret)));
        return app;
    }

    private static void views(ChildJvm.Running app, int round) throws Exception {
        app.send("views");
        await().atMost(Duration.ofSeconds(30)).until(() -> app.stdout().split("views DB_PASSWORD ->", -1).length > round
                && app.stdout().split("environ DB_PASSWORD", -1).length > round);
    }

    private ChildJvm.Result status(ChildJvm.Running app) throws Exception {
        ChildJvm.Result r = cli(null, "status", String.valueOf(app.process.pid()));
        assertThat(r.exit).as(r.toString()).isZero();
        return r;
    }

    @Test
    void aReferenceIsPrintedAsItIsAndIsNeitherARetiredValueNorARotation() throws Exception {
        String secret = ChildJvm.randomSecret("ref-");
        ChildJvm.Running app = startWithReference(secret);
        try {
            views(app, 1);
            // the process environment holds the reference, and it is printed as it is: it is not a value
            assertThat(app.stdout()).contains("environ DB_PASSWORD=" + REFERENCE + "\n");
            assertThat(status(app).stdout()).containsPattern("known secrets:\\s+1\\s+DB_PASSWORD")
                    .containsPattern("retired values:\\s+0\\n")
                    .containsPattern("last rotation:\\s+none since start");
        } finally {
            app.finish();
        }
        assertThat(app.stdout()).doesNotContain(secret);
    }

    @Test
    void statusReportsTheAuditQueueFiguresWhenAnAuditFileIsSet() throws Exception {
        String secret = ChildJvm.randomSecret("aq-");
        ChildJvm.Running app = startWithReference(secret);
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(dir.resolve("audit.jsonl"))
                    && Files.size(dir.resolve("audit.jsonl")) > 0);
            assertThat(status(app).stdout())
                    .containsPattern("audit queue:\\s+\\{capacity=8192, dropped=0, sinks=file, size=\\d+, written=[1-9]\\d*\\}");
        } finally {
            app.finish();
        }
    }

    @Test
    void aChildOfAllowedCodeGetsTheResolvedValueNotTheReference() throws Exception {
        String secret = ChildJvm.randomSecret("ref-");
        String sha = StoreInjectionIT.sha(secret);
        ChildJvm.Running app = startWithReference(secret);
        try {
            views(app, 1);
            assertThat(app.stdout()).contains("views DB_PASSWORD -> map=sha=" + sha + " map-key=true pb=sha=" + sha
                    + " child=sha=" + sha);
        } finally {
            app.finish();
        }
        assertThat(app.stdout()).doesNotContain(secret);
        assertThat(withAction(lines(dir.resolve("audit.jsonl")), "inherit")).as("the child's environment")
                .singleElement().satisfies(l -> assertThat(l).containsEntry("event.outcome", "success")
                        .containsEntry("secret.id", List.of("DB_PASSWORD")).containsEntry("caller.class", "storeapp.DbClient"));
    }

    @Test
    void afterRevocationNoViewShowsTheReferenceOrTheValue() throws Exception {
        String secret = ChildJvm.randomSecret("rv-");
        ChildJvm.Running app = startWithReference(secret);
        try {
            assertThat(cli(null, "store", "revoke", "--store", store.toString(), "prod/db/password").exit).isZero();
            int[] n = {0};
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                app.send("x" + n[0]++);
                return app.stdout().contains("env DB_PASSWORD sha256=null");
            });
            views(app, 1);
            assertThat(app.stdout()).contains("views DB_PASSWORD -> map=absent map-key=false pb=absent child=unset");
            assertThat(status(app).stdout()).containsPattern("known secrets:\\s+0").containsPattern("retired values:\\s+1\\n")
                    .doesNotContain("none since start");
        } finally {
            app.finish();
        }
        assertThat(app.stdout()).doesNotContain(secret);
        assertThat(app.stderr()).doesNotContain(secret);
        assertThat(withAction(lines(dir.resolve("audit.jsonl")), "revoke")).isNotEmpty()
                .allSatisfy(l -> assertThat(l).containsEntry("secret.id", "DB_PASSWORD"));
    }

    @Test
    void aStoreWithADamagedHeaderIsReportedAsDamagedByTheCommandLineAndAtStart() throws Exception {
        String secret = ChildJvm.randomSecret("dmg-");
        assertThat(cli(secret, "store", "put", "--store", store.toString(), "prod/db/password").exit).isZero();
        byte[] whole = Files.readAllBytes(store);
        byte[] damaged = whole.clone();
        damaged[5] ^= 0x01; // the key-derivation byte: key file (0) reads as passphrase (1)
        Files.write(store, damaged);

        ChildJvm.Result list = cli(null, "store", "list", "--store", store.toString());
        assertThat(list.exit).as(list.toString()).isEqualTo(1);
        assertThat(list.stderr()).contains(store.toString()).contains("damaged").doesNotContain(", but a");

        ChildJvm.Result start = ChildJvm.app("store-app", "storeapp.DbClient").withAgent("config=" + config())
                .env("DB_PASSWORD", REFERENCE).run();
        assertThat(start.exit).as(start.toString()).isEqualTo(4);
        assertThat(start.stderr()).contains(store.toString()).contains("damaged").doesNotContain(", but a");
        assertThat(start.stdout()).doesNotContain("tick");
        assertThat(Files.readAllBytes(store)).as("left as it is").isEqualTo(damaged);
    }
}
