package dev.secretagent.runtime.door.jdk;

import dev.secretagent.runtime.AccessGuard;
import dev.secretagent.runtime.access.SecretNames;
import dev.secretagent.runtime.secret.Secret;
import dev.secretagent.runtime.secret.SecretRegistry;

/**
 * The zero-config rule applied at run time: a system property with a secret-looking name that the
 * application sets (or changes) after start is a known secret from that moment, and the value it
 * replaces stays redacted (the registry keeps retired values). Registration happens inside
 * System.setProperty, before it returns, so no thread can read the new value before it is redactable.
 */
public final class SecretProperties {
    private SecretProperties() {
    }

    /**
     * Called as System.setProperty(key, value) returns {@code previous} (the property is set by then, so the new
     * value is read from the table, not through System.getProperty and its audit). Returns {@code previous}.
     */
    public static String afterSetProperty(String key, String previous) {
        if (!SecretNames.isSecret(key)) {
            return previous;
        }
        // our own read of the table is not an access by the application: no audit line, no policy decision
        AccessGuard.enter();
        try {
            onSetProperty(key, System.getProperties().getProperty(key));
        } catch (Throwable agentBug) {
            // never break the application's call
        } finally {
            AccessGuard.exit();
        }
        return previous;
    }

    public static void onSetProperty(String key, String value) {
        if (value == null || value.isEmpty() || !SecretNames.isSecret(key)) {
            return;
        }
        Secret live = SecretRegistry.snapshot().live(key);
        if (live != null && live.value().equals(value)) {
            return;
        }
        String version = live == null ? "1" : nextVersion(live.version());
        SecretRegistry.put(new Secret(key, version, value, "sysprop"));
    }

    private static String nextVersion(String v) {
        try {
            return Long.toString(Long.parseLong(v) + 1);
        } catch (NumberFormatException e) {
            return v + "+1";
        }
    }
}
