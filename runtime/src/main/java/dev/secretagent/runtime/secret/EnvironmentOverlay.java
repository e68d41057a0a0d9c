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

    private EnvironmentOverlay() {
    }

    /** The injected value, or null when the name was not injected. */
    public static String lookup(String name) {
        return name == null ? null : values.get(name);
    }

    public static Map<String, String> all() {
        return values;
    }

    public static synchronized void put(String name, String value) {
        Map<String, String> next = new HashMap<String, String>(values);
        next.put(name, value);
        values = Collections.unmodifiableMap(next);
    }

    public static synchronized void remove(String name) {
        Map<String, String> next = new HashMap<String, String>(values);
        next.remove(name);
        values = Collections.unmodifiableMap(next);
    }
}
