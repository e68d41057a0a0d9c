package dev.secretagent.agent.cli.store;

import dev.secretagent.agent.config.ConfigException;
import dev.secretagent.agent.store.SecretRef;
import dev.secretagent.agent.store.file.FileStore;
import dev.secretagent.agent.store.spi.StoreException;
import dev.secretagent.agent.store.vault.VaultStore;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

@Command(name = "put", mixinStandardHelpOptions = true,
        description = {"Add a new version of a secret; the value comes from stdin or --from-file.",
                "With --vault: write to Vault KV v2 (path#key, default key 'value').",
                "A value shorter than min.length or of very low entropy is stored with a warning."})
final class Put extends StoreSubcommand {
    @Parameters(index = "0", paramLabel = "<path>", description = "secret path, e.g. prod/db/password")
    String path;
    @Option(names = "--from-file", paramLabel = "<file>", description = "read the value from this file instead of stdin")
    Path fromFile;
    @Option(names = "--vault", description = "write to Vault (vault.* options / SECRETAGENT_VAULT_*)")
    boolean vault;
    @Option(names = "--created", paramLabel = "<instant>",
            description = "when the value was really made, ISO-8601 UTC (importing a secret that exists elsewhere; default now, never in the future)")
    String created;

    @Override
    int run(Map<String, String> o) throws StoreException, ConfigException, IOException {
        String value = ValueInput.readValue(fromFile, System.in);
        ValueInput.warnIfWeak(path, value, o);
        if (vault) {
            SecretRef ref = SecretRef.parse("vault://" + path, "vault");
            Map<String, Object> data = new LinkedHashMap<>();
            data.put(ref.field() == null ? "value" : ref.field(), value);
            try (VaultStore v = new VaultStore(o)) {
                String version = v.write(ref.path(), data);
                audit("put", ref.path(), version, "vault");
                System.out.println("vault " + ref.path() + " version " + version);
            }
            return 0;
        }
        long when = ValueInput.createdAt(created);
        FileStore s = where.open(o);
        int v = s.update(c -> c.put(path, value, when, false));
        audit("put", path, Integer.toString(v), "file");
        System.out.println(path + " version " + v);
        return 0;
    }
}
