package dev.secretagent.agent.store.vault;

import dev.secretagent.agent.json.Json;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import javax.net.ssl.SSLContext;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local HTTP server answering as the Vault / OpenBao HTTP API documentation says, for what the
 * agent uses: KV v2 read (with ?version=), write, soft delete, destroy and metadata list; AppRole and
 * Kubernetes login; token lookup-self and renew-self; error bodies {"errors":[...]}, 403 for a bad
 * token or a denied path, 404 with {"errors":[]} for a missing key and 404 with the version's
 * metadata for a deleted or destroyed version, 503 when sealed. Shapes copied from the API docs
 * (secrets/kv/kv-v2, auth/approle, auth/kubernetes, auth/token).
 *
 * <p>Plain HTTP by default; given an SSLContext (see {@link TestPki}) it serves HTTPS. Public, and
 * shipped in the agent's test jar, so the end-to-end tests can start it for a child JVM.
 */
public final class FakeVault implements AutoCloseable {
    final HttpServer server;
    final Map<String, Long> tokens = new ConcurrentHashMap<>();
    final List<String> requests = new CopyOnWriteArrayList<>();
    final List<String> namespaces = new CopyOnWriteArrayList<>();
    final AtomicInteger logins = new AtomicInteger();
    final AtomicInteger renewals = new AtomicInteger();
    volatile boolean sealed;
    volatile boolean renewFails;
    volatile long leaseSeconds = 3600;
    String roleId = "role-1";
    String secretId = "sid-" + UUID.randomUUID();
    String k8sRole = "orders";
    String k8sJwt = "jwt-" + UUID.randomUUID();
    /** path -> versions (index = version-1), each {data, created, deleted, destroyed} */
    final Map<String, List<Map<String, Object>>> kv = new TreeMap<>();

    private final boolean https;

    public FakeVault() throws IOException {
        this(null);
    }

    /** An HTTPS server presenting the certificate of tls (a server SSLContext); null: plain HTTP. */
    public FakeVault(SSLContext tls) throws IOException {
        InetSocketAddress local = new InetSocketAddress("127.0.0.1", 0);
        if (tls != null) {
            HttpsServer s = HttpsServer.create(local, 0);
            s.setHttpsConfigurator(new HttpsConfigurator(tls));
            server = s;
        } else {
            server = HttpServer.create(local, 0);
        }
        this.https = tls != null;
        server.createContext("/", this::handle);
        server.start();
    }

