package dev.secretagent.runtime.secret;

/**
 * A store reference ({@code secret://file/prod/db/password}, {@code vault://...}, {@code dir://...}) names
 * where a secret lives; it is not the secret. It is never registered as a value (it would be masked in
 * output as if it were one, and its replacement by the fetched value would count as a rotation).
 */
public final class SecretReferences {
    private SecretReferences() {
    }

    public static boolean isReference(String value) {
        return value != null
                && (value.startsWith("secret://") || value.startsWith("vault://") || value.startsWith("dir://"));
    }
}
