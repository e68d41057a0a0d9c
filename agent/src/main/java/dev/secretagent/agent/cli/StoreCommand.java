package dev.secretagent.agent.cli;

import dev.secretagent.runtime.Keys;
import dev.secretagent.agent.config.AgentConfig;
import dev.secretagent.agent.config.ConfigException;
import dev.secretagent.agent.store.SecretRef;
import dev.secretagent.agent.store.spi.StoreException;
import dev.secretagent.agent.store.Stores;
import dev.secretagent.agent.store.spi.StoredSecret;
import dev.secretagent.agent.store.file.FileStore;
import dev.secretagent.agent.store.file.KeySource;
import dev.secretagent.agent.store.file.StoreContent;
import dev.secretagent.agent.store.SecretGenerator;
import dev.secretagent.agent.store.file.DueRotation;
import dev.secretagent.runtime.rotation.RotationPolicy;
import dev.secretagent.runtime.rotation.SecretAge;
import dev.secretagent.runtime.rotation.ValueStrength;
import dev.secretagent.agent.store.vault.VaultStore;
import dev.secretagent.runtime.Settings;
import dev.secretagent.runtime.audit.Audit;
import dev.secretagent.runtime.audit.AuditEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;

/**
 * {@code secret-agent store ...}: manage the encrypted file store (and write to / list Vault).
 * A value is read only from stdin or {@code --from-file}, never from an argument (shell history,
 * {@code ps}); {@code get} prints a value only with {@code --reveal}, and that read is audited.
 */
