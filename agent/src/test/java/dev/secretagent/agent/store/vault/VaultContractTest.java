package dev.secretagent.agent.store.vault;

import dev.secretagent.agent.store.spi.StoreException;
import dev.secretagent.agent.store.spi.StoreException.Reason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Contract tests: the agent's Vault client against {@link FakeVault}, which answers as the Vault
 * API docs say. The KV cases are shared with the live run; the auth cases (AppRole, Kubernetes,
 * renew-self, fresh login) are here.
 */
@Tag("contract")
class VaultContractTest extends VaultKvContract {
    FakeVault vault;
    String token;
    @TempDir
    Path dir;

    @BeforeEach
    void start() throws Exception {
        vault = new FakeVault();
        token = vault.newToken();
    }

    @AfterEach
    void stop() {
        vault.close();
    }

    @Override
    String addr() {
        return vault.addr();
    }

    @Override
    String token() {
        return token;
    }

    Map<String, String> options(String auth) throws Exception {
        Map<String, String> o = new HashMap<>();
        o.put("vault.addr", vault.addr());
        o.put("vault.auth", auth);
        Path tf = dir.resolve("token");
        Files.writeString(tf, token + "\n");
        o.put("vault.token.file", tf.toString());
        return o;
    }

    @Override
    VaultStore store() throws Exception {
        return new VaultStore(options("token"));
    }

    @Test
    void aBackdatedVersionReadsWithItsOwnCreatedTime() throws Exception {
        VaultStore s = store();
        write(s, "aged/api", "key", "k-" + java.util.UUID.randomUUID());
        java.time.Instant longAgo = java.time.Instant.parse("2024-01-02T03:04:05.123456789Z");
        vault.backdate("aged/api", 1, longAgo);
        assertThat(s.read("aged/api#key", null).createdMillis()).isEqualTo(longAgo.toEpochMilli());
    }

    @Test
    void namespaceHeaderIsSent() throws Exception {
        Map<String, String> o = options("token");
        o.put("vault.namespace", "team-a");
        VaultStore s = new VaultStore(o);
        write(s, "ns/x", "v", "val-123456789");
        assertThat(vault.namespaces).isNotEmpty().allMatch("team-a"::equals);
    }

    @Test
    void versionParameterIsSent() throws Exception {
        VaultStore s = store();
        write(s, "p/v", "v", "a-123456789");
        write(s, "p/v", "v", "b-123456789");
        s.read("p/v#v", "1");
        assertThat(vault.requests).contains("GET /v1/secret/data/p/v?version=1");
    }

    @Test
    void deniedPathIsDeniedNotMissing() throws Exception {
        assertThatThrownBy(() -> store().read("forbidden/x", null))
                .isInstanceOfSatisfying(StoreException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.DENIED);
                    assertThat(e.getMessage()).contains("403").contains("permission denied");
                });
    }

    @Test
    void sealedVaultIsATransientOutage() throws Exception {
        VaultStore s = store();
        vault.sealed = true;
        assertThatThrownBy(() -> s.read("a/b", null))
                .isInstanceOfSatisfying(StoreException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE);
                    assertThat(e.reason().isTransient()).isTrue();
                    assertThat(e.getMessage()).contains("503").contains("Vault is sealed");
                });
    }

    @Test
    void unreachableVaultIsATransientOutage() throws Exception {
        Map<String, String> o = options("token");
        vault.close();
        VaultStore s = new VaultStore(o);
        assertThatThrownBy(() -> s.read("a/b", null))
                .isInstanceOfSatisfying(StoreException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE);
                    assertThat(e.getMessage()).contains("cannot reach vault");
                });
    }

    @Test
    void appRoleLoginThenRead() throws Exception {
        write(store(), "app/db", "password", "pw-123456789");
        Map<String, String> o = options("approle");
        o.put("vault.approle.role.id", vault.roleId);
        Path sid = dir.resolve("secret-id");
        Files.writeString(sid, vault.secretId);
        o.put("vault.approle.secret.id.file", sid.toString());
        VaultStore s = new VaultStore(o);
        assertThat(s.read("app/db#password", null).value()).isEqualTo("pw-123456789");
        assertThat(vault.logins.get()).isEqualTo(1);
        assertThat(vault.requests).contains("POST /v1/auth/approle/login");
    }

    @Test
    void appRoleWithAWrongSecretIdFailsAuthentication() throws Exception {
        Map<String, String> o = options("approle");
        o.put("vault.approle.role.id", vault.roleId);
        Path sid = dir.resolve("secret-id");
        Files.writeString(sid, "wrong");
        o.put("vault.approle.secret.id.file", sid.toString());
        assertThatThrownBy(() -> new VaultStore(o).read("x", null))
                .isInstanceOfSatisfying(StoreException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.AUTH_FAILED);
                    assertThat(e.getMessage()).contains("400").contains("invalid role or secret ID").doesNotContain("wrong");
                });
    }

    @Test
    void kubernetesLoginThenRead() throws Exception {
        write(store(), "k/db", "password", "k8s-123456789");
        Map<String, String> o = options("kubernetes");
        o.put("vault.kubernetes.role", vault.k8sRole);
        Path jwt = dir.resolve("sa-token");
        Files.writeString(jwt, vault.k8sJwt);
        o.put("vault.kubernetes.jwt.file", jwt.toString());
        assertThat(new VaultStore(o).read("k/db#password", null).value()).isEqualTo("k8s-123456789");
        assertThat(vault.requests).contains("POST /v1/auth/kubernetes/login");
    }

    @Test
    void tokenIsRenewedAtTwoThirdsOfItsLeaseAndAFreshLoginFollowsAFailedRenewal() throws Exception {
        vault.leaseSeconds = 3;
        Map<String, String> o = options("approle");
        o.put("vault.approle.role.id", vault.roleId);
        Path sid = dir.resolve("secret-id");
        Files.writeString(sid, vault.secretId);
        o.put("vault.approle.secret.id.file", sid.toString());
        VaultStore s = new VaultStore(o);
        ScheduledExecutorService sched = Executors.newSingleThreadScheduledExecutor();
        try {
            s.list("");
            s.startBackground(sched);
            long t0 = System.nanoTime();
            await().atMost(Duration.ofSeconds(10)).until(() -> vault.renewals.get() >= 1);
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).as("renewed at 2/3 of 3 s, not before")
                    .isGreaterThanOrEqualTo(Duration.ofMillis(1500));
            assertThat(vault.logins.get()).isEqualTo(1);
            vault.renewFails = true;
            await().atMost(Duration.ofSeconds(10)).until(() -> vault.logins.get() >= 2);
        } finally {
            sched.shutdownNow();
        }
    }

    @Test
    void aRevokedTokenLeadsToOneFreshLoginAndARetry() throws Exception {
        write(store(), "r/db", "password", "r-123456789");
        Map<String, String> o = options("approle");
        o.put("vault.approle.role.id", vault.roleId);
        Path sid = dir.resolve("secret-id");
        Files.writeString(sid, vault.secretId);
        o.put("vault.approle.secret.id.file", sid.toString());
        VaultStore s = new VaultStore(o);
        s.read("r/db#password", null);
        vault.tokens.keySet().removeIf(t -> !t.equals(token)); // revoke the app's token behind its back
        assertThat(s.read("r/db#password", null).value()).isEqualTo("r-123456789");
        assertThat(vault.logins.get()).isEqualTo(2);
    }
}
