package dev.secretagent.agent.store.vault;

import dev.secretagent.runtime.Keys;
import dev.secretagent.agent.store.spi.SecretStore;
import dev.secretagent.agent.store.spi.StoreException;
import dev.secretagent.agent.store.spi.StoreException.Reason;
import dev.secretagent.agent.store.spi.StoredSecret;
import dev.secretagent.runtime.redact.Diagnostics;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.security.KeyStore;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * HashiCorp Vault / OpenBao KV version 2 over HTTP(S) with the JDK's client. Paths are relative to
 * the KV mount ({@code vault.kv.mount}, default {@code secret}); {@code prod/db#password} reads the
 * {@code password} key of {@code prod/db} (without '#', a secret with one key, or its {@code value} key).
 *
 * <p>Auth: a token file, AppRole or Kubernetes. The token is renewed at two thirds of its lease;
 * when renewal fails, or a request is refused with a token we thought valid, a fresh login follows.
 *
 * <p>A 404 is not always "missing": Vault answers 404 with the version's metadata when that version
 * is deleted or destroyed, and 403 for a denied path; each becomes its own reason.
 */
public final class VaultStore implements SecretStore {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final VaultConfig cfg;
    private final HttpClient http;
    private final Object tokenLock = new Object();
    private volatile String token;
    private volatile long tokenExpiresAt = Long.MAX_VALUE;
    private volatile boolean renewable;
    private volatile long leaseSeconds;
    private volatile ScheduledExecutorService scheduler;
    private volatile ScheduledFuture<?> renewal;

    public VaultStore(VaultConfig cfg) throws StoreException {
        if (cfg.addr == null || cfg.addr.isEmpty()) {
            throw new StoreException(Reason.CONFIG, "vault.addr is not set");
        }
        this.cfg = cfg;
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER);
        if (cfg.caFile != null) {
            b.sslContext(sslContext(cfg.caFile));
        }
        this.http = b.build();
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

    /** The CA bundle named by vault.ca.file becomes the only trust anchor for Vault. */
    static SSLContext sslContext(String caFile) throws StoreException {
        try (InputStream in = Files.newInputStream(Paths.get(caFile))) {
            Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certs.isEmpty()) {
                throw new StoreException(Reason.CONFIG, "vault.ca.file " + caFile + " holds no certificate");
            }
            KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
            ks.load(null, null);
            int i = 0;
            for (Certificate c : certs) {
                ks.setCertificateEntry("ca-" + i++, c);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ks);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (StoreException e) {
            throw e;
        } catch (Exception e) {
            throw new StoreException(Reason.CONFIG, "vault.ca.file " + caFile + " unusable: " + e.getClass().getSimpleName()
                    + " " + e.getMessage());
        }
    }

    // ---------------------------------------------------------------- auth

    private String token() throws StoreException {
        synchronized (tokenLock) {
            if (token == null || System.currentTimeMillis() >= tokenExpiresAt) {
                login();
            }
            return token;
        }
    }

    /** A fresh token from the configured method; schedules its renewal at two thirds of its lease. */
    void login() throws StoreException {
        synchronized (tokenLock) {
            Map<String, Object> auth;
            switch (cfg.auth) {
                case "token":
                    token = readCredentialFile(cfg.tokenFile, Keys.VAULT_TOKEN_FILE.name);
                    Object self = call("GET", "/v1/auth/token/lookup-self", null, token, "token lookup-self").body;
                    Map<String, Object> d = Json.map(self, "data");
                    applyLease(Json.longOf(Json.get(d, "ttl"), 0), Boolean.TRUE.equals(Json.get(d, "renewable")));
                    return;
                case "approle": {
                    if (cfg.roleId == null) {
                        throw new StoreException(Reason.CONFIG, "vault.approle.role.id is not set");
                    }
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("role_id", cfg.roleId);
                    body.put("secret_id", readCredentialFile(cfg.secretIdFile, Keys.VAULT_APPROLE_SECRET_ID_FILE.name));
                    auth = loginCall(body);
                    break;
                }
                case "kubernetes": {
                    if (cfg.kubernetesRole == null) {
                        throw new StoreException(Reason.CONFIG, "vault.kubernetes.role is not set");
                    }
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("role", cfg.kubernetesRole);
                    body.put("jwt", readCredentialFile(cfg.kubernetesJwtFile, Keys.VAULT_KUBERNETES_JWT_FILE.name));
                    auth = loginCall(body);
                    break;
                }
                default:
                    throw new StoreException(Reason.CONFIG, "unknown vault.auth '" + cfg.auth + "'");
            }
            Object t = Json.get(auth, "client_token");
            if (!(t instanceof String)) {
                throw new StoreException(Reason.AUTH_FAILED, "vault " + cfg.auth + " login answered without a client_token");
            }
            token = (String) t;
            applyLease(Json.longOf(Json.get(auth, "lease_duration"), 0), Boolean.TRUE.equals(Json.get(auth, "renewable")));
        }
    }

    private Map<String, Object> loginCall(Map<String, Object> body) throws StoreException {
        Response r = call("POST", "/v1/auth/" + cfg.authMount + "/login", Json.write(body), null, cfg.auth + " login");
        Map<String, Object> auth = Json.map(r.body, "auth");
        if (auth == null) {
            throw new StoreException(Reason.AUTH_FAILED, "vault " + cfg.auth + " login answered without 'auth'");
        }
        return auth;
    }

    private void applyLease(long seconds, boolean canRenew) {
        leaseSeconds = seconds;
        renewable = canRenew;
        tokenExpiresAt = seconds > 0 ? System.currentTimeMillis() + seconds * 1000 : Long.MAX_VALUE;
        scheduleRenewal();
    }

    private void scheduleRenewal() {
        ScheduledExecutorService s = scheduler;
        ScheduledFuture<?> old = renewal;
        if (old != null) {
            old.cancel(false);
        }
        if (s == null || leaseSeconds <= 0) {
            return;
        }
        long delayMs = Math.max(1, leaseSeconds * 1000 * 2 / 3);
        renewal = s.schedule(renewTask(), delayMs, TimeUnit.MILLISECONDS);
    }

    /** A class, not a lambda: this may run before main (see AgentEntry). */
    private Runnable renewTask() {
        return new Runnable() {
            @Override
            public void run() {
                renewOrLogin();
            }
        };
    }

    /** At two thirds of the lease: renew-self; if Vault refuses (max TTL reached, token revoked), log in again. */
    void renewOrLogin() {
        synchronized (tokenLock) {
            try {
                if (renewable) {
                    Response r = call("POST", "/v1/auth/token/renew-self", "{}", token, "token renew-self");
                    Map<String, Object> auth = Json.map(r.body, "auth");
                    long lease = Json.longOf(Json.get(auth, "lease_duration"), 0);
                    if (auth != null && lease > 0) {
                        applyLease(lease, Boolean.TRUE.equals(Json.get(auth, "renewable")));
                        Diagnostics.debug("vault token renewed for " + lease + "s");
                        return;
                    }
                }
            } catch (StoreException e) {
                Diagnostics.info("vault token renewal failed (" + e.getMessage() + "); logging in again");
            }
            try {
                login();
            } catch (StoreException e) {
                Diagnostics.warn("vault login failed: " + e.getMessage() + "; retrying in 30s");
                ScheduledExecutorService s = scheduler;
                if (s != null) {
                    renewal = s.schedule(renewTask(), 30, TimeUnit.SECONDS);
                }
            }
        }
    }

    private static String readCredentialFile(String file, String option) throws StoreException {
        if (file == null) {
            throw new StoreException(Reason.CONFIG, option + " is not set");
        }
        try {
            String s = new String(Files.readAllBytes(Paths.get(file)), StandardCharsets.UTF_8).trim();
            if (s.isEmpty()) {
                throw new StoreException(Reason.CONFIG, option + " " + file + " is empty");
            }
            return s;
        } catch (IOException e) {
            throw new StoreException(Reason.CONFIG, "cannot read " + option + " " + file + ": " + e.getClass().getSimpleName());
        }
    }

    @Override
    public void startBackground(ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
        scheduleRenewal();
    }

    // ---------------------------------------------------------------- KV v2

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
        Response r = callWithRelogin("GET", url, null, "read " + p);
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
        Response r = callWithRelogin("POST", "/v1/" + cfg.kvMount + "/data/" + encodePath(path), Json.write(body), "write " + path);
        return String.valueOf(Json.longOf(Json.get(Json.map(r.body, "data"), "version"), 0));
    }

    /** Keys under a folder (names ending in '/' are folders). */
    @SuppressWarnings("unchecked")
    public List<String> list(String folder) throws StoreException {
        String f = folder == null ? "" : folder;
        Response r;
        try {
            r = callWithRelogin("GET", "/v1/" + cfg.kvMount + "/metadata/" + encodePath(f) + "?list=true", null, "list " + f);
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

    // ---------------------------------------------------------------- HTTP

    private static final class Response {
        final int status;
        final Object body;

        Response(int status, Object body) {
            this.status = status;
            this.body = body;
        }
    }

    /** One retry after a fresh login when Vault says 403 to a token we believed valid (revoked, expired early). */
    private Response callWithRelogin(String method, String path, String body, String what) throws StoreException {
        String t = token();
        try {
            return call(method, path, body, t, what);
        } catch (StoreException e) {
            if (e.reason() != Reason.DENIED) {
                throw e;
            }
            synchronized (tokenLock) {
                if (t.equals(token)) {
                    try {
                        login();
                    } catch (StoreException loginFailed) {
                        throw e;
                    }
                }
            }
            return call(method, path, body, token, what);
        }
    }

    private Response call(String method, String path, String body, String tok, String what) throws StoreException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(cfg.addr + path)).timeout(TIMEOUT)
                .header("Accept", "application/json");
        if (tok != null) {
            b.header("X-Vault-Token", tok);
        }
        if (cfg.namespace != null && !cfg.namespace.isEmpty()) {
            b.header("X-Vault-Namespace", cfg.namespace);
        }
        b.header("X-Vault-Request", "true");
        if (body != null) {
            b.header("Content-Type", "application/json");
            b.method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> resp;
        try {
            resp = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new StoreException(Reason.UNAVAILABLE, "cannot reach vault at " + cfg.addr + " (" + what + "): "
                    + tlsHint(e) + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException(Reason.UNAVAILABLE, "interrupted talking to vault (" + what + ")");
        }
        Object parsed = null;
        String text = resp.body();
        if (text != null && !text.trim().isEmpty()) {
            try {
                parsed = Json.parse(text);
            } catch (IOException e) {
                if (resp.statusCode() / 100 == 2) {
                    throw new StoreException(Reason.UNAVAILABLE, "vault answered " + what + " with malformed JSON");
                }
            }
        }
        int s = resp.statusCode();
        if (s / 100 == 2) {
            return new Response(s, parsed);
        }
        String errors = errors(parsed);
        String msg = "vault " + what + ": HTTP " + s + (errors.isEmpty() ? "" : " " + errors);
        switch (s) {
            case 404:
                // KV v2: a 404 with data.metadata is a deleted/destroyed version, not a missing key
                if (Json.map(Json.map(parsed, "data"), "metadata") != null) {
                    return new Response(s, parsed);
                }
                throw new StoreException(Reason.NOT_FOUND, msg);
            case 403:
                throw new StoreException(Reason.DENIED, msg + " (denied by policy, or the token is not valid)");
            case 400:
            case 401:
                throw new StoreException(path.contains("/auth/") ? Reason.AUTH_FAILED : Reason.CONFIG, msg);
            default:
                throw new StoreException(Reason.UNAVAILABLE, msg);
        }
    }

    /**
     * A refused server certificate is a configuration problem the operator must be told how to fix:
     * name vault.ca.file (unset: the JVM's default trust store was used; set: it does not hold the CA
     * that signed the server's certificate, or the certificate is not issued for the host in vault.addr).
     */
    private String tlsHint(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SSLHandshakeException || t instanceof CertificateException
                    || t instanceof CertPathValidatorException
                    || t instanceof CertPathBuilderException) {
                return cfg.caFile == null
                        ? "the server's TLS certificate is not trusted by the JVM's default trust store; set vault.ca.file"
                        + " to the PEM bundle of the CA that signed it; "
                        : "the server's TLS certificate is not trusted: vault.ca.file " + cfg.caFile + " does not hold the CA"
                        + " that signed it, or the certificate is not issued for the host in vault.addr; ";
            }
        }
        return "";
    }

    private static String errors(Object parsed) {
        Object e = Json.get(parsed, "errors");
        if (!(e instanceof List) || ((List<?>) e).isEmpty()) {
            return "";
        }
        String s = String.valueOf(e);
        return s.length() > 200 ? s.substring(0, 200) + "...]" : s;
    }

    @Override
    public void close() {
        ScheduledFuture<?> r = renewal;
        if (r != null) {
            r.cancel(false);
        }
    }
}
