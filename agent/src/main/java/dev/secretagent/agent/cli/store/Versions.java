package dev.secretagent.agent.cli.store;

import dev.secretagent.agent.config.ConfigException;
import dev.secretagent.agent.store.file.DueRotation;
import dev.secretagent.agent.store.file.StoreContent;
import dev.secretagent.agent.store.spi.StoreException;
import dev.secretagent.runtime.rotation.RotationPolicy;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

@Command(name = "versions", mixinStandardHelpOptions = true,
        description = "List every version of a secret (no values): creation time, age, state; the current one's due date.")
final class Versions extends StoreSubcommand {
    @Parameters(index = "0", paramLabel = "<path>")
    String path;

    @Override
    int run(Map<String, String> o) throws StoreException, ConfigException, IOException {
        RotationPolicy policy = Ages.policy(o);
        StoreContent.Entry e = where.open(o).content().entry(path);
        if (e == null) {
            throw new StoreException(StoreException.Reason.NOT_FOUND, "no secret '" + path + "'");
        }
        long now = System.currentTimeMillis();
        StoreContent.Version cur = e.current();
        for (StoreContent.Version v : e.versions) {
            String state;
            if (v.destroyed) {
                state = "  destroyed";
            } else if (v == cur) {
                state = (e.revoked ? "  current, revoked" : "  current") + Ages.ageText(DueRotation.age(path, v, policy), now);
            } else if (v.expires > 0) {
                state = v.expired(now) ? "  overlap ended " + Instant.ofEpochMilli(v.expires)
                        : "  readable until " + Instant.ofEpochMilli(v.expires);
            } else {
                state = "";
            }
            System.out.println(v.number + "  " + Instant.ofEpochMilli(v.created) + "  age "
                    + Math.max(0, (now - v.created) / RotationPolicy.DAY) + "d"
                    + (v.generated ? "  generated" : "") + state);
        }
        return 0;
    }
}
