package dev.secretagent.agent.store.vault;

import dev.secretagent.runtime.Keys;
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
        this.addr = trimSlash(Keys.VAULT_ADDR.in(o));
        this.namespace = Keys.VAULT_NAMESPACE.in(o);
        this.auth = Keys.VAULT_AUTH.in(o);
        String mount = Keys.VAULT_AUTH_MOUNT.in(o);
        this.authMount = mount == null ? auth : mount; // default: the method's own name
        this.kvMount = trimSlash(Keys.VAULT_KV_MOUNT.in(o));
        this.tokenFile = Keys.VAULT_TOKEN_FILE.in(o);
        this.caFile = Keys.VAULT_CA_FILE.in(o);
        this.roleId = Keys.VAULT_APPROLE_ROLE_ID.in(o);
        this.secretIdFile = Keys.VAULT_APPROLE_SECRET_ID_FILE.in(o);
        this.kubernetesRole = Keys.VAULT_KUBERNETES_ROLE.in(o);
        this.kubernetesJwtFile = Keys.VAULT_KUBERNETES_JWT_FILE.in(o);
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
