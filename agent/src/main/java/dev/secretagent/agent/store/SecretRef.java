package dev.secretagent.agent.store;

import java.util.Locale;

/**
 * A reference to a secret in a store, as written in the {@code inject} section or in an
 * environment value: {@code secret://file/prod/db/password}, {@code vault://prod/db#password},
 * {@code dir://db-password}, {@code secret://vault/prod/db?version=3#password}, or a bare path
 * ({@code prod/db/password}) meaning the default store.
 */
public final class SecretRef {
    private final String store;
    private final String path;
    private final String version;
    private final String field;

    private SecretRef(String store, String path, String version, String field) {
        this.store = store;
        this.path = path;
        this.version = version;
        this.field = field;
    }

    /** True when an environment value is a reference the agent resolves. */
    public static boolean isReference(String value) {
        return dev.secretagent.runtime.secret.SecretReferences.isReference(value);
    }

    public static SecretRef parse(String text, String defaultStore) {
        if (text == null || text.trim().isEmpty()) {
            throw new IllegalArgumentException("empty secret reference");
        }
        String t = text.trim();
        String store;
        String rest;
        if (t.startsWith("secret://")) {
            rest = t.substring("secret://".length());
            int slash = rest.indexOf('/');
            if (slash <= 0) {
                throw new IllegalArgumentException("expected secret://<store>/<path>, got '" + t + "'");
            }
            store = rest.substring(0, slash).toLowerCase(Locale.ROOT);
            rest = rest.substring(slash + 1);
        } else if (t.startsWith("vault://")) {
            store = "vault";
            rest = t.substring("vault://".length());
        } else if (t.startsWith("dir://")) {
            store = "dir";
            rest = t.substring("dir://".length());
        } else if (t.contains("://")) {
            throw new IllegalArgumentException("unknown secret reference scheme in '" + t
                    + "' (use secret://<store>/..., vault://..., dir://...)");
        } else {
            store = defaultStore;
            rest = t;
        }
        if (!store.equals("file") && !store.equals("vault") && !store.equals("dir")) {
            throw new IllegalArgumentException("unknown store '" + store + "' in '" + t + "' (file, vault, dir)");
        }
        String field = null;
        int hash = rest.indexOf('#');
        if (hash >= 0) {
            field = rest.substring(hash + 1);
            rest = rest.substring(0, hash);
        }
        String version = null;
        int q = rest.indexOf('?');
        if (q >= 0) {
            String query = rest.substring(q + 1);
            rest = rest.substring(0, q);
            for (String kv : query.split("&")) {
                if (kv.startsWith("version=")) {
                    version = kv.substring("version=".length());
                    if (!version.matches("\\d+")) {
                        throw new IllegalArgumentException("version must be a number in '" + t + "'");
                    }
                } else if (!kv.isEmpty()) {
                    throw new IllegalArgumentException("unknown parameter '" + kv + "' in '" + t + "' (only version=)");
                }
            }
        }
        while (rest.startsWith("/")) {
            rest = rest.substring(1);
        }
        if (rest.isEmpty()) {
            throw new IllegalArgumentException("no secret path in '" + t + "'");
        }
        return new SecretRef(store, rest, version, field == null || field.isEmpty() ? null : field);
    }

    public String store() {
        return store;
    }

    public String path() {
        return path;
    }

    /** Pinned version, or null for the current one. */
    public String version() {
        return version;
    }

    /** Vault: the key inside the secret's data; null when the secret has one key (or a {@code value} key). */
    public String field() {
        return field;
    }

    /** The path as the store reads it: vault keeps the field after '#'. */
    public String storePath() {
        return field == null ? path : path + "#" + field;
    }

    @Override
    public String toString() {
        return store + ":" + storePath() + (version == null ? "" : "?version=" + version);
    }
}
