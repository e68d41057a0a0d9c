package dev.secretagent.runtime.http;

import java.util.Locale;

/** Public view of the sensitive header names (defaults plus the {@code headers} option) for other doors. */
public final class HeaderNames {
    private HeaderNames() {
    }

    /** True when {@code name} (any case, '_' read as '-') is a sensitive header whose value is masked whole. */
    public static boolean isSensitive(String name) {
        if (name == null) {
            return false;
        }
        String low = name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (String n : SensitiveHeaders.names()) {
            if (n.equals(low)) {
                return true;
            }
        }
        return false;
    }

    /** The configured mask for a rule id (e.g. {@code header:authorization}). */
    public static String mask(String id) {
        return CookieDumps.mask(id);
    }
}
