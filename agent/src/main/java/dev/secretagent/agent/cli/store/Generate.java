package dev.secretagent.agent.cli.store;

import dev.secretagent.agent.config.ConfigException;
import dev.secretagent.agent.store.file.FileStore;
import dev.secretagent.agent.store.spi.StoreException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.util.Map;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Store a new random secret (SecureRandom). The value is not printed.",
                "Default: 256 bits (NIST SP 800-57 strength for symmetric keys) as base64url characters.",
                "The store notes that it generated the value: 'rotate --due --generate' may replace it alone."})
final class Generate extends StoreSubcommand {
    @Parameters(index = "0", paramLabel = "<path>")
    String path;
    @Mixin
    Shape shape;
    @Option(names = "--created", paramLabel = "<instant>",
            description = "creation time to record, ISO-8601 UTC, never in the future (migrations and tests of cadences; default now)")
    String created;

    @Override
    int run(Map<String, String> o) throws StoreException, ConfigException, IOException {
        String value = shape.generate();
        long when = ValueInput.createdAt(created);
        FileStore s = where.open(o);
        int v = s.update(c -> c.put(path, value, when, true));
        audit("generate", path, Integer.toString(v), "file");
        System.out.println(path + " version " + v + " (generated, " + shape.bits(value) + " bits)");
        return 0;
    }
}
