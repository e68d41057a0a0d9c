package dev.secretagent.agent.store.vault;

import dev.secretagent.agent.store.spi.StoreException;
import dev.secretagent.agent.store.spi.StoreException.Reason;
import dev.secretagent.agent.store.spi.StoredSecret;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * KV v2 behaviour the agent relies on, written once and run against the documented-shape fake
 * ({@link VaultContractTest}) and, when VAULT_LIVE_ADDR/VAULT_LIVE_TOKEN are set, a real Vault or
 * OpenBao dev server ({@link VaultLiveContractTest}); docs/stores.md says how.
 */
abstract class VaultKvContract {
    abstract VaultStore store() throws Exception;

    abstract String addr();

    abstract String token();

    final String base = "contract-" + UUID.randomUUID().toString().substring(0, 8);

    String write(VaultStore s, String path, String key, String value) throws StoreException {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put(key, value);
        return s.write(path, d);
    }

    /** The client for raw requests made behind the store's back (HTTPS runs trust their test CA). */
    HttpClient client() throws Exception {
        return HttpClient.newHttpClient();
    }

    void raw(String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(addr() + path)).header("X-Vault-Token", token());
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r = client().send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(method + " " + path + ": " + r.body()).isBetween(200, 299);
    }

    @Test
    void writeThenReadCurrentAndPinnedVersions() throws Exception {
        VaultStore s = store();
        String v1 = "one-" + UUID.randomUUID();
        String v2 = "two-" + UUID.randomUUID();
        assertThat(write(s, base + "/db", "password", v1)).isEqualTo("1");
        assertThat(write(s, base + "/db", "password", v2)).isEqualTo("2");
        StoredSecret cur = s.read(base + "/db#password", null);
        assertThat(cur.value()).isEqualTo(v2);
        assertThat(cur.version()).isEqualTo("2");
        assertThat(s.read(base + "/db#password", "1").value()).isEqualTo(v1);
        assertThat(s.read(base + "/db", null).value()).as("one key: no #key needed").isEqualTo(v2);
    }

    @Test
    void readCarriesTheVersionsCreatedTime() throws Exception {
        VaultStore s = store();
        long before = System.currentTimeMillis() - 5_000;
        write(s, base + "/aged", "token", "t-" + UUID.randomUUID());
        StoredSecret cur = s.read(base + "/aged#token", null);
        assertThat(cur.createdMillis()).as("metadata.created_time").isBetween(before, System.currentTimeMillis() + 5_000);
    }

    @Test
    void missingKeyIsNotFound() throws Exception {
        assertThatThrownBy(() -> store().read(base + "/nothing-here", null))
                .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND));
    }

    @Test
    void missingFieldIsNotFound() throws Exception {
        VaultStore s = store();
        write(s, base + "/f", "password", "p-" + UUID.randomUUID());
        assertThatThrownBy(() -> s.read(base + "/f#user", null))
                .isInstanceOfSatisfying(StoreException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND);
                    assertThat(e.getMessage()).contains("no key 'user'");
                });
    }

    @Test
    void deletedVersionIsToldApartFromMissing() throws Exception {
        VaultStore s = store();
        write(s, base + "/del", "password", "d-" + UUID.randomUUID());
        raw("DELETE", "/v1/secret/data/" + base + "/del", null);
        assertThatThrownBy(() -> s.read(base + "/del#password", null))
                .isInstanceOfSatisfying(StoreException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.DELETED);
                    assertThat(e.getMessage()).contains("version 1 is deleted");
                });
    }

    @Test
    void destroyedVersionIsToldApartFromDeleted() throws Exception {
        VaultStore s = store();
        write(s, base + "/des", "password", "x-" + UUID.randomUUID());
        write(s, base + "/des", "password", "y-" + UUID.randomUUID());
        raw("POST", "/v1/secret/destroy/" + base + "/des", "{\"versions\":[1]}");
        assertThatThrownBy(() -> s.read(base + "/des#password", "1"))
                .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.reason()).isEqualTo(Reason.DESTROYED));
        assertThat(s.read(base + "/des#password", null).version()).isEqualTo("2");
    }

    @Test
    void listShowsKeysAndFolders() throws Exception {
        VaultStore s = store();
        write(s, base + "/app/one", "v", "1-" + UUID.randomUUID());
        write(s, base + "/app/sub/two", "v", "2-" + UUID.randomUUID());
        assertThat(s.list(base + "/app")).containsExactlyInAnyOrder("one", "sub/");
        assertThat(s.list(base + "/none")).isEmpty();
    }
}
