package dev.secretagent.runtime.access;

/**
 * The static door the System.getenv/getProperty hooks call. STUB: passes values through; issue 6
 * adds audit, caller identity and the least-privilege policy behind the same signatures.
 */
public final class SecretAccess {
    private SecretAccess() {
    }

    /** Called with the value the JDK returned; returns what the caller gets (null when denied). */
    public static String onGetenv(String name, String value) {
        // injected from a store (issue 7): the overlay wins over the real environment
        String injected = dev.secretagent.runtime.secret.EnvironmentOverlay.lookup(name);
        if (injected != null) {
            return injected;
        }
        return value;
    }

    public static String onGetProperty(String key, String value) {
        return value;
    }
}
