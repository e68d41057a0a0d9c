package dev.secretagent.runtime.access;

import java.util.Locale;

/** STUB of the zero-config rule: which environment/property names look secret (issue 6 makes it configurable). */
public final class SecretNames {
    private SecretNames() {
    }

    public static boolean looksSecret(String name) {
        if (name == null) {
            return false;
        }
        String n = name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
        return n.contains("PASSWORD") || n.contains("PASSWD") || n.contains("SECRET") || n.contains("TOKEN")
                || n.contains("API_KEY") || n.contains("APIKEY") || n.endsWith("_KEY") || n.contains("CREDENTIAL")
                || n.contains("PRIVATE_KEY");
    }
}
