package dev.secretagent.runtime.secret;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * Environment variables the agent injected from a store: what System.getenv shows the application
 * in place of (or in addition to) the real process environment, which never holds these values.
 * Immutable map swapped atomically; a non-injected name costs one hash lookup.
 */
public final class EnvironmentOverlay {
    private static volatile Map<String, String> values = Collections.emptyMap();
    /**
     * Names taken out of the application (revoked) whose real environment entry must not show through:
     * {@code DB_PASSWORD=secret://file/prod/db/password} would otherwise read as the reference again.
     */
    private static volatile java.util.Set<String> withdrawn = Collections.emptySet();

    private EnvironmentOverlay() {
    }

    /** The injected value, or null when the name was not injected. */
    public static String lookup(String name) {
        return name == null ? null : values.get(name);
    }

    public static Map<String, String> all() {
        return values;
    }

    /** True when the name was withdrawn: reads get null whatever the real environment holds. */
    public static boolean isWithdrawn(String name) {
        return name != null && !withdrawn.isEmpty() && withdrawn.contains(name);
    }

    /** The withdrawn names (immutable). */
    public static java.util.Set<String> withdrawnNames() {
        return withdrawn;
    }

    public static synchronized void put(String name, String value) {
        Map<String, String> next = new HashMap<String, String>(values);
        next.put(name, value);
        values = Collections.unmodifiableMap(next);
        if (withdrawn.contains(name)) {
            java.util.Set<String> w = new java.util.HashSet<String>(withdrawn);
            w.remove(name);
            withdrawn = Collections.unmodifiableSet(w);
        }
    }

    /** Takes an injected name out of the application: later reads return null (a later put brings it back). */
    public static synchronized void remove(String name) {
        Map<String, String> next = new HashMap<String, String>(values);
        next.remove(name);
        values = Collections.unmodifiableMap(next);
        java.util.Set<String> w = new java.util.HashSet<String>(withdrawn);
        w.add(name);
        withdrawn = Collections.unmodifiableSet(w);
    }
}
