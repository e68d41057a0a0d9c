package dev.secretagent.agent.config;

import dev.secretagent.runtime.Key;
import dev.secretagent.runtime.Keys;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every option key the agent knows: the runtime's typed key (name, value type, default, in {@link Keys}) with
 * how the agent validates it, one line of help, an example and its effect on protection. This list is the
 * contract of docs/configuration.md (a test checks that the document names each key).
 */
public enum Option {
    CONFIG(Keys.CONFIG, Type.PATH, "YAML file with further options (and the policy/inject sections)", "/etc/secret-agent/app.yaml", Effect.NEUTRAL),
    SERVICE_NAME(Keys.SERVICE_NAME, Type.STRING, "name written as service.name in audit lines; default: the main class or jar", "orders-api", Effect.FLEET_DECIDES),
    MODE(Keys.MODE, Type.enumOf("enforce", "audit", "dev"), "enforce: redact and apply the policy; audit: redact, record would-be denials; dev: also report every leak", "dev", Effect.ordered("dev", "audit", "enforce")),
    REDACTION_ENABLED(Keys.REDACTION_ENABLED, Type.BOOLEAN, "false switches redaction off (audit and policy stay); a fleet policy never lets an application do that", "false", Effect.TRUE_PROTECTS),
    AUDIT_ENABLED(Keys.AUDIT_ENABLED, Type.BOOLEAN, "false switches the audit trail off; a fleet policy never lets an application do that", "false", Effect.TRUE_PROTECTS),
    AUDIT_FILE(Keys.AUDIT_FILE, Type.PATH, "file for audit JSON lines (mode 0600, size-rotated)", "/var/log/secret-agent/audit.jsonl", Effect.FLEET_DECIDES),
    AUDIT_STDERR(Keys.AUDIT_STDERR, Type.BOOLEAN, "also write audit lines to stderr", "true", Effect.TRUE_PROTECTS),
    AUDIT_FAILURE(Keys.AUDIT_FAILURE, Type.enumOf("drop", "block"), "when the audit queue is full or the file unwritable: drop (count and report) or block the caller", "block", Effect.ordered("drop", "block")),
    AUDIT_QUEUE_SIZE(Keys.AUDIT_QUEUE_SIZE, Type.POSITIVE_INT, "capacity of the asynchronous audit queue", "16384", Effect.HIGHER_PROTECTS),
    AUDIT_MAX_FILE_SIZE(Keys.AUDIT_MAX_FILE_SIZE, Type.SIZE, "size at which the audit file rotates", "50MB", Effect.HIGHER_PROTECTS),
    AUDIT_MAX_FILES(Keys.AUDIT_MAX_FILES, Type.POSITIVE_INT, "rotated audit files kept", "10", Effect.HIGHER_PROTECTS),
    AUDIT_AGGREGATE_WINDOW(Keys.AUDIT_AGGREGATE_WINDOW, Type.DURATION, "identical events within this window become one line with a count", "5s", Effect.LOWER_PROTECTS),
    AUDIT_FINGERPRINT(Keys.AUDIT_FINGERPRINT, Type.BOOLEAN, "add secret.fingerprint (HMAC-SHA256 with the installation key)", "true", Effect.TRUE_PROTECTS),
    FINGERPRINT_KEY_FILE(Keys.FINGERPRINT_KEY_FILE, Type.PATH, "installation key for fingerprints; created (0600) when missing", "/etc/secret-agent/fingerprint.key", Effect.FLEET_DECIDES),
    LEAKS_REPORT(Keys.LEAKS_REPORT, Type.PATH, "dev mode: where the leak report goes (.sarif suffix writes SARIF 2.1.0, else JSON)", "target/leaks.sarif", Effect.NEUTRAL),
    LEAKS_FAIL(Keys.LEAKS_FAIL, Type.BOOLEAN, "dev mode: exit status 3 at shutdown when a leak was found", "true", Effect.TRUE_PROTECTS),
    STORE(Keys.STORE, Type.enumOf("none", "file", "vault", "dir"), "secret store to inject from", "file", Effect.FLEET_DECIDES),
    STORE_PATH(Keys.STORE_PATH, Type.PATH, "file store: the encrypted store file; dir store: the directory", "/etc/secret-agent/secrets.store", Effect.FLEET_DECIDES),
    STORE_REFRESH_INTERVAL(Keys.STORE_REFRESH_INTERVAL, Type.DURATION, "how often injected secrets are re-read from the store", "30s", Effect.LOWER_PROTECTS),
    ON_STORE_FAILURE(Keys.ON_STORE_FAILURE, Type.enumOf("exit", "continue"), "a required secret that cannot be fetched at start: stop the JVM, or start degraded", "continue", Effect.ordered("continue", "exit")),
    MASTER_KEY_FILE(Keys.MASTER_KEY_FILE, Type.PATH, "file store: key file (mode 0600); default: next to the store", "/etc/secret-agent/master.key", Effect.FLEET_DECIDES),
    MASTER_PASSPHRASE_FILE(Keys.MASTER_PASSPHRASE_FILE, Type.PATH, "file store: file holding a passphrase (PBKDF2-HMAC-SHA256) instead of a key file", "/run/secrets/store-passphrase", Effect.FLEET_DECIDES),
    MASTER_PASSPHRASE_ENV(Keys.MASTER_PASSPHRASE_ENV, Type.STRING, "file store: name of an environment variable holding the passphrase (never the passphrase itself)", "STORE_PASSPHRASE", Effect.FLEET_DECIDES),
    STORE_FILE_PATH(Keys.STORE_FILE_PATH, Type.PATH, "file store when it is not the default store (secret://file/... references)", "/etc/secret-agent/secrets.store", Effect.FLEET_DECIDES),
    ROTATION_CADENCE(Keys.ROTATION_CADENCE, Type.CADENCES, "maximum age of secrets by store path glob (the shortest matching rule wins; unmatched: 90d for passwords, API keys, tokens, secrets, 180d for signing keys)", "prod/db/*=30d;*signing*=180d", Effect.LIST_ADDS),
    STORE_DIR_PATH(Keys.STORE_DIR_PATH, Type.PATH, "dir store when it is not the default store; default $CREDENTIALS_DIRECTORY, else /run/secrets", "/etc/secrets", Effect.FLEET_DECIDES),
    VAULT_ADDR(Keys.VAULT_ADDR, Type.STRING, "Vault/OpenBao address", "https://vault.internal:8200", Effect.FLEET_DECIDES),
    VAULT_NAMESPACE(Keys.VAULT_NAMESPACE, Type.STRING, "X-Vault-Namespace", "team-a", Effect.FLEET_DECIDES),
    VAULT_AUTH(Keys.VAULT_AUTH, Type.enumOf("token", "approle", "kubernetes"), "Vault auth method", "approle", Effect.FLEET_DECIDES),
    VAULT_TOKEN_FILE(Keys.VAULT_TOKEN_FILE, Type.PATH, "file holding a Vault token", "/run/secrets/vault-token", Effect.FLEET_DECIDES),
    VAULT_CA_FILE(Keys.VAULT_CA_FILE, Type.PATH, "PEM CA bundle to trust for Vault", "/etc/ssl/vault-ca.pem", Effect.FLEET_DECIDES),
    VAULT_KV_MOUNT(Keys.VAULT_KV_MOUNT, Type.STRING, "mount path of the KV version 2 engine", "kv", Effect.FLEET_DECIDES),
    VAULT_AUTH_MOUNT(Keys.VAULT_AUTH_MOUNT, Type.STRING, "mount path of the auth method; default: its name (approle, kubernetes)", "k8s-prod", Effect.FLEET_DECIDES),
    VAULT_APPROLE_ROLE_ID(Keys.VAULT_APPROLE_ROLE_ID, Type.STRING, "AppRole role_id (an identifier, not a secret)", "db-reader", Effect.FLEET_DECIDES),
    VAULT_APPROLE_SECRET_ID_FILE(Keys.VAULT_APPROLE_SECRET_ID_FILE, Type.PATH, "file holding the AppRole secret_id", "/run/secrets/approle-secret-id", Effect.FLEET_DECIDES),
    VAULT_KUBERNETES_ROLE(Keys.VAULT_KUBERNETES_ROLE, Type.STRING, "Vault role for Kubernetes auth", "orders-api", Effect.FLEET_DECIDES),
    VAULT_KUBERNETES_JWT_FILE(Keys.VAULT_KUBERNETES_JWT_FILE, Type.PATH, "service account token for Kubernetes auth", "/var/run/secrets/tokens/vault", Effect.FLEET_DECIDES),
    MIN_LENGTH(Keys.MIN_LENGTH, Type.POSITIVE_INT, "values shorter than this are not redacted (a warning names the secret id)", "12", Effect.LOWER_PROTECTS),
    MASK(Keys.MASK, Type.STRING, "what replaces a secret; {id} is the secret id", "***", Effect.NEUTRAL),
    SECRET_NAMES(Keys.SECRET_NAMES, Type.LIST, "glob patterns of env/property names that are secrets; replaces the built-in list", "*PASSWORD*;*_TOKEN", Effect.LIST_ELEMENTS_PROTECT),
    SECRET_NAMES_EXTRA(Keys.SECRET_NAMES_EXTRA, Type.LIST, "glob patterns added to the built-in list", "*_DSN", Effect.LIST_ADDS),
    SECRET_NAMES_EXCLUDE(Keys.SECRET_NAMES_EXCLUDE, Type.LIST, "names (globs) that are never treated as secrets", "GPG_KEY_ID", Effect.LIST_ELEMENTS_WEAKEN),
    HEADERS(Keys.HEADERS, Type.LIST, "extra sensitive header names whose values are redacted", "X-Session;X-Tenant-Key", Effect.LIST_ADDS),
    LOG_FILES(Keys.LOG_FILES, Type.LIST, "files the last-line net redacts (globs on the file name, or on the absolute path when they hold '/'; '!glob' excludes; empty: console descriptors only); archives and the agent's own files never", "*.log;*.log.*;/var/log/app/*.txt;!*-data.log", Effect.GLOBS_WITH_EXCLUSIONS),
    DETECTORS(Keys.DETECTORS, Type.LIST, "credential-format detectors to run: all, none, or a list of families (aws, github, gitlab, slack, stripe, ...) and detector ids (github-pat); see docs/redaction.md", "aws;github;pem", Effect.DETECTOR_LIST),
    DETECTORS_CONFIG(Keys.DETECTORS_CONFIG, Type.PATH, "a gitleaks-format .gitleaks.toml: its rules and allowlists apply to redaction (and to scan); without [extend] useDefault = true it replaces the built-in detectors", "/etc/secret-agent/gitleaks.toml", Effect.FLEET_ONLY),
    DENY_ACTION(Keys.DENY_ACTION, Type.enumOf("null", "throw"), "what a denied read gets: null, or a SecurityException", "throw", Effect.NEUTRAL),
    INSTRUMENT_DISABLED(Keys.INSTRUMENT_DISABLED, Type.LIST, "instrumented targets to leave alone (the names of the start-up line's instrumented=..., or apachehttp for both Apache HttpClient targets; an unknown name is reported)", "okhttp;netty", Effect.LIST_ELEMENTS_WEAKEN),
    JDK_TOOLS(Keys.JDK_TOOLS, Type.BOOLEAN, "also start inside JDK tools (jcmd, jps, javac, ...) reached through JAVA_TOOL_OPTIONS", "true", Effect.TRUE_PROTECTS),
    FLEET_POLICY(Keys.FLEET_POLICY, Type.PATH, "a security team's policy file (same format as config): the application's own settings may extend it, never weaken it (see docs/fleet-rollout.md)", "/etc/secret-agent/policy.yaml", Effect.FLEET_DECIDES),
    JMX(Keys.JMX, Type.BOOLEAN, "register the dev.secretagent:type=Agent MBean shortly after start (default: only when the status command asks)", "true", Effect.NEUTRAL),
    DEBUG(Keys.DEBUG, Type.BOOLEAN, "diagnostics at debug level", "true", Effect.NEUTRAL),
    DIAGNOSTICS_FILE(Keys.DIAGNOSTICS_FILE, Type.PATH, "the agent's own log; default stderr", "/var/log/secret-agent/agent.log", Effect.NEUTRAL),
    DIAGNOSTICS_LEVEL(Keys.DIAGNOSTICS_LEVEL, Type.enumOf("error", "warn", "info", "debug"), "threshold of the agent's own log; default warn on stderr (so the app's console stays its own), info in diagnostics.file", "info", Effect.NEUTRAL);

    /** YAML sections that are structured (lists of maps) rather than one value. */
    public static final List<String> SECTIONS = Collections.unmodifiableList(Arrays.asList("policy", "inject"));

    private static final Map<String, Option> BY_KEY = new LinkedHashMap<>();

    static {
        for (Option o : values()) {
            BY_KEY.put(o.key, o);
        }
    }

    /** The runtime's typed key: name and default are stated there once. */
    public final Key<?> runtimeKey;
    public final String key;
    public final Type type;
    public final String defaultValue;
    public final String help;
    public final String example;
    /** What the option does to protection: how a fleet policy merges another source's value over its own. */
    public final Effect effect;

    Option(Key<?> runtimeKey, Type type, String help, String example, Effect effect) {
        this.runtimeKey = runtimeKey;
        this.key = runtimeKey.name;
        this.type = type;
        this.defaultValue = runtimeKey.defaultText;
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
