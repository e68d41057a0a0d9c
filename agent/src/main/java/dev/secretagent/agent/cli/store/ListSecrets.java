package dev.secretagent.agent.cli.store;

import dev.secretagent.agent.config.ConfigException;
import dev.secretagent.agent.store.file.DueRotation;
import dev.secretagent.agent.store.file.StoreContent;
import dev.secretagent.agent.store.spi.StoreException;
import dev.secretagent.agent.store.vault.VaultStore;
import dev.secretagent.runtime.rotation.RotationPolicy;
import dev.secretagent.runtime.rotation.SecretAge;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.util.List;
import java.util.Map;

@Command(name = "list", mixinStandardHelpOptions = true,
        description = {"List secret paths with their current version, state, age and rotation due date.",
                "Due dates follow rotation.cadence (default 90 days for passwords, API keys, tokens, secrets; 180 for signing keys)."})
final class ListSecrets extends StoreSubcommand {
    @Option(names = "--vault", description = "list Vault KV v2 keys under the given folder")
    boolean vault;
    @Parameters(index = "0", arity = "0..1", paramLabel = "<folder>", description = "Vault: folder to list")
    String folder;

    @Override
    int run(Map<String, String> o) throws StoreException, ConfigException, IOException {
        if (vault) {
            try (VaultStore v = new VaultStore(o)) {
                for (String k : v.list(folder)) {
                    System.out.println(k);
                }
            }
            return 0;
        }
        RotationPolicy policy = Ages.policy(o);
        long now = System.currentTimeMillis();
        int overdue = 0;
        for (Map.Entry<String, StoreContent.Entry> e : where.open(o).content().entries().entrySet()) {
            StoreContent.Version cur = e.getValue().current();
            StringBuilder line = new StringBuilder(e.getKey()).append("  version ").append(cur == null ? "-" : cur.number);
            if (e.getValue().revoked) {
                line.append("  REVOKED");
            } else if (cur == null) {
                line.append("  DESTROYED");
            } else {
                SecretAge age = DueRotation.age(e.getKey(), cur, policy);
                line.append(Ages.ageText(age, now)).append(cur.generated ? "  generated" : "  put by hand");
                overdue += age.overdue(now) ? 1 : 0;
            }
            System.out.println(line);
        }
        if (overdue > 0) {
            System.out.println(overdue + " secret(s) overdue for rotation ('store rotate --due --generate' replaces the generated ones)");
        }
        return 0;
    }
}
