package dev.secretagent.runtime.rotation;

/**
 * Where one secret stands in its rotation: ids and times only, never the value. {@code dueAt} is the
 * earlier of creation + cadence and, for a certificate, its {@code notAfter}; 0 when neither is known
 * (a store that does not date its versions and a secret with no cadence).
 */
public final class SecretAge {
    public final String id;
    public final String version;
    public final String path;
    public final String store;
    /** Epoch ms, 0 = unknown. */
    public final long created;
    public final long maxAgeMillis;
    public final String rule;
    public final long dueAt;
    /** {@code cadence} or {@code certificate notAfter}. */
    public final String basis;

    public SecretAge(String id, String version, String path, String store, long created, long maxAgeMillis,
                     String rule, long dueAt, String basis) {
        this.id = id;
        this.version = version;
        this.path = path;
        this.store = store;
        this.created = created;
        this.maxAgeMillis = maxAgeMillis;
        this.rule = rule;
        this.dueAt = dueAt;
        this.basis = basis;
    }

    /**
     * Ages a secret by the policy, and by its certificate's notAfter when the value is one (read here,
     * kept nowhere).
     */
    public static SecretAge of(String id, String version, String path, String store, long created, String value,
                               RotationPolicy policy) {
        RotationPolicy.Cadence c = policy.cadence(path, id);
        long due = created > 0 && c.maxAgeMillis > 0 ? created + c.maxAgeMillis : 0L;
        String basis = "cadence";
        String rule = c.rule;
        long notAfter = CertificateExpiry.notAfter(value);
        if (notAfter > 0 && (due == 0 || notAfter < due)) {
            due = notAfter;
            basis = "certificate notAfter";
            rule = "certificate notAfter";
        }
        return new SecretAge(id, version, path, store, created, c.maxAgeMillis, rule, due, basis);
    }

    public boolean overdue(long now) {
        return dueAt > 0 && now >= dueAt;
    }

    /** Whole days since creation, or -1 when unknown. */
    public long ageDays(long now) {
        return created > 0 ? Math.max(0, (now - created) / RotationPolicy.DAY) : -1;
    }
}
