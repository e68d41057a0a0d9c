package dev.secretagent.agent.config;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every option key the agent knows, with its default, its type and one line of help. This list is
 * the contract of docs/configuration.md (a test checks that the document names each key).
 */
public enum Option {
    CONFIG("config", Type.PATH, null, "YAML file with further options (and the policy/inject sections)", "/etc/secret-agent/app.yaml", Effect.NEUTRAL),
    SERVICE_NAME("service.name", Type.STRING, null, "name written as service.name in audit lines; default: the main class or jar", "orders-api", Effect.FLEET_DECIDES),
    MODE("mode", Type.enumOf("enforce", "audit", "dev"), "enforce", "enforce: redact and apply the policy; audit: redact, record would-be denials; dev: also report every leak", "dev", Effect.ordered("dev", "audit", "enforce")),
    REDACTION_ENABLED("redaction.enabled", Type.BOOLEAN, "true", "false switches redaction off (audit and policy stay); a fleet policy never lets an application do that", "false", Effect.TRUE_PROTECTS),
    AUDIT_ENABLED("audit.enabled", Type.BOOLEAN, "true", "false switches the audit trail off; a fleet policy never lets an application do that", "false", Effect.TRUE_PROTECTS),
    AUDIT_FILE("audit.file", Type.PATH, null, "file for audit JSON lines (mode 0600, size-rotated)", "/var/log/secret-agent/audit.jsonl", Effect.FLEET_DECIDES),
    AUDIT_STDERR("audit.stderr", Type.BOOLEAN, "false", "also write audit lines to stderr", "true", Effect.TRUE_PROTECTS),
    AUDIT_FAILURE("audit.failure", Type.enumOf("drop", "block"), "drop", "when the audit queue is full or the file unwritable: drop (count and report) or block the caller", "block", Effect.ordered("drop", "block")),
    AUDIT_QUEUE_SIZE("audit.queue.size", Type.POSITIVE_INT, "8192", "capacity of the asynchronous audit queue", "16384", Effect.HIGHER_PROTECTS),
    AUDIT_MAX_FILE_SIZE("audit.max.file.size", Type.SIZE, "10MB", "size at which the audit file rotates", "50MB", Effect.HIGHER_PROTECTS),
    AUDIT_MAX_FILES("audit.max.files", Type.POSITIVE_INT, "5", "rotated audit files kept", "10", Effect.HIGHER_PROTECTS),
    AUDIT_AGGREGATE_WINDOW("audit.aggregate.window", Type.DURATION, "1s", "identical events within this window become one line with a count", "5s", Effect.LOWER_PROTECTS),
    AUDIT_FINGERPRINT("audit.fingerprint", Type.BOOLEAN, "false", "add secret.fingerprint (HMAC-SHA256 with the installation key)", "true", Effect.TRUE_PROTECTS),
    FINGERPRINT_KEY_FILE("fingerprint.key.file", Type.PATH, null, "installation key for fingerprints; created (0600) when missing", "/etc/secret-agent/fingerprint.key", Effect.FLEET_DECIDES),
    LEAKS_REPORT("leaks.report", Type.PATH, null, "dev mode: where the leak report goes (.sarif suffix writes SARIF 2.1.0, else JSON)", "target/leaks.sarif", Effect.NEUTRAL),
    LEAKS_FAIL("leaks.fail", Type.BOOLEAN, "false", "dev mode: exit status 3 at shutdown when a leak was found", "true", Effect.TRUE_PROTECTS),
    STORE("store", Type.enumOf("none", "file", "vault", "dir"), "none", "secret store to inject from", "file", Effect.FLEET_DECIDES),
    STORE_PATH("store.path", Type.PATH, null, "file store: the encrypted store file; dir store: the directory", "/etc/secret-agent/secrets.store", Effect.FLEET_DECIDES),
    STORE_REFRESH_INTERVAL("store.refresh.interval", Type.DURATION, "5m", "how often injected secrets are re-read from the store", "30s", Effect.LOWER_PROTECTS),
    ON_STORE_FAILURE("on.store.failure", Type.enumOf("exit", "continue"), "exit", "a required secret that cannot be fetched at start: stop the JVM, or start degraded", "continue", Effect.ordered("continue", "exit")),
    MASTER_KEY_FILE("master.key.file", Type.PATH, null, "file store: key file (mode 0600); default: next to the store", "/etc/secret-agent/master.key", Effect.FLEET_DECIDES),
    MASTER_PASSPHRASE_FILE("master.passphrase.file", Type.PATH, null, "file store: file holding a passphrase (PBKDF2-HMAC-SHA256) instead of a key file", "/run/secrets/store-passphrase", Effect.FLEET_DECIDES),
    MASTER_PASSPHRASE_ENV("master.passphrase.env", Type.STRING, null, "file store: name of an environment variable holding the passphrase (never the passphrase itself)", "STORE_PASSPHRASE", Effect.FLEET_DECIDES),
    STORE_FILE_PATH("store.file.path", Type.PATH, null, "file store when it is not the default store (secret://file/... references)", "/etc/secret-agent/secrets.store", Effect.FLEET_DECIDES),
    ROTATION_CADENCE("rotation.cadence", Type.CADENCES, null, "maximum age of secrets by store path glob (the shortest matching rule wins; unmatched: 90d for passwords, API keys, tokens, secrets, 180d for signing keys)", "prod/db/*=30d;*signing*=180d", Effect.LIST_ADDS),
    STORE_DIR_PATH("store.dir.path", Type.PATH, null, "dir store when it is not the default store; default $CREDENTIALS_DIRECTORY, else /run/secrets", "/etc/secrets", Effect.FLEET_DECIDES),
    VAULT_ADDR("vault.addr", Type.STRING, null, "Vault/OpenBao address", "https://vault.internal:8200", Effect.FLEET_DECIDES),
    VAULT_NAMESPACE("vault.namespace", Type.STRING, null, "X-Vault-Namespace", "team-a", Effect.FLEET_DECIDES),
    VAULT_AUTH("vault.auth", Type.enumOf("token", "approle", "kubernetes"), "token", "Vault auth method", "approle", Effect.FLEET_DECIDES),
    VAULT_TOKEN_FILE("vault.token.file", Type.PATH, null, "file holding a Vault token", "/run/secrets/vault-token", Effect.FLEET_DECIDES),
    VAULT_CA_FILE("vault.ca.file", Type.PATH, null, "PEM CA bundle to trust for Vault", "/etc/ssl/vault-ca.pem", Effect.FLEET_DECIDES),
    VAULT_KV_MOUNT("vault.kv.mount", Type.STRING, "secret", "mount path of the KV version 2 engine", "kv", Effect.FLEET_DECIDES),
    VAULT_AUTH_MOUNT("vault.auth.mount", Type.STRING, null, "mount path of the auth method; default: its name (approle, kubernetes)", "k8s-prod", Effect.FLEET_DECIDES),
    VAULT_APPROLE_ROLE_ID("vault.approle.role.id", Type.STRING, null, "AppRole role_id (an identifier, not a secret)", "db-reader", Effect.FLEET_DECIDES),
    VAULT_APPROLE_SECRET_ID_FILE("vault.approle.secret.id.file", Type.PATH, null, "file holding the AppRole secret_id", "/run/secrets/approle-secret-id", Effect.FLEET_DECIDES),
    VAULT_KUBERNETES_ROLE("vault.kubernetes.role", Type.STRING, null, "Vault role for Kubernetes auth", "orders-api", Effect.FLEET_DECIDES),
    VAULT_KUBERNETES_JWT_FILE("vault.kubernetes.jwt.file", Type.PATH, "/var/run/secrets/kubernetes.io/serviceaccount/token", "service account token for Kubernetes auth", "/var/run/secrets/tokens/vault", Effect.FLEET_DECIDES),
    MIN_LENGTH("min.length", Type.POSITIVE_INT, "8", "values shorter than this are not redacted (a warning names the secret id)", "12", Effect.LOWER_PROTECTS),
    MASK("mask", Type.STRING, "[REDACTED:{id}]", "what replaces a secret; {id} is the secret id", "***", Effect.NEUTRAL),
    SECRET_NAMES("secret.names", Type.LIST, null, "glob patterns of env/property names that are secrets; replaces the built-in list", "*PASSWORD*;*_TOKEN", Effect.LIST_ELEMENTS_PROTECT),
    SECRET_NAMES_EXTRA("secret.names.extra", Type.LIST, null, "glob patterns added to the built-in list", "*_DSN", Effect.LIST_ADDS),
    SECRET_NAMES_EXCLUDE("secret.names.exclude", Type.LIST, null, "names (globs) that are never treated as secrets", "GPG_KEY_ID", Effect.LIST_ELEMENTS_WEAKEN),
    HEADERS("headers", Type.LIST, null, "extra sensitive header names whose values are redacted", "X-Session;X-Tenant-Key", Effect.LIST_ADDS),
    LOG_FILES("log.files", Type.LIST, "*.log;*.log.*;*access_log*;*access.log*;*.out", "files the last-line net redacts (globs on the file name, or on the absolute path when they hold '/'; '!glob' excludes; empty: console descriptors only); archives and the agent's own files never", "*.log;*.log.*;/var/log/app/*.txt;!*-data.log", Effect.GLOBS_WITH_EXCLUSIONS),
    DETECTORS("detectors", Type.LIST, "all", "credential-format detectors to run: all, none, or a list of families (aws, github, gitlab, slack, stripe, ...) and detector ids (github-pat); see docs/redaction.md", "aws;github;pem", Effect.DETECTOR_LIST),
    DETECTORS_CONFIG("detectors.config", Type.PATH, null, "a gitleaks-format .gitleaks.toml: its rules and allowlists apply to redaction (and to scan); without [extend] useDefault = true it replaces the built-in detectors", "/etc/secret-agent/gitleaks.toml", Effect.FLEET_ONLY),
    DENY_ACTION("deny.action", Type.enumOf("null", "throw"), "null", "what a denied read gets: null, or a SecurityException", "throw", Effect.NEUTRAL),
    INSTRUMENT_DISABLED("instrument.disabled", Type.LIST, null, "instrumented targets to leave alone (the names of the start-up line's instrumented=...; an unknown name is reported)", "okhttp;netty", Effect.LIST_ELEMENTS_WEAKEN),
    JDK_TOOLS("jdk.tools", Type.BOOLEAN, "false", "also start inside JDK tools (jcmd, jps, javac, ...) reached through JAVA_TOOL_OPTIONS", "true", Effect.TRUE_PROTECTS),
    FLEET_POLICY("fleet.policy", Type.PATH, null, "a security team's policy file (same format as config): the application's own settings may extend it, never weaken it (see docs/fleet-rollout.md)", "/etc/secret-agent/policy.yaml", Effect.FLEET_DECIDES),
    JMX("jmx", Type.BOOLEAN, "false", "register the dev.secretagent:type=Agent MBean shortly after start (default: only when the status command asks)", "true", Effect.NEUTRAL),
    DEBUG("debug", Type.BOOLEAN, "false", "diagnostics at debug level", "true", Effect.NEUTRAL),
    DIAGNOSTICS_FILE("diagnostics.file", Type.PATH, null, "the agent's own log; default stderr", "/var/log/secret-agent/agent.log", Effect.NEUTRAL),
    DIAGNOSTICS_LEVEL("diagnostics.level", Type.enumOf("error", "warn", "info", "debug"), null, "threshold of the agent's own log; default warn on stderr (so the app's console stays its own), info in diagnostics.file", "info", Effect.NEUTRAL);