@Command(name = "store", mixinStandardHelpOptions = true,
        description = {"Manage secrets in the file store (put/list also for Vault).",
                "Values come from stdin or --from-file, never from the command line."},
        subcommands = {StoreCommand.Init.class, StoreCommand.Put.class, StoreCommand.Generate.class,
                StoreCommand.Get.class, StoreCommand.ListCmd.class, StoreCommand.Versions.class,
                StoreCommand.Rotate.class, StoreCommand.Revoke.class, StoreCommand.Destroy.class},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:done", "1:the store refused or failed (the message says why)", "2:bad usage"})
public final class StoreCommand implements Runnable {
    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    /** Where the store is and how it is unlocked; defaults from the agent's own options (SECRETAGENT_*). */
    static final class StoreOptions {
        @Option(names = {"-s", "--store"}, paramLabel = "<file>",
                description = "the store file (default: store.path / SECRETAGENT_STORE_PATH)")
        Path store;
        @Option(names = "--key-file", paramLabel = "<file>",
                description = "key file, mode 0600 (default: master.key.file / SECRETAGENT_MASTER_KEY_FILE, else <store>.key)")
        Path keyFile;
        @Option(names = "--passphrase-file", paramLabel = "<file>", description = "unlock with a passphrase read from this file")
        Path passphraseFile;
        @Option(names = "--passphrase-env", paramLabel = "<name>",
                description = "unlock with a passphrase from this environment variable (its name, not the passphrase)")
        String passphraseEnv;

        Map<String, String> options() throws ConfigException {
            Map<String, String> o = new LinkedHashMap<>(AgentConfig.load("", filtered(System.getProperties()),
                    System.getenv()).values());
            if (store != null) {
                o.put(Keys.STORE_PATH.name, store.toString());
                o.remove(Keys.STORE_FILE_PATH.name);
            }
            if (keyFile != null) {
                o.put(Keys.MASTER_KEY_FILE.name, keyFile.toString());
            }
            if (passphraseFile != null) {
                o.remove(Keys.MASTER_KEY_FILE.name);
                o.put(Keys.MASTER_PASSPHRASE_FILE.name, passphraseFile.toString());
            }
            if (passphraseEnv != null) {
                o.remove(Keys.MASTER_KEY_FILE.name);
                o.remove(Keys.MASTER_PASSPHRASE_FILE.name);
                o.put(Keys.MASTER_PASSPHRASE_ENV.name, passphraseEnv);
            }
            // the audit writer (issue 6) reads its options from the installed settings
            Settings settings = new Settings(o, java.util.Collections.<String, List<Map<String, Object>>>emptyMap());
            Settings.install(settings);
            startAudit(settings);
            return o;
        }

        FileStore open() throws ConfigException, StoreException {
            Map<String, String> o = options();
            if (Keys.STORE_PATH.in(o) == null && Keys.STORE_FILE_PATH.in(o) == null) {
                throw new StoreException(StoreException.Reason.CONFIG,
                        "no store file: give --store <file> or set SECRETAGENT_STORE_PATH");
            }
            return Stores.openFileStore(o, System.getenv());
        }

        private static boolean auditStarted;

        /**
         * The command's own reads of values (get --reveal, redact --store) go on the record like an application's:
         * the writer is started once per command with the same options (audit.file / SECRETAGENT_AUDIT_FILE, ...),
         * and {@link #flushAudit} writes what is queued before the command exits.
         */
        private static synchronized void startAudit(Settings settings) {
            if (!auditStarted) {
                auditStarted = true;
                Audit.start(settings, System.err);
            }
        }

        static void flushAudit() {
            Audit.flush();
        }

        private static Properties filtered(Properties p) {
            Properties out = new Properties();
            for (String n : p.stringPropertyNames()) {
                if (n.startsWith("secretagent.")) {
                    out.setProperty(n, p.getProperty(n));
                }
            }
            return out;
        }
    }

    /** Shared error handling: a message naming the problem, never a value, and exit status 1. */
    abstract static class Sub implements Callable<Integer> {
        @Mixin
        StoreOptions where;

        @Override
        public final Integer call() {
            try {
                return run();
            } catch (StoreException e) {
                System.err.println("secret-agent store: " + e.getMessage());
                return 1;
            } catch (ConfigException | IllegalArgumentException e) {
                System.err.println("secret-agent store: " + e.getMessage());
                return 2;
            } catch (IOException e) {
                System.err.println("secret-agent store: " + e.getClass().getSimpleName() + ": " + e.getMessage());
                return 1;
            } finally {
                StoreOptions.flushAudit();
            }
        }

        abstract int run() throws StoreException, ConfigException, IOException;

        static void audit(String action, String path, String version, String kind) {
            audit(action, path, version, kind, "secret-agent store " + action);
        }

        static void audit(String action, String path, String version, String kind, String command) {
            Audit.record(AuditEvent.action(action).secret(path, version).field("secret.store", kind)
                    .field("secret.path", path).field("caller.class", command).build());
        }
    }

    /** A value from --from-file, else stdin; one trailing newline is not part of it. */
    static String readValue(Path fromFile, InputStream stdin) throws IOException {
        byte[] bytes;
        if (fromFile != null) {
            bytes = Files.readAllBytes(fromFile);
        } else {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            int n;
            while ((n = stdin.read(buf)) > 0) {
                out.write(buf, 0, n);
            }
            bytes = out.toByteArray();
        }
        String s = new String(bytes, StandardCharsets.UTF_8);
        s = s.endsWith("\r\n") ? s.substring(0, s.length() - 2) : s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
        if (s.isEmpty()) {
            throw new IllegalArgumentException("empty value: pipe it on stdin or give --from-file <file>");
        }
        return s;
    }

    @Command(name = "init", mixinStandardHelpOptions = true,
            description = {"Create an empty store, and its key file (0600) when unlocking with a key file that does not exist yet.",
                    "Never replaces an existing store or key file."})
    static final class Init extends Sub {
        @Override
        int run() throws StoreException, ConfigException, IOException {
            Map<String, String> o = where.options();
            FileStore s = where.open();
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

    @Command(name = "put", mixinStandardHelpOptions = true,
            description = {"Add a new version of a secret; the value comes from stdin or --from-file.",
                    "With --vault: write to Vault KV v2 (path#key, default key 'value').",
                    "A value shorter than min.length or of very low entropy is stored with a warning."})
    static final class Put extends Sub {
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
        int run() throws StoreException, ConfigException, IOException {
            String value = readValue(fromFile, System.in);
            Map<String, String> o = where.options();
            warnIfWeak(path, value, o);
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
            long when = createdAt(created);
            FileStore s = where.open();
            int v = s.update(c -> c.put(path, value, when, false));
            audit("put", path, Integer.toString(v), "file");
            System.out.println(path + " version " + v);
            return 0;
        }
    }

    /** A warning on stderr for a weak value put by hand; it names the path, never the value. */
    static void warnIfWeak(String path, String value, Map<String, String> options) {
        int minLength;
        try {
            minLength = Keys.MIN_LENGTH.in(options);
        } catch (NumberFormatException e) {
            minLength = Keys.MIN_LENGTH.parse(Keys.MIN_LENGTH.defaultText);
        }
        String w = ValueStrength.warning(path, value, minLength);
        if (w != null) {
            System.err.println("secret-agent store: warning: " + w);
        }
    }

    /** --created: an ISO-8601 instant not in the future; null means now. */
    static long createdAt(String created) {
        long now = System.currentTimeMillis();
        if (created == null) {
            return now;
        }
        long t;
        try {
            t = Instant.parse(created).toEpochMilli();
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("--created must be an ISO-8601 instant such as 2025-01-31T00:00:00Z");
        }
        if (t > now) {
            throw new IllegalArgumentException("--created must not be in the future");
        }
        return t;
    }

    /** The rotation cadences of the options (rotation.cadence / SECRETAGENT_ROTATION_CADENCE, the config file). */
    static RotationPolicy policy(Map<String, String> options) {
        return RotationPolicy.parse(Keys.ROTATION_CADENCE.in(options));
    }

    @Command(name = "generate", mixinStandardHelpOptions = true,
            description = {"Store a new random secret (SecureRandom). The value is not printed.",
                    "Default: 256 bits (NIST SP 800-57 strength for symmetric keys) as base64url characters.",
                    "The store notes that it generated the value: 'rotate --due --generate' may replace it alone."})
    static final class Generate extends Sub {
        @Parameters(index = "0", paramLabel = "<path>")
        String path;
        @Mixin
        Shape shape;
        @Option(names = "--created", paramLabel = "<instant>",
                description = "creation time to record, ISO-8601 UTC, never in the future (migrations and tests of cadences; default now)")
        String created;

        @Override
        int run() throws StoreException, ConfigException, IOException {
            String value = shape.generate();
            long when = createdAt(created);
            FileStore s = where.open();
            int v = s.update(c -> c.put(path, value, when, true));
            audit("generate", path, Integer.toString(v), "file");
            System.out.println(path + " version " + v + " (generated, " + shape.bits(value) + " bits)");
            return 0;
        }
    }

    /** Length and alphabet of a generated value. */
    static final class Shape {
        @Option(names = {"--alphabet", "--format"}, paramLabel = "<name>", defaultValue = "base64url",
                description = "base64url (default), hex, alnum, password (printable, no look-alikes), or chars:<characters>")
        String alphabet;
        @Option(names = "--length", paramLabel = "<chars>",
                description = "characters (default: as many as 256 bits take; fewer than 128 bits is refused)")
        int length;
        @Option(names = "--bytes", paramLabel = "<n>",
                description = "strength in random bytes instead of --length (at least 16)")
        int bytes;

        String generate() {
            String a = SecretGenerator.alphabet(alphabet);
            if (bytes != 0 && length != 0) {
                throw new IllegalArgumentException("give --length or --bytes, not both");
            }
            if (bytes != 0 && bytes < 16) {
                throw new IllegalArgumentException("--bytes must be at least 16 (128 bits)");
            }
            return SecretGenerator.generate(bytes != 0 ? SecretGenerator.lengthFor(bytes * 8, a) : length, a);
        }

        int bits(String value) {
            return (int) SecretGenerator.bits(value.length(), SecretGenerator.alphabet(alphabet));
        }
    }

    @Command(name = "get", mixinStandardHelpOptions = true,
            description = {"Show a secret's version; the value only with --reveal (that read is audited)."})
    static final class Get extends Sub {
        @Parameters(index = "0", paramLabel = "<path>")
        String path;
        @Option(names = "--version", paramLabel = "<n>", description = "a given version (default: current)")
        String version;
        @Option(names = "--reveal", description = "print the value on stdout")
        boolean reveal;

        @Override
        int run() throws StoreException, ConfigException, IOException {
            FileStore s = where.open();
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

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = {"List secret paths with their current version, state, age and rotation due date.",
                    "Due dates follow rotation.cadence (default 90 days for passwords, API keys, tokens, secrets; 180 for signing keys)."})
    static final class ListCmd extends Sub {
        @Option(names = "--vault", description = "list Vault KV v2 keys under the given folder")
        boolean vault;
        @Parameters(index = "0", arity = "0..1", paramLabel = "<folder>", description = "Vault: folder to list")
        String folder;

        @Override
        int run() throws StoreException, ConfigException, IOException {
            if (vault) {
                try (VaultStore v = new VaultStore(where.options())) {
                    for (String k : v.list(folder)) {
                        System.out.println(k);
                    }
                }
                return 0;
            }
            RotationPolicy policy = policy(where.options());
            long now = System.currentTimeMillis();
            int overdue = 0;
            for (Map.Entry<String, StoreContent.Entry> e : where.open().content().entries().entrySet()) {
                StoreContent.Version cur = e.getValue().current();
                StringBuilder line = new StringBuilder(e.getKey()).append("  version ").append(cur == null ? "-" : cur.number);
                if (e.getValue().revoked) {
                    line.append("  REVOKED");
                } else if (cur == null) {
                    line.append("  DESTROYED");
                } else {
                    SecretAge age = DueRotation.age(e.getKey(), cur, policy);
                    line.append(ageText(age, now)).append(cur.generated ? "  generated" : "  put by hand");
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

    /** "  age 120d  due 2025-05-01 OVERDUE" (dates in UTC, days rounded down). */
    static String ageText(SecretAge age, long now) {
        StringBuilder sb = new StringBuilder();
        sb.append("  age ").append(age.created > 0 ? age.ageDays(now) + "d" : "unknown");
        if (age.dueAt > 0) {
            sb.append("  due ").append(Instant.ofEpochMilli(age.dueAt).toString(), 0, 10)
                    .append(age.overdue(now) ? " OVERDUE" : "");
        } else {
            sb.append("  due -");
        }
        return sb.toString();
    }

    @Command(name = "versions", mixinStandardHelpOptions = true,
            description = "List every version of a secret (no values): creation time, age, state; the current one's due date.")
    static final class Versions extends Sub {
        @Parameters(index = "0", paramLabel = "<path>")
        String path;

        @Override
        int run() throws StoreException, ConfigException, IOException {
            RotationPolicy policy = policy(where.options());
            StoreContent.Entry e = where.open().content().entry(path);
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
                    state = (e.revoked ? "  current, revoked" : "  current") + ageText(DueRotation.age(path, v, policy), now);
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

    @Command(name = "rotate", mixinStandardHelpOptions = true,
            description = {"Replace an existing secret with a new version: from stdin/--from-file, or --generate.",
                    "--due: every secret past its cadence; with --generate the ones the store generated are replaced,",
                    "the ones put by hand are reported (their rotation needs the service that uses them), and",
                    "versions whose overlap has ended lose their value. Without --generate, --due only reports.",
                    "Running applications pick the new value up at their next refresh (store.refresh.interval)."},
            exitCodeListHeading = "%nExit status:%n",
            exitCodeList = {"0:done", "1:the store refused or failed", "2:bad usage",
                    "3:--due: overdue secrets are left that the store cannot rotate alone (listed)"})
    static final class Rotate extends Sub {
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
        int run() throws StoreException, ConfigException, IOException {
            if (due) {
                return rotateDue();
            }
            if (path == null) {
                throw new IllegalArgumentException("give a <path>, or --due");
            }
            String value = generate ? shape.generate() : readValue(fromFile, System.in);
            if (!generate) {
                warnIfWeak(path, value, where.options());
            }
            long overlapMs = overlap == null ? -1 : overlapMillis(overlap);
            FileStore s = where.open();
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

        private int rotateDue() throws StoreException, ConfigException, IOException {
            if (path != null || fromFile != null) {
                throw new IllegalArgumentException("--due rotates every overdue secret: give no <path> and no --from-file");
            }
            RotationPolicy policy = policy(where.options());
            long overlapMs = overlapMillis(overlap == null ? "1d" : overlap);
            FileStore s = where.open();
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
                            audit("revoke", o.path, Integer.toString(o.version), "file", "secret-agent store rotate --due");
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

    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = {"Revoke a secret: no version may be read any more; running applications drop it at their next refresh.",
                    "A later put or rotate makes it live again with a new version."})
    static final class Revoke extends Sub {
        @Parameters(index = "0", paramLabel = "<path>")
        String path;

        @Override
        int run() throws StoreException, ConfigException, IOException {
            FileStore s = where.open();
            boolean found = s.update(c -> c.revoke(path));
            if (!found) {
                throw new StoreException(StoreException.Reason.NOT_FOUND, "no secret '" + path + "'");
            }
            audit("revoke", path, null, "file");
            System.out.println(path + " revoked");
            return 0;
        }
    }

    @Command(name = "destroy", mixinStandardHelpOptions = true,
            description = {"Wipe a version's value for good (--version), or the whole secret with all versions (--all)."})
    static final class Destroy extends Sub {
        @Parameters(index = "0", paramLabel = "<path>")
        String path;
        @Option(names = "--version", paramLabel = "<n>")
        Integer version;
        @Option(names = "--all", description = "remove the secret and every version")
        boolean all;

        @Override
        int run() throws StoreException, ConfigException, IOException {
            if ((version == null) == !all) {
                throw new IllegalArgumentException("give either --version <n> or --all");
            }
            FileStore s = where.open();
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
}
