package dev.secretagent.agent.cli.store;

import dev.secretagent.agent.config.ConfigException;
import dev.secretagent.agent.store.file.FileStore;
import dev.secretagent.agent.store.spi.StoreException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.util.Map;

@Command(name = "revoke", mixinStandardHelpOptions = true,
        description = {"Revoke a secret: no version may be read any more; running applications drop it at their next refresh.",
                "A later put or rotate makes it live again with a new version."})
final class Revoke extends StoreSubcommand {
    @Parameters(index = "0", paramLabel = "<path>")
    String path;

    @Override
    int run(Map<String, String> o) throws StoreException, ConfigException, IOException {
        FileStore s = where.open(o);
        boolean found = s.update(c -> c.revoke(path));
        if (!found) {
            throw new StoreException(StoreException.Reason.NOT_FOUND, "no secret '" + path + "'");
        }
        audit("revoke", path, null, "file");
        System.out.println(path + " revoked");
        return 0;
    }
}
