package dev.secretagent.agent.store.vault;

import java.util.Map;

/** The vault.* options, read from the agent's settings map (or the CLI's environment). */
public final class VaultConfig {
    final String addr;
    final String namespace;
    final String auth;
    final String authMount;
    final String kvMount;
    final String tokenFile;
    final String caFile;
    final String roleId;
    final String secretIdFile;
    final String kubernetesRole;
    final String kubernetesJwtFile;

    public VaultConfig(Map<String, String> o) {
        this.addr = trimSlash(o.get("vault.addr"));
        this.namespace = o.get("vault.namespace");
        this.auth = o.getOrDefault("vault.auth", "token");
        this.authMount = o.getOrDefault("vault.auth.mount", auth);
        this.kvMount = trimSlash(o.getOrDefault("vault.kv.mount", "secret"));
        this.tokenFile = o.get("vault.token.file");
        this.caFile = o.get("vault.ca.file");
        this.roleId = o.get("vault.approle.role.id");
        this.secretIdFile = o.get("vault.approle.secret.id.file");
        this.kubernetesRole = o.get("vault.kubernetes.role");
        this.kubernetesJwtFile = o.getOrDefault("vault.kubernetes.jwt.file",
                "/var/run/secrets/kubernetes.io/serviceaccount/token");
    }

    private static String trimSlash(String s) {
        if (s == null) {
            return null;
        }
        String t = s.trim();
        while (t.endsWith("/")) {
            t = t.substring(0, t.length() - 1);
        }
        while (t.startsWith("/") && !t.contains("://")) {
            t = t.substring(1);
        }
        return t;
    }
}
