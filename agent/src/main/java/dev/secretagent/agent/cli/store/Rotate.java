package dev.secretagent.agent.cli.store;

import dev.secretagent.agent.config.ConfigException;
import dev.secretagent.agent.store.file.DueRotation;
import dev.secretagent.agent.store.file.FileStore;
import dev.secretagent.agent.store.spi.StoreException;
import dev.secretagent.runtime.audit.Audit;
import dev.secretagent.runtime.audit.AuditEvent;
import dev.secretagent.runtime.rotation.RotationPolicy;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

@Command(name = "rotate", mixinStandardHelpOptions = true,
        description = {"Replace an existing secret with a new version: from stdin/--from-file, or --generate.",
                "--due: every secret past its cadence; with --generate the ones the store generated are replaced,",
                "the ones put by hand are reported (their rotation needs the service that uses them), and",
                "versions whose overlap has ended lose their value. Without --generate, --due only reports.",
                "Running applications pick the new value up at their next refresh (store.refresh.interval)."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:done", "1:the store refused or failed", "2:bad usage",
                "3:--due: overdue secrets are left that the store cannot rotate alone (listed)"})
final class Rotate extends StoreSubcommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "<path>")
    String path;
    @Option(names = "--from-file", paramLabel = "<file>")
    Path fromFile;
    @Option(names = "--generate", description = "generate the new value (as 'generate' does)")
    boolean generate;
    @Option(names = "--due", description = "every overdue secret instead of one path (for cron / a Kubernetes CronJob)")
    boolean due;
    @Option(names = "--overlap", paramLabel = "<duration>",
            description = "how long the replaced version stays readable (pinned by number) before it is revoked,"
                    + " e.g. 0s, 12h, 7d (default: 1d with --due; without --due: until destroyed)")
    String overlap;
    @Mixin
    Shape shape;

    @Override
    int run(Map<String, String> o) throws StoreException, ConfigException, IOException {
        if (due) {
            return rotateDue(o);
        }
        if (path == null) {
            throw new IllegalArgumentException("give a <path>, or --due");
        }
        String value = generate ? shape.generate() : ValueInput.readValue(fromFile, System.in);
        if (!generate) {
            ValueInput.warnIfWeak(path, value, o);
        }
        long overlapMs = overlap == null ? -1 : overlapMillis(overlap);
        FileStore s = where.open(o);
        long now = System.currentTimeMillis();
        int v = s.update(c -> {
            if (c.entry(path) == null) {
                throw new StoreException(StoreException.Reason.NOT_FOUND, "no secret '" + path + "' to rotate (use put)");
            }
            int n = c.put(path, value, now, generate);
            if (overlapMs >= 0) {
                c.endOverlap(path, n, now + overlapMs);
            }
            return n;
        });
        audit("rotate", path, Integer.toString(v), "file");
        System.out.println(path + " rotated to version " + v
                + (overlapMs >= 0 ? "; earlier versions readable until " + Instant.ofEpochMilli(now + overlapMs) : ""));
        return 0;
    }

    private int rotateDue(Map<String, String> options) throws StoreException, ConfigException, IOException {
        if (path != null || fromFile != null) {
            throw new IllegalArgumentException("--due rotates every overdue secret: give no <path> and no --from-file");
        }
        RotationPolicy policy = Ages.policy(options);
        long overlapMs = overlapMillis(overlap == null ? "1d" : overlap);
        FileStore s = where.open(options);
        long now = System.currentTimeMillis();
        java.util.List<DueRotation.Outcome> outcomes = generate
                ? s.update(c -> DueRotation.run(c, policy, now, overlapMs, shape::generate, true))
                : DueRotation.run(s.content(), policy, now, overlapMs, shape::generate, false);
        int byHand = 0;
        int rotated = 0;
        for (DueRotation.Outcome o : outcomes) {
            switch (o.kind) {
                case ROTATED:
                    if (generate) {
                        rotated++;
                        Audit.record(AuditEvent.action("rotate").secret(o.path, Integer.toString(o.version))
                                .field("secret.store", "file").field("secret.path", o.path)
                                .field("secret.rotation.due", Instant.ofEpochMilli(o.age.dueAt).toString())
                                .field("secret.rotation.rule", o.age.rule)
                                .field("secret.previous.version", Integer.toString(o.previous))
                                .field("caller.class", "secret-agent store rotate --due").build());
                        System.out.println(o.path + " rotated to version " + o.version + " (was due "
                                + Instant.ofEpochMilli(o.age.dueAt) + "); version " + o.previous + " readable until "
                                + Instant.ofEpochMilli(now + overlapMs));
                    } else {
                        System.out.println(o.path + " version " + o.previous + " overdue since "
                                + Instant.ofEpochMilli(o.age.dueAt) + ": generated by the store, --generate replaces it");
                    }
                    break;
                case NEEDS_HAND:
                    byHand++;
                    Audit.record(AuditEvent.action("rotation-due").secret(o.path, Integer.toString(o.version))
                            .field("secret.store", "file").field("secret.path", o.path)
                            .field("secret.created", Instant.ofEpochMilli(o.age.created).toString())
                            .field("secret.rotation.due", Instant.ofEpochMilli(o.age.dueAt).toString())
                            .field("secret.rotation.rule", o.age.rule)
                            .field("caller.class", "secret-agent store rotate --due")
                            .failure("overdue; put by hand: its rotation needs the service that uses it").build());
                    System.out.println(o.path + " version " + o.version + " overdue since "
                            + Instant.ofEpochMilli(o.age.dueAt) + ": put by hand, not touched"
                            + " (its rotation needs the service that uses it, e.g. a database user: rotate it there, then 'store rotate')");
                    break;
                default:
                    if (generate) {
                        StoreOptions.audit("revoke", o.path, Integer.toString(o.version), "file", "secret-agent store rotate --due");
                        System.out.println(o.path + " version " + o.version + " overlap ended: value destroyed");
                    } else {
                        System.out.println(o.path + " version " + o.version + " overlap ended (--generate destroys its value)");
                    }
                    break;
            }
        }
        System.out.println((generate ? rotated + " rotated" : "report only (no --generate)") + ", " + byHand
                + " overdue secret(s) need a rotation by hand");
        return byHand > 0 ? 3 : 0;
    }

    static long overlapMillis(String text) {
        if (text.matches("0+[a-z]*")) {
            return 0L;
        }
        try {
            return RotationPolicy.duration(text, "--overlap");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--overlap must be a duration such as 0s, 12h or 7d");
        }
    }
}
