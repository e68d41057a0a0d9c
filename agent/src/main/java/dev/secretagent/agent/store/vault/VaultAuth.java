package dev.secretagent.agent.store.vault;

import dev.secretagent.agent.json.Json;
import dev.secretagent.agent.store.spi.StoreException;
import dev.secretagent.agent.store.spi.StoreException.Reason;
import dev.secretagent.runtime.Keys;
import dev.secretagent.runtime.redact.Diagnostics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The Vault token: from a token file, AppRole or Kubernetes login; renewed at two thirds of its lease; a fresh login
 * when renewal fails, or when a request is refused with a token we believed valid.
 */
final class VaultAuth {
    private final VaultConfig cfg;
    private final VaultHttp http;
    private final Object tokenLock = new Object();
    private volatile String token;
    private volatile long tokenExpiresAt = Long.MAX_VALUE;
    private volatile boolean renewable;
    private volatile long leaseSeconds;
    private volatile ScheduledExecutorService scheduler;
    private volatile ScheduledFuture<?> renewal;

    VaultAuth(VaultConfig cfg, VaultHttp http) {
        this.cfg = cfg;
        this.http = http;
    }

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
                    Object self = http.call("GET", "/v1/auth/token/lookup-self", null, token, "token lookup-self").body;
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
        VaultHttp.Response r = http.call("POST", "/v1/auth/" + cfg.authMount + "/login", Json.compact(body), null, cfg.auth + " login");
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
                    VaultHttp.Response r = http.call("POST", "/v1/auth/token/renew-self", "{}", token, "token renew-self");
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

    /** Renewals run on the store's scheduler from now on. */
    void startBackground(ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
        scheduleRenewal();
    }

    /** One retry after a fresh login when Vault says 403 to a token we believed valid (revoked, expired early). */
    VaultHttp.Response call(String method, String path, String body, String what) throws StoreException {
        String t = token();
        try {
            return http.call(method, path, body, t, what);
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
            return http.call(method, path, body, token, what);
        }
    }

    void close() {
        ScheduledFuture<?> r = renewal;
        if (r != null) {
            r.cancel(false);
        }
    }
}
