package dev.secretagent.agent.store.vault;

import dev.secretagent.agent.json.Json;
import dev.secretagent.agent.store.spi.SecretStore;
import dev.secretagent.agent.store.spi.StoreException;
import dev.secretagent.agent.store.spi.StoreException.Reason;
import dev.secretagent.agent.store.spi.StoredSecret;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;

/**
 * HashiCorp Vault / OpenBao KV version 2 over HTTP(S) with the JDK's client. Paths are relative to
 * the KV mount ({@code vault.kv.mount}, default {@code secret}); {@code prod/db#password} reads the
 * {@code password} key of {@code prod/db} (without '#', a secret with one key, or its {@code value} key).
 *
 * <p>The token is {@link VaultAuth}'s, the HTTP calls {@link VaultHttp}'s, the trust {@link VaultTls}'s; this class
 * is the KV client.
 *
 * <p>A 404 is not always "missing": Vault answers 404 with the version's metadata when that version
 * is deleted or destroyed, and 403 for a denied path; each becomes its own reason.
 */
public final class VaultStore implements SecretStore {
    private final VaultConfig cfg;
    private final VaultAuth auth;

    public VaultStore(VaultConfig cfg) throws StoreException {
        if (cfg.addr == null || cfg.addr.isEmpty()) {
            throw new StoreException(Reason.CONFIG, "vault.addr is not set");
        }
        this.cfg = cfg;
        this.auth = new VaultAuth(cfg, new VaultHttp(cfg));
    }

    public VaultStore(Map<String, String> options) throws StoreException {
        this(new VaultConfig(options));
    }

    @Override
    public String kind() {
        return "vault";
    }

    @Override
    public String location() {
        return cfg.addr + (cfg.namespace != null ? " (namespace " + cfg.namespace + ")" : "") + ", mount " + cfg.kvMount;
    }

    @Override
    public void startBackground(ScheduledExecutorService scheduler) {
        auth.startBackground(scheduler);
    }

    @Override
    public StoredSecret read(String path, String version) throws StoreException {
        String field = null;
        String p = path;
        int hash = p.indexOf('#');
        if (hash >= 0) {
            field = p.substring(hash + 1);
            p = p.substring(0, hash);
        }
        String url = "/v1/" + cfg.kvMount + "/data/" + encodePath(p) + (version == null ? "" : "?version=" + version);
        VaultHttp.Response r = auth.call("GET", url, null, "read " + p);
        Map<String, Object> data = Json.map(r.body, "data");
        Map<String, Object> kv = Json.map(data, "data");
        Map<String, Object> meta = Json.map(data, "metadata");
        if (kv == null) {
            throw gone(p, meta);
        }
        Object value;
        if (field != null) {
            value = kv.get(field);
            if (value == null) {
                throw new StoreException(Reason.NOT_FOUND, "vault secret '" + p + "' has no key '" + field + "'");
            }
        } else if (kv.size() == 1) {
            value = kv.values().iterator().next();
        } else if (kv.containsKey("value")) {
            value = kv.get("value");
        } else {
            throw new StoreException(Reason.CONFIG, "vault secret '" + p + "' has keys " + kv.keySet()
                    + ": name one with '#key'");
        }
        String v = meta == null ? "?" : String.valueOf(Json.longOf(meta.get("version"), 0));
        long lease = Json.longOf(Json.get(r.body, "lease_duration"), 0) * 1000;
        return new StoredSecret(path, v, String.valueOf(value), lease, createdTime(meta));
    }

    /** KV v2 metadata's {@code created_time} (RFC 3339) in epoch ms; 0 when absent or unreadable. */
    static long createdTime(Map<String, Object> meta) {
        Object t = meta == null ? null : meta.get("created_time");
        if (!(t instanceof String) || ((String) t).isEmpty()) {
            return 0L;
        }
        try {
            return java.time.OffsetDateTime.parse((String) t).toInstant().toEpochMilli();
        } catch (java.time.DateTimeException e) {
            return 0L;
        }
    }

    /** Writes a new version (the CLI's put); returns the version number Vault gave it. */
    public String write(String path, Map<String, Object> data) throws StoreException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", data);
        VaultHttp.Response r = auth.call("POST", "/v1/" + cfg.kvMount + "/data/" + encodePath(path), Json.compact(body), "write " + path);
        return String.valueOf(Json.longOf(Json.get(Json.map(r.body, "data"), "version"), 0));
    }

    /** Keys under a folder (names ending in '/' are folders). */
    @SuppressWarnings("unchecked")
    public List<String> list(String folder) throws StoreException {
        String f = folder == null ? "" : folder;
        VaultHttp.Response r;
        try {
            r = auth.call("GET", "/v1/" + cfg.kvMount + "/metadata/" + encodePath(f) + "?list=true", null, "list " + f);
        } catch (StoreException e) {
            if (e.reason() == Reason.NOT_FOUND) {
                return Collections.emptyList();
            }
            throw e;
        }
        Object keys = Json.get(Json.map(r.body, "data"), "keys");
        List<String> out = new ArrayList<>();
        if (keys instanceof List) {
            for (Object k : (List<Object>) keys) {
                out.add(String.valueOf(k));
            }
        }
        return out;
    }

    private StoreException gone(String path, Map<String, Object> meta) {
        if (meta != null) {
            String version = String.valueOf(Json.longOf(meta.get("version"), 0));
            if (Boolean.TRUE.equals(meta.get("destroyed"))) {
                return new StoreException(Reason.DESTROYED, "vault secret '" + path + "' version " + version + " is destroyed");
            }
            Object deleted = meta.get("deletion_time");
            if (deleted instanceof String && !((String) deleted).isEmpty()) {
                return new StoreException(Reason.DELETED, "vault secret '" + path + "' version " + version
                        + " is deleted (since " + deleted + ")");
            }
        }
        return new StoreException(Reason.NOT_FOUND, "no vault secret '" + path + "' under mount " + cfg.kvMount);
    }

    private static String encodePath(String path) {
        StringBuilder sb = new StringBuilder();
        for (String seg : path.split("/")) {
            if (seg.isEmpty()) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append('/');
            }
            sb.append(URLEncoder.encode(seg, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return sb.toString();
    }

    @Override
    public void close() {
        auth.close();
    }
}
