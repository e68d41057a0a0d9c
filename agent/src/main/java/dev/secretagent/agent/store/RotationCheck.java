package dev.secretagent.agent.store;

import dev.secretagent.runtime.redact.Diagnostics;
import dev.secretagent.runtime.rotation.RotationPolicy;
import dev.secretagent.runtime.rotation.RotationWatch;
import dev.secretagent.runtime.rotation.SecretAge;

import java.util.ArrayList;
import java.util.List;

/**
 * The injected secrets' ages for {@link RotationWatch}: what {@code status} shows, and the daily
 * {@code rotation-due} records. Only secrets that are in the application count (an inactive binding has
 * no version to age).
 */
final class RotationCheck implements Runnable {
    static final long PERIOD_MS = RotationPolicy.DAY;

    private final List<Binding> bindings;
    private final RotationPolicy policy;

    RotationCheck(List<Binding> bindings, RotationPolicy policy) {
        this.bindings = bindings;
        this.policy = policy;
    }

    void install() {
        RotationWatch.setSource(this::ages);
    }

    List<SecretAge> ages() {
        List<SecretAge> out = new ArrayList<>();
        for (Binding b : bindings) {
            if (b.active) {
                out.add(SecretAge.of(b.secretId, b.version, b.ref.path(), b.ref.store(), b.created, b.value, policy));
            }
        }
        return out;
    }

    /** Never throws: it runs on the refresher's scheduler. */
    @Override
    public void run() {
        try {
            RotationWatch.check(ages(), System.currentTimeMillis());
        } catch (Throwable t) {
            // a periodic task that throws is never run again: keep the daily check alive
            Diagnostics.warn("rotation check failed: " + t.getClass().getName());
        }
    }
}
