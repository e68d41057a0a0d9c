package dev.secretagent.agent.cli.store;

import dev.secretagent.agent.config.AgentConfig;
import dev.secretagent.agent.config.ConfigException;
import dev.secretagent.agent.store.Stores;
import dev.secretagent.agent.store.file.FileStore;
import dev.secretagent.agent.store.spi.StoreException;
import dev.secretagent.runtime.Keys;
import dev.secretagent.runtime.Settings;
import dev.secretagent.runtime.audit.Audit;
import dev.secretagent.runtime.audit.AuditEvent;

import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** Where the store is and how it is unlocked; defaults from the agent's own options (SECRETAGENT_*). */
public final class StoreOptions {
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

    /** The agent's options (properties, environment, config file) with this command's flags over them. Only reads. */
    public Map<String, String> options() throws ConfigException {
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
        return o;
    }

    /**
     * The command's own reads of values (get --reveal, redact --store) go on the record like an application's: the
     * options become the installed settings (the audit writer reads its own there: audit.file /
     * SECRETAGENT_AUDIT_FILE, ...) and the writer starts, once per command; {@link #flushAudit} writes what is
     * queued before the command exits. Returns the options.
     */
    public Map<String, String> startAudit() throws ConfigException {
        Map<String, String> o = options();
        Settings settings = new Settings(o, Collections.<String, List<Map<String, Object>>>emptyMap());
        Settings.install(settings);
        startWriter(settings);
        return o;
    }

    /** The file store these options name. */
    public FileStore open(Map<String, String> o) throws StoreException {
        if (Keys.STORE_PATH.in(o) == null && Keys.STORE_FILE_PATH.in(o) == null) {
            throw new StoreException(StoreException.Reason.CONFIG,
                    "no store file: give --store <file> or set SECRETAGENT_STORE_PATH");
        }
        return Stores.openFileStore(o, System.getenv());
    }

    /** Whether the given --store (the file) was named on the command line. */
    public boolean storeGiven() {
        return store != null;
    }

    private static boolean auditStarted;

    private static synchronized void startWriter(Settings settings) {
        if (!auditStarted) {
            auditStarted = true;
            Audit.start(settings, System.err);
        }
    }

    /** One audit line for a command's own access to a secret; {@code command} stands where a caller class would. */
    public static void audit(String action, String path, String version, String kind, String command) {
        Audit.record(AuditEvent.action(action).secret(path, version).field("secret.store", kind)
                .field("secret.path", path).field("caller.class", command).build());
    }

    public static void flushAudit() {
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
