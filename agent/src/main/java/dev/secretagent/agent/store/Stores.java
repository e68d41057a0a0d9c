package dev.secretagent.agent.store;

import dev.secretagent.agent.store.spi.StoreException;
import dev.secretagent.agent.store.spi.SecretStore;
import dev.secretagent.runtime.Keys;
import dev.secretagent.agent.store.spi.StoreException.Reason;
import dev.secretagent.agent.store.dir.DirStore;
import dev.secretagent.agent.store.file.FileStore;
import dev.secretagent.agent.store.file.KeySource;
import dev.secretagent.agent.store.vault.VaultStore;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Opens the stores the configuration names, each once, on first use. {@code store} is the default
 * for bare paths; {@code store.path} belongs to it. A reference to another kind uses that kind's own
 * key ({@code store.file.path}, {@code store.dir.path}, {@code vault.*}).
 */
public final class Stores implements AutoCloseable {
    private final Map<String, String> options;
    private final Map<String, String> environment;
    private final Map<String, SecretStore> open = new LinkedHashMap<>();

    public Stores(Map<String, String> options, Map<String, String> environment) {
        this.options = options;
        this.environment = environment;
    }

    public String defaultKind() {
        String s = Keys.STORE.in(options);
        return s.equals("none") ? "file" : s;
    }

    public synchronized SecretStore get(String kind) throws StoreException {
        SecretStore s = open.get(kind);
        if (s == null) {
            s = create(kind);
            open.put(kind, s);
        }
        return s;
    }

    private SecretStore create(String kind) throws StoreException {
        switch (kind) {
            case "file":
                return openFileStore(options, environment);
            case "dir": {
                String p = dirPath();
                return new DirStore(p != null ? Paths.get(p) : DirStore.defaultDirectory());
            }
            case "vault":
                return new VaultStore(options);
            default:
                throw new StoreException(Reason.CONFIG, "unknown store '" + kind + "'");
        }
    }

    private String dirPath() {
        String own = Keys.STORE_DIR_PATH.in(options);
        if (own != null) {
            return own;
        }
        return "dir".equals(Keys.STORE.in(options)) ? Keys.STORE_PATH.in(options) : null;
    }

    /** The file store with its key source, as the options say (shared with the command line). */
    public static FileStore openFileStore(Map<String, String> options, Map<String, String> environment)
            throws StoreException {
        String p = Keys.STORE_FILE_PATH.in(options);
        String kind = Keys.STORE.in(options);
        if (p == null && ("file".equals(kind) || "none".equals(kind))) {
            p = Keys.STORE_PATH.in(options);
        }
        if (p == null) {
            throw new StoreException(Reason.CONFIG, "no file store configured (store.path with store=file, or store.file.path)");
        }
        Path store = Paths.get(p);
        return new FileStore(store, keySource(options, environment, store));
    }

    /** master.key.file, else master.passphrase.file, else master.passphrase.env, else the key file next to the store. */
    public static KeySource keySource(Map<String, String> options, Map<String, String> environment, Path store)
            throws StoreException {
        String keyFile = Keys.MASTER_KEY_FILE.in(options);
        if (keyFile != null) {
            return KeySource.keyFile(Paths.get(keyFile));
        }
        String passFile = Keys.MASTER_PASSPHRASE_FILE.in(options);
        if (passFile != null) {
            try {
                String s = new String(Files.readAllBytes(Paths.get(passFile)), StandardCharsets.UTF_8);
                return KeySource.passphrase(stripNewline(s).toCharArray(), "master.passphrase.file " + passFile);
            } catch (IOException e) {
                throw new StoreException(Reason.CONFIG, "cannot read master.passphrase.file " + passFile + ": "
                        + e.getClass().getSimpleName());
            }
        }
        String passEnv = Keys.MASTER_PASSPHRASE_ENV.in(options);
        if (passEnv != null) {
            String s = environment.get(passEnv);
            if (s == null || s.isEmpty()) {
                throw new StoreException(Reason.CONFIG, "master.passphrase.env names " + passEnv + ", which is not set");
            }
            return KeySource.passphrase(s.toCharArray(), "environment variable " + passEnv);
        }
        return KeySource.keyFile(FileStore.defaultKeyFile(store));
    }

    static String stripNewline(String s) {
        return s.endsWith("\r\n") ? s.substring(0, s.length() - 2) : s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
    }

    @Override
    public synchronized void close() {
        for (SecretStore s : open.values()) {
            s.close();
        }
    }
}
