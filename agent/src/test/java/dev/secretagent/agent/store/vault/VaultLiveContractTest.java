package dev.secretagent.agent.store.vault;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The same KV v2 contract against a real server: {@code vault server -dev} or {@code bao server -dev},
 * with VAULT_LIVE_ADDR and VAULT_LIVE_TOKEN set (docs/stores.md). Skipped otherwise.
 */
@Tag("contract")
@EnabledIfEnvironmentVariable(named = "VAULT_LIVE_ADDR", matches = ".+")
class VaultLiveContractTest extends VaultKvContract {
    @Override
    String addr() {
        return System.getenv("VAULT_LIVE_ADDR");
    }

    @Override
    String token() {
        return System.getenv("VAULT_LIVE_TOKEN");
    }

    @Override
    VaultStore store() throws Exception {
        Path tf = Files.createTempFile("vault-token", "");
        Files.writeString(tf, token());
        tf.toFile().deleteOnExit();
        Map<String, String> o = new HashMap<>();
        o.put("vault.addr", addr());
        o.put("vault.token.file", tf.toString());
        return new VaultStore(o);
    }
}
