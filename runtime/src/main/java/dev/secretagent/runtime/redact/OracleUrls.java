package dev.secretagent.runtime.redact;

/**
 * Oracle's JDBC URLs carry the password with no "://" and no name before it:
 * {@code jdbc:oracle:thin:scott/PASSWORD@//host:1521/SVC}, {@code jdbc:oracle:thin:scott/PASSWORD@host:1521:SID},
 * {@code jdbc:oracle:oci:scott/PASSWORD@tns}. The password goes (quoted or not), user and host stay. Triggered by
 * {@code oracle:thin:} / {@code oracle:oci:}, found from their last ':' like any name.
 */
final class OracleUrls {
    static final String[] NAMES = {"oracle:thin:", "oracle:oci:"};
    /** Longest user/password looked at. */
    private static final int MAX = 512;

    private OracleUrls() {
    }

    static Spans apply(RuleScanner.Trigger t, CharSequence s, int to, int st, Spans sp, RuleScanner.Open open,
            String maskPrefix) {
        int i = st + t.text.length();
        int limit = Math.min(to, i + MAX);
        int slash = -1;
        for (; i < limit; i++) {
            char c = s.charAt(i);
            if (c == '/') {
                slash = i;
                break;
            }
            if (c == '@' || c <= ' ' || c == '"' || c == '\'' || c == '<' || c == '>' || c == ';' || c == ',') {
                return sp; // "thin:@//host" (no user) or not a URL
            }
        }
        if (slash < 0) {
            if (i >= to) {
                open.at(st);
            }
            return sp;
        }
        int vs = slash + 1;
        int ve;
        if (vs < to && s.charAt(vs) == '"') {
            // a quoted password may hold '@' and '/': thin:scott/"p@ss/w"@host
            vs++;
            ve = vs;
            while (ve < limit && s.charAt(ve) != '"' && s.charAt(ve) != '\n') {
                ve++;
            }
            if (ve >= to) {
                open.at(st); // no closing quote yet: all of it is password
            } else if (ve >= limit || s.charAt(ve) != '"') {
                return sp;
            }
        } else {
            // unquoted, the password runs to the '@' before the host (the last one before the URL ends)
            int at = -1;
            ve = vs;
            while (ve < limit) {
                char c = s.charAt(ve);
                if (c <= ' ' || c == '"' || c == '\'' || c == '<' || c == '>' || c == ',') {
                    break;
                }
                if (c == '@') {
                    at = ve;
                    if (ve + 1 < to && s.charAt(ve + 1) == '/') {
                        break; // "@//host": the host begins
                    }
                }
                ve++;
            }
            if (ve >= to) {
                open.at(st); // a later '@' may still come
            }
            if (at < 0) {
                return sp;
            }
            ve = at;
        }
        if (ve <= vs || RuleScanner.startsWith(s, vs, ve, maskPrefix)) {
            return sp;
        }
        return RuleScanner.add(sp, vs, ve, t.owner);
    }
}
