package dev.secretagent.runtime;

import java.util.List;

/**
 * Every option key with its type and its one default: the only place a key is spelled. The agent's {@code Option}
 * adds help, validation and the fleet effect to each; docs/configuration.md is checked against that list.
 */
public final class Keys {
    public static final Key<String> CONFIG = Key.text("config", null);
    public static final Key<String> SERVICE_NAME = Key.text("service.name", null);
    public static final Key<String> MODE = Key.text("mode", "enforce");
    public static final Key<Boolean> REDACTION_ENABLED = Key.flag("redaction.enabled", true);
    public static final Key<Boolean> AUDIT_ENABLED = Key.flag("audit.enabled", true);
    public static final Key<String> AUDIT_FILE = Key.text("audit.file", null);
    public static final Key<Boolean> AUDIT_STDERR = Key.flag("audit.stderr", false);
    public static final Key<String> AUDIT_FAILURE = Key.text("audit.failure", "drop");
    public static final Key<Integer> AUDIT_QUEUE_SIZE = Key.count("audit.queue.size", 8192);
    public static final Key<Long> AUDIT_MAX_FILE_SIZE = Key.bytes("audit.max.file.size", "10MB");
    public static final Key<Integer> AUDIT_MAX_FILES = Key.count("audit.max.files", 5);
    public static final Key<Long> AUDIT_AGGREGATE_WINDOW = Key.millis("audit.aggregate.window", "1s");
    public static final Key<Boolean> AUDIT_FINGERPRINT = Key.flag("audit.fingerprint", false);
    public static final Key<String> FINGERPRINT_KEY_FILE = Key.text("fingerprint.key.file", null);
    public static final Key<String> LEAKS_REPORT = Key.text("leaks.report", null);
    public static final Key<Boolean> LEAKS_FAIL = Key.flag("leaks.fail", false);
    public static final Key<String> STORE = Key.text("store", "none");
    public static final Key<String> STORE_PATH = Key.text("store.path", null);
    public static final Key<Long> STORE_REFRESH_INTERVAL = Key.millis("store.refresh.interval", "5m");
    public static final Key<String> ON_STORE_FAILURE = Key.text("on.store.failure", "exit");
    public static final Key<String> MASTER_KEY_FILE = Key.text("master.key.file", null);
    public static final Key<String> MASTER_PASSPHRASE_FILE = Key.text("master.passphrase.file", null);
    public static final Key<String> MASTER_PASSPHRASE_ENV = Key.text("master.passphrase.env", null);
    public static final Key<String> STORE_FILE_PATH = Key.text("store.file.path", null);
    public static final Key<String> ROTATION_CADENCE = Key.text("rotation.cadence", null);
    public static final Key<String> STORE_DIR_PATH = Key.text("store.dir.path", null);
    public static final Key<String> VAULT_ADDR = Key.text("vault.addr", null);
    public static final Key<String> VAULT_NAMESPACE = Key.text("vault.namespace", null);
    public static final Key<String> VAULT_AUTH = Key.text("vault.auth", "token");
    public static final Key<String> VAULT_TOKEN_FILE = Key.text("vault.token.file", null);
    public static final Key<String> VAULT_CA_FILE = Key.text("vault.ca.file", null);
    public static final Key<String> VAULT_KV_MOUNT = Key.text("vault.kv.mount", "secret");
    public static final Key<String> VAULT_AUTH_MOUNT = Key.text("vault.auth.mount", null);
    public static final Key<String> VAULT_APPROLE_ROLE_ID = Key.text("vault.approle.role.id", null);
    public static final Key<String> VAULT_APPROLE_SECRET_ID_FILE = Key.text("vault.approle.secret.id.file", null);
    public static final Key<String> VAULT_KUBERNETES_ROLE = Key.text("vault.kubernetes.role", null);
    public static final Key<String> VAULT_KUBERNETES_JWT_FILE =
            Key.text("vault.kubernetes.jwt.file", "/var/run/secrets/kubernetes.io/serviceaccount/token");
    public static final Key<Integer> MIN_LENGTH = Key.count("min.length", 8);
    public static final Key<String> MASK = Key.text("mask", "[REDACTED:{id}]");
    public static final Key<List<String>> SECRET_NAMES = Key.list("secret.names", null);
    public static final Key<List<String>> SECRET_NAMES_EXTRA = Key.list("secret.names.extra", null);
    public static final Key<List<String>> SECRET_NAMES_EXCLUDE = Key.list("secret.names.exclude", null);
    public static final Key<List<String>> HEADERS = Key.list("headers", null);
    public static final Key<List<String>> LOG_FILES = Key.list("log.files", "*.log;*.log.*;*access_log*;*access.log*;*.out");
    public static final Key<List<String>> DETECTORS = Key.list("detectors", "all");
    public static final Key<String> DETECTORS_CONFIG = Key.text("detectors.config", null);
    public static final Key<String> DENY_ACTION = Key.text("deny.action", "null");
    public static final Key<List<String>> INSTRUMENT_DISABLED = Key.list("instrument.disabled", null);
    public static final Key<Boolean> JDK_TOOLS = Key.flag("jdk.tools", false);
    public static final Key<String> FLEET_POLICY = Key.text("fleet.policy", null);
    public static final Key<Boolean> JMX = Key.flag("jmx", false);
    public static final Key<Boolean> DEBUG = Key.flag("debug", false);
    public static final Key<String> DIAGNOSTICS_FILE = Key.text("diagnostics.file", null);
    public static final Key<String> DIAGNOSTICS_LEVEL = Key.text("diagnostics.level", null);

    private Keys() {
    }
}
