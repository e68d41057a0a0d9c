package dev.secretagent.agent.cli.store;

import dev.secretagent.agent.config.ConfigException;
import dev.secretagent.agent.store.file.FileStore;
import dev.secretagent.agent.store.spi.StoreException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.util.Map;

@Command(name = "destroy", mixinStandardHelpOptions = true,
        description = {"Wipe a version's value for good (--version), or the whole secret with all versions (--all)."})
final class Destroy extends StoreSubcommand {
    @Parameters(index = "0", paramLabel = "<path>")
    String path;
    @Option(names = "--version", paramLabel = "<n>")
    Integer version;
    @Option(names = "--all", description = "remove the secret and every version")
    boolean all;

    @Override
    int run(Map<String, String> o) throws StoreException, ConfigException, IOException {
        if ((version == null) == !all) {
            throw new IllegalArgumentException("give either --version <n> or --all");
        }
        FileStore s = where.open(o);
        boolean found = s.update(c -> c.destroy(path, version));
        if (!found) {
            throw new StoreException(StoreException.Reason.NOT_FOUND, "no secret '" + path + "'"
                    + (version == null ? "" : " version " + version));
        }
        audit("destroy", path, version == null ? null : version.toString(), "file");
        System.out.println(path + (version == null ? " destroyed (all versions)" : " version " + version + " destroyed"));
        return 0;
    }
}
