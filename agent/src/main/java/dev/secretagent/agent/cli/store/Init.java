package dev.secretagent.agent.cli.store;

import dev.secretagent.agent.config.ConfigException;
import dev.secretagent.agent.store.file.FileStore;
import dev.secretagent.agent.store.file.KeySource;
import dev.secretagent.agent.store.spi.StoreException;
import dev.secretagent.runtime.Keys;

import picocli.CommandLine.Command;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;

@Command(name = "init", mixinStandardHelpOptions = true,
        description = {"Create an empty store, and its key file (0600) when unlocking with a key file that does not exist yet.",
                "Never replaces an existing store or key file."})
final class Init extends StoreSubcommand {
    @Override
    int run(Map<String, String> o) throws StoreException, ConfigException, IOException {
        FileStore s = where.open(o);
        boolean keyBased = Keys.MASTER_PASSPHRASE_FILE.in(o) == null && Keys.MASTER_PASSPHRASE_ENV.in(o) == null;
        if (keyBased) {
            String keyFile = Keys.MASTER_KEY_FILE.in(o);
            Path key = keyFile != null ? Paths.get(keyFile) : FileStore.defaultKeyFile(s.file());
            if (!Files.exists(key)) {
                KeySource.createKeyFile(key);
                System.out.println("created key file " + key + " (mode 0600): keep it apart from backups of the store");
            }
        }
        s.init();
        audit("init", "*", null, "file");
        System.out.println("created store " + s.file());
        return 0;
    }
}
