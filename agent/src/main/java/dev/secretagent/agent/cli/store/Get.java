package dev.secretagent.agent.cli.store;

import dev.secretagent.agent.config.ConfigException;
import dev.secretagent.agent.store.file.FileStore;
import dev.secretagent.agent.store.spi.StoreException;
import dev.secretagent.agent.store.spi.StoredSecret;
import dev.secretagent.runtime.audit.Audit;
import dev.secretagent.runtime.audit.AuditEvent;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Map;

@Command(name = "get", mixinStandardHelpOptions = true,
        description = {"Show a secret's version; the value only with --reveal (that read is audited)."})
final class Get extends StoreSubcommand {
    @Parameters(index = "0", paramLabel = "<path>")
    String path;
    @Option(names = "--version", paramLabel = "<n>", description = "a given version (default: current)")
    String version;
    @Option(names = "--reveal", description = "print the value on stdout")
    boolean reveal;

    @Override
    int run(Map<String, String> o) throws StoreException, ConfigException, IOException {
        FileStore s = where.open(o);
        StoredSecret secret;
        try {
            secret = s.read(path, version);
        } catch (StoreException e) {
            Audit.record(AuditEvent.action("read").secret(path, version).failure(e.getMessage())
                    .field("secret.store", "file").build());
            throw e;
        }
        if (reveal) {
            audit("read", path, secret.version(), "file");
            PrintStream out = System.out;
            out.println(secret.value());
        } else {
            System.out.println(path + " version " + secret.version() + " (value hidden: --reveal prints it)");
        }
        return 0;
    }
}
