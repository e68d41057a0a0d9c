package dev.secretagent.agent.store.vault;

import dev.secretagent.agent.json.Json;
import dev.secretagent.agent.store.spi.StoreException;
import dev.secretagent.agent.store.spi.StoreException.Reason;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * Vault's HTTP API with the JDK's client: the token and namespace headers, JSON bodies, and each refusal turned into
 * the store's reason (a 404 that carries KV metadata is a deleted or destroyed version, returned for the caller).
 */
final class VaultHttp {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final VaultConfig cfg;
    private final HttpClient http;

    VaultHttp(VaultConfig cfg) throws StoreException {
        this.cfg = cfg;
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER);
        if (cfg.caFile != null) {
            b.sslContext(VaultTls.sslContext(cfg.caFile));
        }
        this.http = b.build();
    }

    static final class Response {
        final int status;
        final Object body;

        Response(int status, Object body) {
            this.status = status;
            this.body = body;
        }
    }

    Response call(String method, String path, String body, String tok, String what) throws StoreException {
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
                    + VaultTls.hint(e, cfg.caFile) + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()));
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

    private static String errors(Object parsed) {
        Object e = Json.get(parsed, "errors");
        if (!(e instanceof List) || ((List<?>) e).isEmpty()) {
            return "";
        }
        String s = String.valueOf(e);
        return s.length() > 200 ? s.substring(0, 200) + "...]" : s;
    }
}
