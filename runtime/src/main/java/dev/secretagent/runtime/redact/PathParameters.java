package dev.secretagent.runtime.redact;

/**
 * Path parameters of a URL, {@code /owners/11;jsessionid=v} and {@code /a;token=v/b}: a value behind a sensitive
 * name, ending where the path goes on ('/', '?', '#', ';'). Told apart from connection strings that also use ';'
 * ({@code jdbc:sqlserver://host;password=p/q}, whose password may hold a '/'): a path parameter follows a path
 * segment, i.e. the nearest '/' before its ';' is a single one, not the "//" of an authority.
 */
final class PathParameters {
    private PathParameters() {
    }

    /** Is the name whose keyword starts at {@code st} a path parameter (its whole name right after a ';')? */
    static boolean isPathParameter(CharSequence s, int from, int st) {
        int k = st;
        while (k > from && (RuleScanner.nameChar(s.charAt(k - 1)) || s.charAt(k - 1) == '.')) {
            k--;
        }
        if (k <= from || s.charAt(k - 1) != ';') {
            return false;
        }
        // back over the path segment (and any earlier parameters of it) to its '/'
        int limit = Math.max(from, k - 1 - 512);
        for (int i = k - 2; i >= limit; i--) {
            char c = s.charAt(i);
            if (c == '/') {
                return i == from || s.charAt(i - 1) != '/';
            }
            if (c <= ' ' || c == '"' || c == '\'' || c == '?' || c == '&' || c == '@' || c == ':') {
                return false;
            }
        }
        return false;
    }

    /** Does {@code c} end a path parameter's value? */
    static boolean ends(char c) {
        return c == '/' || c == '?' || c == '#' || c == ';';
    }
}
