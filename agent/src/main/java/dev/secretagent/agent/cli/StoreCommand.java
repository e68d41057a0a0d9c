package dev.secretagent.agent.cli;

import dev.secretagent.agent.config.AgentConfig;
import dev.secretagent.agent.config.ConfigException;
import dev.secretagent.agent.store.SecretRef;
import dev.secretagent.agent.store.StoreException;
import dev.secretagent.agent.store.Stores;
import dev.secretagent.agent.store.StoredSecret;
import dev.secretagent.agent.store.file.FileStore;
import dev.secretagent.agent.store.file.KeySource;
import dev.secretagent.agent.store.file.StoreContent;
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
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
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
                o.put("store.path", store.toString());
                o.remove("store.file.path");
            }
            if (keyFile != null) {
                o.put("master.key.file", keyFile.toString());
            }
            if (passphraseFile != null) {
                o.remove("master.key.file");
                o.put("master.passphrase.file", passphraseFile.toString());
            }
            if (passphraseEnv != null) {
                o.remove("master.key.file");
                o.remove("master.passphrase.file");
                o.put("master.passphrase.env", passphraseEnv);
            }
            // the audit writer (issue 6) reads its options from the installed settings
            Settings settings = new Settings(o, java.util.Collections.<String, List<Map<String, Object>>>emptyMap());
            Settings.install(settings);
            startAudit(settings);
            return o;
        }

        FileStore open() throws ConfigException, StoreException {
            Map<String, String> o = options();
            if (o.get("store.path") == null && o.get("store.file.path") == null) {
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
            boolean keyBased = o.get("master.passphrase.file") == null && o.get("master.passphrase.env") == null;
            if (keyBased) {
                Path key = o.get("master.key.file") != null ? Paths.get(o.get("master.key.file")) : FileStore.defaultKeyFile(s.file());
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
                    "With --vault: write to Vault KV v2 (path#key, default key 'value')."})
    static final class Put extends Sub {
        @Parameters(index = "0", paramLabel = "<path>", description = "secret path, e.g. prod/db/password")
        String path;
        @Option(names = "--from-file", paramLabel = "<file>", description = "read the value from this file instead of stdin")
        Path fromFile;
        @Option(names = "--vault", description = "write to Vault (vault.* options / SECRETAGENT_VAULT_*)")
        boolean vault;

        @Override
        int run() throws StoreException, ConfigException, IOException {
            String value = readValue(fromFile, System.in);
            if (vault) {
                SecretRef ref = SecretRef.parse("vault://" + path, "vault");
                Map<String, Object> data = new LinkedHashMap<>();
                data.put(ref.field() == null ? "value" : ref.field(), value);
                try (VaultStore v = new VaultStore(where.options())) {
                    String version = v.write(ref.path(), data);
                    audit("put", ref.path(), version, "vault");
                    System.out.println("vault " + ref.path() + " version " + version);
                }
                return 0;
            }
            FileStore s = where.open();
            int v = s.update(c -> c.put(path, value, System.currentTimeMillis()));
            audit("put", path, Integer.toString(v), "file");
            System.out.println(path + " version " + v);
            return 0;
        }
    }

    @Command(name = "generate", mixinStandardHelpOptions = true,
            description = {"Store a new random secret (SecureRandom). The value is not printed.",
                    "Default: 32 bytes = 256 bits (NIST SP 800-57 strength for symmetric keys), base64url."})
    static final class Generate extends Sub {
        @Parameters(index = "0", paramLabel = "<path>")
        String path;
        @Option(names = "--bytes", defaultValue = "32", description = "random bytes (at least 16 = 128 bits; default ${DEFAULT-VALUE})")
        int bytes;
        @Option(names = "--format", defaultValue = "base64url",
                description = "base64url (default), hex, or password (printable characters, same strength)")
        String format;

        @Override
        int run() throws StoreException, ConfigException, IOException {
            String value = generate(bytes, format);
            FileStore s = where.open();
            int v = s.update(c -> c.put(path, value, System.currentTimeMillis()));
            audit("generate", path, Integer.toString(v), "file");
            System.out.println(path + " version " + v + " (generated, " + (bytes * 8) + " bits)");
            return 0;
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PASSWORD_CHARS =
            "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789!#%+-.:=?@_~";

    static String generate(int bytes, String format) {
        if (bytes < 16) {
            throw new IllegalArgumentException("--bytes must be at least 16 (128 bits)");
        }
        switch (format) {
            case "base64url": {
                byte[] b = new byte[bytes];
                RANDOM.nextBytes(b);
                return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
            }
            case "hex": {
                byte[] b = new byte[bytes];
                RANDOM.nextBytes(b);
                StringBuilder sb = new StringBuilder();
                for (byte x : b) {
                    sb.append(String.format("%02x", x));
                }
                return sb.toString();
            }
            case "password": {
                // as many characters as it takes to carry bytes*8 bits of entropy
                int chars = (int) Math.ceil(bytes * 8 / (Math.log(PASSWORD_CHARS.length()) / Math.log(2)));
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < chars; i++) {
                    sb.append(PASSWORD_CHARS.charAt(RANDOM.nextInt(PASSWORD_CHARS.length())));
                }
                return sb.toString();
            }
            default:
                throw new IllegalArgumentException("--format must be base64url, hex or password");
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

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List secret paths with their current version and state.")
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
            for (Map.Entry<String, StoreContent.Entry> e : where.open().content().entries().entrySet()) {
                StoreContent.Version cur = e.getValue().current();
                System.out.println(e.getKey() + "  version " + (cur == null ? "-" : cur.number)
                        + (e.getValue().revoked ? "  REVOKED" : cur == null ? "  DESTROYED" : ""));
            }
            return 0;
        }
    }

    @Command(name = "versions", mixinStandardHelpOptions = true, description = "List every version of a secret (no values).")
    static final class Versions extends Sub {
        @Parameters(index = "0", paramLabel = "<path>")
        String path;

        @Override
        int run() throws StoreException, ConfigException, IOException {
            StoreContent.Entry e = where.open().content().entry(path);
            if (e == null) {
                throw new StoreException(StoreException.Reason.NOT_FOUND, "no secret '" + path + "'");
            }
            StoreContent.Version cur = e.current();
            for (StoreContent.Version v : e.versions) {
                System.out.println(v.number + "  " + Instant.ofEpochMilli(v.created)
                        + (v.destroyed ? "  destroyed" : v == cur ? (e.revoked ? "  current, revoked" : "  current") : ""));
            }
            return 0;
        }
    }

    @Command(name = "rotate", mixinStandardHelpOptions = true,
            description = {"Replace an existing secret with a new version: from stdin/--from-file, or --generate.",
                    "Running applications pick it up at their next refresh (store.refresh.interval)."})
    static final class Rotate extends Sub {
        @Parameters(index = "0", paramLabel = "<path>")
        String path;
        @Option(names = "--from-file", paramLabel = "<file>")
        Path fromFile;
        @Option(names = "--generate", description = "generate the new value (as 'generate' does)")
        boolean generate;
        @Option(names = "--bytes", defaultValue = "32")
        int bytes;
        @Option(names = "--format", defaultValue = "base64url")
        String format;

        @Override
        int run() throws StoreException, ConfigException, IOException {
            String value = generate ? StoreCommand.generate(bytes, format) : readValue(fromFile, System.in);
            FileStore s = where.open();
            int v = s.update(c -> {
                if (c.entry(path) == null) {
                    throw new StoreException(StoreException.Reason.NOT_FOUND, "no secret '" + path + "' to rotate (use put)");
                }
                return c.put(path, value, System.currentTimeMillis());
            });
            audit("rotate", path, Integer.toString(v), "file");
            System.out.println(path + " rotated to version " + v);
            return 0;
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