    /** YAML sections that are structured (lists of maps) rather than one value. */
    public static final List<String> SECTIONS = Collections.unmodifiableList(Arrays.asList("policy", "inject"));

    private static final Map<String, Option> BY_KEY = new LinkedHashMap<>();

    static {
        for (Option o : values()) {
            BY_KEY.put(o.key, o);
        }
    }

    public final String key;
    public final Type type;
    public final String defaultValue;
    public final String help;
    public final String example;
    /** What the option does to protection: how a fleet policy merges another source's value over its own. */
    public final Effect effect;

    Option(String key, Type type, String defaultValue, String help, String example, Effect effect) {
        this.key = key;
        this.type = type;
        this.defaultValue = defaultValue;
        this.help = help;
        this.example = example;
        this.effect = effect;
    }

    public static Option byKey(String key) {
        return BY_KEY.get(key);
    }

    /** SECRETAGENT_SERVICE_NAME -> service.name, or null when no key maps to it. */
    public static Option byEnvironmentName(String envName) {
        for (Option o : values()) {
            if (o.environmentName().equals(envName)) {
                return o;
            }
        }
        return null;
    }

    public String environmentName() {
        return "SECRETAGENT_" + key.replace('.', '_').toUpperCase(Locale.ROOT);
    }

    public String systemPropertyName() {
        return "secretagent." + key;
    }
}
