package dev.secretagent.agent.store.vault;

import dev.secretagent.agent.store.spi.StoreException;
import dev.secretagent.agent.store.spi.StoreException.Reason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Vault client over HTTPS with a private CA (vault.ca.file): the whole KV contract runs against
 * {@link FakeVault} serving TLS with a server certificate signed by a CA made at test time
 * ({@link TestPki}); without the CA file, or with another CA's, the server is refused before any
 * request (so before the token is sent), with a message that names vault.ca.file.
 */
@Tag("contract")
class VaultTlsContractTest extends VaultKvContract {
    @TempDir
    static Path pkiDir;
    static TestPki pki;
    static TestPki otherPki;

    FakeVault vault;
    String token;
    @TempDir
    Path dir;

    @BeforeAll
    static void makeCertificates() throws Exception {
        pki = TestPki.create(pkiDir.resolve("trusted"));
        otherPki = TestPki.create(pkiDir.resolve("other"));
    }

    @BeforeEach
    void start() throws Exception {
        vault = new FakeVault(pki.serverContext());
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

    @Override
    HttpClient client() throws Exception {
        return HttpClient.newBuilder().sslContext(VaultTls.sslContext(pki.caPem.toString())).build();
    }

    Map<String, String> options(Path caFile) throws Exception {
        Map<String, String> o = new HashMap<>();
        o.put("vault.addr", vault.addr());
        Path tf = dir.resolve("token");
        Files.writeString(tf, token + "\n");
        o.put("vault.token.file", tf.toString());
        if (caFile != null) {
            o.put("vault.ca.file", caFile.toString());
        }
        return o;
    }

    @Override
    VaultStore store() throws Exception {
        return new VaultStore(options(pki.caPem));
    }

    @Test
    void theServerIsHttps() {
        assertThat(vault.addr()).startsWith("https://");
    }

    @Test
    void appRoleLoginOverHttpsWithTheCaFile() throws Exception {
        write(store(), "tls/db", "password", "tls-123456789");
        Map<String, String> o = options(pki.caPem);
        o.put("vault.auth", "approle");
        o.put("vault.approle.role.id", vault.roleId);
        Path sid = dir.resolve("secret-id");
        Files.writeString(sid, vault.secretId);
        o.put("vault.approle.secret.id.file", sid.toString());
        assertThat(new VaultStore(o).read("tls/db#password", null).value()).isEqualTo("tls-123456789");
        assertThat(vault.requests).contains("POST /v1/auth/approle/login");
    }

    @Test
    void withoutTheCaFileTheServerIsRefusedAndTheMessageNamesTheOption() throws Exception {
        VaultStore s = new VaultStore(options(null));
        assertThatThrownBy(() -> s.read("tls/db#password", null))
                .isInstanceOfSatisfying(StoreException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE);
                    assertThat(e.getMessage()).contains("cannot reach vault at " + vault.addr())
                            .contains("not trusted").contains("set vault.ca.file").doesNotContain(token);
                });
        assertThat(vault.requests).as("no request (and so no token) crossed the refused connection").isEmpty();
    }

    @Test
    void aCaFileOfAnotherCaIsRefusedAndTheMessageNamesTheFile() throws Exception {
        VaultStore s = new VaultStore(options(otherPki.caPem));
        assertThatThrownBy(() -> s.read("tls/db#password", null))
                .isInstanceOfSatisfying(StoreException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE);
                    assertThat(e.getMessage()).contains("vault.ca.file " + otherPki.caPem)
                            .contains("does not hold the CA").doesNotContain(token);
                });
        assertThat(vault.requests).isEmpty();
    }

    @Test
    void aCaFileWithNoCertificateIsAConfigurationError() throws Exception {
        Path empty = dir.resolve("empty.pem");
        Files.writeString(empty, "");
        assertThatThrownBy(() -> new VaultStore(options(empty)))
                .isInstanceOfSatisfying(StoreException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.CONFIG);
                    assertThat(e.getMessage()).contains("vault.ca.file " + empty);
                });
    }
}
