package dev.secretagent.runtime.rotation;

import dev.secretagent.runtime.audit.Audit;
import dev.secretagent.runtime.audit.AuditEvent;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Tells when injected secrets are due for rotation: {@code rotation-due} audit records (at start and once
 * a day, by the agent's refresher) and the figures {@code status} shows (oldest secret, how many overdue).
 * The agent registers where the current ages come from; this class decides and writes.
 */
public final class RotationWatch {
    /** A secret due within this window gets a {@code success} record ahead of time; once overdue, {@code failure}. */
    public static final long WARN_AHEAD = 7 * RotationPolicy.DAY;

    private static volatile Callable<List<SecretAge>> source;

    private RotationWatch() {
    }

    public static void setSource(Callable<List<SecretAge>> ages) {
        source = ages;
    }

    /** The current ages; empty when nothing is injected (or on any internal error). */
    public static List<SecretAge> ages() {
        Callable<List<SecretAge>> s = source;
        if (s == null) {
            return Collections.emptyList();
        }
        try {
            List<SecretAge> a = s.call();
            return a == null ? Collections.<SecretAge>emptyList() : a;
        } catch (Throwable t) {
            return Collections.emptyList();
        }
    }

    /** Writes one {@code rotation-due} record for each secret due within {@link #WARN_AHEAD} or overdue; returns how many. */
    public static int check(List<SecretAge> ages, long now) {
        int n = 0;
        for (SecretAge a : ages) {
            if (a.dueAt <= 0 || a.dueAt - WARN_AHEAD > now) {
                continue;
            }
            AuditEvent.Builder b = AuditEvent.action("rotation-due").secret(a.id, a.version)
                    .field("secret.store", a.store)
                    .field("secret.path", a.path)
                    .field("secret.rotation.due", Instant.ofEpochMilli(a.dueAt).toString())
                    .field("secret.rotation.rule", a.rule);
            if (a.created > 0) {
                b.field("secret.created", Instant.ofEpochMilli(a.created).toString());
                b.field("secret.age.days", a.ageDays(now));
            }
            if (a.overdue(now)) {
                b.failure("overdue by " + ((now - a.dueAt) / RotationPolicy.DAY) + " day(s) ("
                        + a.basis + ")");
            } else {
                b.success();
            }
            Audit.record(b.build());
            n++;
        }
        return n;
    }

    /** The oldest dated secret, or null. */
    public static SecretAge oldest(List<SecretAge> ages) {
        SecretAge o = null;
        for (SecretAge a : ages) {
            if (a.created > 0 && (o == null || a.created < o.created)) {
                o = a;
            }
        }
        return o;
    }

    public static int overdue(List<SecretAge> ages, long now) {
        int n = 0;
        for (SecretAge a : ages) {
            if (a.overdue(now)) {
                n++;
            }
        }
        return n;
    }
}