    public String addr() {
        return (https ? "https" : "http") + "://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Every request so far ("METHOD /path?query"), for assertions. */
    public List<String> requests() {
        return requests;
    }

    /**
     * Sets a version's {@code created_time} as a secret written long ago would have it (tests of rotation
     * cadences: no waiting). Vault itself never changes it.
     */
    public synchronized void backdate(String path, int version, Instant created) {
        kv.get(path).get(version - 1).put("created", created.toString());
    }

    public String newToken() {
        String t = "hvs." + UUID.randomUUID();
        tokens.put(t, leaseSeconds);
        return t;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange ex) throws IOException {
        try {
            String method = ex.getRequestMethod();
            URI uri = ex.getRequestURI();
            String path = uri.getPath();
            String query = uri.getQuery() == null ? "" : uri.getQuery();
            requests.add(method + " " + path + (query.isEmpty() ? "" : "?" + query));
            String ns = ex.getRequestHeaders().getFirst("X-Vault-Namespace");
            if (ns != null) {
                namespaces.add(ns);
            }
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (sealed) {
                send(ex, 503, "{\"errors\":[\"Vault is sealed\"]}");
                return;
            }
            if (path.equals("/v1/auth/approle/login") && method.equals("POST")) {
                Object b = Json.parse(body);
                if (!roleId.equals(Json.get(b, "role_id")) || !secretId.equals(Json.get(b, "secret_id"))) {
                    send(ex, 400, "{\"errors\":[\"invalid role or secret ID\"]}");
                    return;
                }
                logins.incrementAndGet();
                send(ex, 200, authBody(newToken(), "approle"));
                return;
            }
            if (path.equals("/v1/auth/kubernetes/login") && method.equals("POST")) {
                Object b = Json.parse(body);
                if (!k8sRole.equals(Json.get(b, "role")) || !k8sJwt.equals(Json.get(b, "jwt"))) {
                    send(ex, 403, "{\"errors\":[\"permission denied\"]}");
                    return;
                }
                logins.incrementAndGet();
                send(ex, 200, authBody(newToken(), "kubernetes"));
                return;
            }
            String token = ex.getRequestHeaders().getFirst("X-Vault-Token");
            if (token == null || !tokens.containsKey(token)) {
                send(ex, 403, "{\"errors\":[\"permission denied\"]}");
                return;
            }
            if (path.equals("/v1/auth/token/lookup-self") && method.equals("GET")) {
                send(ex, 200, "{\"request_id\":\"" + UUID.randomUUID() + "\",\"lease_id\":\"\",\"renewable\":false,"
                        + "\"lease_duration\":0,\"data\":{\"accessor\":\"acc\",\"creation_ttl\":" + tokens.get(token)
                        + ",\"display_name\":\"token\",\"explicit_max_ttl\":0,\"id\":\"" + token
                        + "\",\"num_uses\":0,\"orphan\":false,\"path\":\"auth/token/create\",\"policies\":[\"default\"],"
                        + "\"renewable\":true,\"ttl\":" + tokens.get(token) + ",\"type\":\"service\"},"
                        + "\"wrap_info\":null,\"warnings\":null,\"auth\":null}");
                return;
            }
            if (path.equals("/v1/auth/token/renew-self") && method.equals("POST")) {
                renewals.incrementAndGet();
                if (renewFails) {
                    send(ex, 400, "{\"errors\":[\"lease is not renewable\"]}");
                    return;
                }
                send(ex, 200, authBody(token, "token"));
                return;
            }
            if (path.startsWith("/v1/secret/data/forbidden") || path.startsWith("/v1/secret/metadata/forbidden")) {
                send(ex, 403, "{\"errors\":[\"1 error occurred:\\n\\t* permission denied\\n\\n\"]}");
                return;
            }
            if (path.startsWith("/v1/secret/data/")) {
                kvData(ex, method, path.substring("/v1/secret/data/".length()), query, body);
                return;
            }
            if (path.startsWith("/v1/secret/destroy/") && method.equals("POST")) {
                List<Map<String, Object>> vs = kv.get(path.substring("/v1/secret/destroy/".length()));
                for (Object n : (List<?>) Json.get(Json.parse(body), "versions")) {
                    Map<String, Object> v = vs.get((int) Json.longOf(n, 0) - 1);
                    v.put("destroyed", true);
                    v.put("data", null);
                }
                send(ex, 204, "");
                return;
            }
            if (path.startsWith("/v1/secret/metadata/") && query.contains("list=true")) {
                String prefix = path.substring("/v1/secret/metadata/".length());
                if (!prefix.isEmpty() && !prefix.endsWith("/")) {
                    prefix = prefix + "/";
                }
                List<String> keys = new ArrayList<>();
                for (String k : kv.keySet()) {
                    if (k.startsWith(prefix)) {
                        String rest = k.substring(prefix.length());
                        String key = rest.contains("/") ? rest.substring(0, rest.indexOf('/') + 1) : rest;
                        if (!keys.contains(key)) {
                            keys.add(key);
                        }
                    }
                }
                if (keys.isEmpty()) {
                    send(ex, 404, "{\"errors\":[]}");
                    return;
                }
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("keys", keys);
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("data", data);
                send(ex, 200, Json.compact(out));
                return;
            }
            send(ex, 404, "{\"errors\":[]}");
        } catch (RuntimeException e) {
            send(ex, 500, "{\"errors\":[\"" + e.getClass().getSimpleName() + "\"]}");
        }
    }

    @SuppressWarnings("unchecked")
    private synchronized void kvData(HttpExchange ex, String method, String p, String query, String body) throws IOException {
        List<Map<String, Object>> vs = kv.get(p);
        if (method.equals("POST") || method.equals("PUT")) {
            Map<String, Object> data = Json.map(Json.parse(body), "data");
            if (data == null) {
                send(ex, 400, "{\"errors\":[\"no data provided\"]}");
                return;
            }
            if (vs == null) {
                vs = new ArrayList<>();
                kv.put(p, vs);
            }
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("data", data);
            v.put("created", Instant.now().toString());
            v.put("deleted", "");
            v.put("destroyed", false);
            vs.add(v);
            send(ex, 200, "{\"request_id\":\"" + UUID.randomUUID() + "\",\"lease_id\":\"\",\"renewable\":false,"
                    + "\"lease_duration\":0,\"data\":{\"created_time\":\"" + v.get("created")
                    + "\",\"custom_metadata\":null,\"deletion_time\":\"\",\"destroyed\":false,\"version\":" + vs.size()
                    + "},\"wrap_info\":null,\"warnings\":null,\"auth\":null}");
            return;
        }
        if (method.equals("DELETE")) {
            if (vs != null) {
                vs.get(vs.size() - 1).put("deleted", Instant.now().toString());
            }
            send(ex, 204, "");
            return;
        }
        if (vs == null) {
            send(ex, 404, "{\"errors\":[]}");
            return;
        }
        int n = vs.size();
        if (query.startsWith("version=")) {
            n = Integer.parseInt(query.substring("version=".length()));
            if (n == 0) {
                n = vs.size();
            }
            if (n > vs.size()) {
                send(ex, 404, "{\"errors\":[]}");
                return;
            }
        }
        Map<String, Object> v = vs.get(n - 1);
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("created_time", v.get("created"));
        meta.put("custom_metadata", null);
        meta.put("deletion_time", v.get("deleted"));
        meta.put("destroyed", v.get("destroyed"));
        meta.put("version", n);
        boolean gone = !((String) v.get("deleted")).isEmpty() || Boolean.TRUE.equals(v.get("destroyed"));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("data", gone ? null : v.get("data"));
        data.put("metadata", meta);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("request_id", UUID.randomUUID().toString());
        out.put("lease_id", "");
        out.put("renewable", false);
        out.put("lease_duration", 0);
        out.put("data", data);
        out.put("wrap_info", null);
        out.put("warnings", null);
        out.put("auth", null);
        // KV v2 answers a deleted or destroyed version with 404 and its metadata
        send(ex, gone ? 404 : 200, Json.compact(out));
    }

    private String authBody(String token, String method) {
        return "{\"request_id\":\"" + UUID.randomUUID() + "\",\"lease_id\":\"\",\"renewable\":false,\"lease_duration\":0,"
                + "\"data\":null,\"wrap_info\":null,\"warnings\":null,\"auth\":{\"client_token\":\"" + token
                + "\",\"accessor\":\"acc-" + UUID.randomUUID() + "\",\"policies\":[\"default\"],\"token_policies\":[\"default\"],"
                + "\"metadata\":{\"role_name\":\"" + method + "\"},\"lease_duration\":" + leaseSeconds
                + ",\"renewable\":true,\"entity_id\":\"\",\"token_type\":\"service\",\"orphan\":true}}";
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, status == 204 ? -1 : b.length);
        if (status != 204) {
            try (OutputStream o = ex.getResponseBody()) {
                o.write(b);
            }
        }
        ex.close();
    }
}
