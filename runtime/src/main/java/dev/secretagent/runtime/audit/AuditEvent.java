package dev.secretagent.runtime.audit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One audit record, before the writer adds what is the same for every line (@timestamp,
 * service.name, process.pid, host.hostname, user.name). Field names are the contract's ECS names.
 * Never put a secret value in here: ids, versions, fingerprints only.
 */
public final class AuditEvent {
    private final Map<String, Object> fields;

    private AuditEvent(Map<String, Object> fields) {
        this.fields = Collections.unmodifiableMap(fields);
    }

    /** {@code read}, {@code inject}, {@code rotate}, {@code revoke}, {@code redact}, {@code deny}, ... */
    public static Builder action(String action) {
        return new Builder(action);
    }

    public Map<String, Object> fields() {
        return fields;
    }

    public Object get(String name) {
        return fields.get(name);
    }

    public static final class Builder {
        private final Map<String, Object> f = new LinkedHashMap<String, Object>();

        Builder(String action) {
            f.put("event.action", action);
            f.put("event.outcome", "success");
        }

        public Builder success() {
            f.put("event.outcome", "success");
            return this;
        }

        public Builder failure(String reason) {
            f.put("event.outcome", "failure");
            f.put("event.reason", reason);
            return this;
        }

        public Builder secret(String id, String version) {
            f.put("secret.id", id);
            if (version != null) {
                f.put("secret.version", version);
            }
            return this;
        }

        public Builder fingerprint(String fingerprint) {
            if (fingerprint != null) {
                f.put("secret.fingerprint", fingerprint);
            }
            return this;
        }

        public Builder caller(String className, String method, int line, String location) {
            f.put("caller.class", className);
            f.put("caller.method", method);
            f.put("caller.line", Integer.valueOf(line));
            f.put("caller.location", location);
            return this;
        }

        public Builder channel(String channel) {
            f.put("log.channel", channel);
            return this;
        }

        /** Any further field (ECS name where ECS has one). Values: String, Number, Boolean, List of String. */
        public Builder field(String name, Object value) {
            if (value instanceof java.util.List) {
                value = Collections.unmodifiableList(new java.util.ArrayList<Object>((java.util.List<?>) value));
            }
            f.put(name, value);
            return this;
        }

        public AuditEvent build() {
            return new AuditEvent(new LinkedHashMap<String, Object>(f));
        }
    }
}
