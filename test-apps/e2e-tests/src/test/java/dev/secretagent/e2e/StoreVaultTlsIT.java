package dev.secretagent.e2e;

import dev.secretagent.agent.store.vault.FakeVault;
import dev.secretagent.agent.store.vault.TestPki;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 7, Vault over HTTPS with a private CA, end to end: the test JVM serves {@link FakeVault} over
 * TLS with a server certificate signed by a CA made for this run ({@link TestPki}); the command line
 * writes the secret into it (SECRETAGENT_VAULT_* options), and store-app in a child JVM with the
 * built agent gets it injected (store: vault, vault.ca.file) as an environment variable.
 */
class StoreVaultTlsIT {
    @TempDir
    Path dir;
    FakeVault vault;
    TestPki pki;
    Path tokenFile;

    @BeforeEach
    void startVault() throws Exception {
        pki = TestPki.create(dir.resolve("pki"));
        vault = new FakeVault(pki.serverContext());
        tokenFile = dir.resolve("vault-token");
        Files.writeString(tokenFile, vault.newToken() + "\n");
        Files.setPosixFilePermissions(tokenFile, PosixFilePermissions.fromString("rw-------"));
    }

    @AfterEach
    void stopVault() {
        vault.close();
    }

    Path config(boolean withCa, Path audit) throws Exception {
        Path cfg = dir.resolve("secret-agent.yaml");
        Files.writeString(cfg, "store: vault\nvault.addr: " + vault.addr() + "\nvault.token.file: " + tokenFile + "\n"
                + (withCa ? "vault.ca.file: " + pki.caPem + "\n" : "")
                + "audit.file: " + audit + "\n"
                + "inject:\n  - secret: prod/api#token\n    env: API_TOKEN\n");
        return cfg;
    }

    void putWithTheCommandLine(String value) throws Exception {
        ChildJvm.Result put = Cli.run(List.of(ChildJvm.javaBin(), "-jar", ChildJvm.AGENT_JAR.toString(),
                        "store", "put", "--vault", "prod/api#token"),
                Map.of("SECRETAGENT_VAULT_ADDR", vault.addr(), "SECRETAGENT_VAULT_CA_FILE", pki.caPem.toString(),
                        "SECRETAGENT_VAULT_TOKEN_FILE", tokenFile.toString(),
                        "SECRETAGENT_AUDIT_FILE", dir.resolve("cli-audit.jsonl").toString()),
                (value + "\n").getBytes(StandardCharsets.UTF_8));
        assertThat(put.exit).as(put.toString()).isZero();
        assertThat(put.stdout() + put.stderr()).doesNotContain(value);
        assertThat(vault.requests()).contains("POST /v1/secret/data/prod/api");
    }

    @Test
    void appGetsTheVaultValueOverHttpsWithTheCaFileAndTheOutputDoesNotHoldIt() throws Exception {
        String secret = ChildJvm.randomSecret("vault-tls-");
        putWithTheCommandLine(secret);
        Path audit = dir.resolve("audit.jsonl");

        ChildJvm.Running app = ChildJvm.app("store-app", "storeapp.DbClient", "API_TOKEN")
                .withAgent("config=" + config(true, audit)).start();
        // the whole line, not just its start: output arrives in pieces
        await().atMost(Duration.ofSeconds(30)).until(() -> app.stdout().contains("env API_TOKEN sha256=" + StoreInjectionIT.sha(secret))
                || !app.process.isAlive());
        assertThat(app.stdout()).as(app.stderr()).contains("env API_TOKEN sha256=" + StoreInjectionIT.sha(secret));
        byte[] environ = Files.readAllBytes(Path.of("/proc/" + app.process.pid() + "/environ"));
        assertThat(new String(environ, StandardCharsets.ISO_8859_1)).doesNotContain(secret);
        assertThat(app.finish()).isZero();

        assertThat(app.stdout()).contains("connecting to db with password [REDACTED").doesNotContain(secret);
        assertThat(app.stderr()).doesNotContain(secret);
        await().atMost(Duration.ofSeconds(10)).until(() -> !AccessAudit.withAction(AccessAudit.lines(audit), "inject").isEmpty());
        assertThat(AccessAudit.withAction(AccessAudit.lines(audit), "inject").get(0))
                .containsEntry("event.outcome", "success").containsEntry("secret.store", "vault")
                .containsEntry("secret.target", "env:API_TOKEN");
        assertThat(Files.readString(audit)).doesNotContain(secret);
    }

    @Test
    void withoutTheCaFileTheJvmStopsBeforeMainNamingVaultCaFile() throws Exception {
        String secret = ChildJvm.randomSecret("vault-tls-");
        putWithTheCommandLine(secret);
        int before = vault.requests().size();
        ChildJvm.Result r = ChildJvm.app("store-app", "storeapp.DbClient", "API_TOKEN")
                .withAgent("config=" + config(false, dir.resolve("audit.jsonl"))).run();
        assertThat(r.exit).as(r.toString()).isEqualTo(4);
        assertThat(r.stdout()).as("main never ran").isEmpty();
        assertThat(r.stderr()).contains("prod/api#token").contains("not trusted").contains("set vault.ca.file")
                .doesNotContain(secret);
        assertThat(vault.requests()).as("the token never crossed the refused connection").hasSize(before);
    }
}
