package dev.secretagent.runtime.redact;

/**
 * An auth scheme and its credential with no header name before it: {@code Bearer <token>}, {@code Basic <base64>}
 * in a message or a structured argument's value ({@code auth=Bearer ...}). The scheme stays, the credential goes (as
 * for the header rule).
 *
 * <p>Why a shape check: the scheme is an ordinary word ("Bearer token expired", "Basic authentication"), so the
 * word after it is masked only if it looks like a credential: for Bearer a run of the token68 alphabet with a digit
 * in it, or a long mixed-case one; for Basic, base64 that decodes to {@code user:password}. An auth parameter
 * ({@code Bearer realm="x"}) is not a credential.
 *
 * <p>{@code token <t>} / {@code Token <t>} (GitHub's and Django REST's scheme) too, with a stricter value: "token" is
 * a common word in log text ("token expired", "token 3 of 5"), so the value must have at least 16 chars with a digit
 * among letters (or 24 of both cases). The trigger search finds "token " by its 3-grams ("tok", "oke", "ken"), which
 * only a word with "token" in it hits; by 2-grams ("to", "en") it cost the clean-text rule scan about +25%
 * (docs/performance.md).
 */
final class BareSchemes {
    /** Exact-case scheme with its blank, and the id's name ({@code auth:<name>}). */
    static final String[][] SCHEMES = {{"Bearer ", "bearer"}, {"Basic ", "basic"}, {"token ", "token"},
        {"Token ", "token"}};

    private BareSchemes() {
    }

    static Spans apply(RuleScanner.Trigger t, CharSequence s, int from, int to, int st, Spans sp,
            RuleScanner.Open open, String maskPrefix) {
        if (!RuleScanner.startsWith(s, st, to, t.exact)) {
            return sp;
        }
        if (st > from) {
            char b = s.charAt(st - 1);
            if (RuleScanner.nameChar(b) || b == '.' || b == '/') {
                return sp; // "XBearer ", "my-token ": the scheme stands alone
            }
        }
        int vs = st + t.exact.length();
        int ve = vs;
        while (ve < to && token68(s.charAt(ve))) {
            ve++;
        }
        int pad = ve;
        while (ve < to && s.charAt(ve) == '=') {
            ve++;
        }
        if (ve >= to) {
            open.at(st); // the credential may go on in the next write
        }
        if (ve == vs || RuleScanner.startsWith(s, vs, to, maskPrefix)) {
            return sp;
        }
        boolean credential = t.detail.equals("basic") ? basicCredential(s, vs, ve)
                : tokenLike(s, vs, pad, t.detail.equals("token") ? 16 : 8);
        if (ve < to && s.charAt(ve) == '"' && ve == pad + 1 && !credential) {
            // Bearer realm="api": an auth parameter (one '=', a name that is no credential). A token ending in
            // base64 padding before a closing quote ("Bearer dG9rZW4xMjM=" in JSON) is still masked.
            return sp;
        }
        return credential ? RuleScanner.add(sp, vs, ve, t.owner) : sp;
    }

    static boolean token68(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                || c == '_' || c == '~' || c == '+' || c == '/';
    }

    /** At least {@code min} chars with a digit among letters, or 24 chars of both cases. */
    private static boolean tokenLike(CharSequence s, int vs, int ve, int min) {
        if (ve - vs < min) {
            return false;
        }
        boolean digit = false;
        boolean lower = false;
        boolean upper = false;
        for (int i = vs; i < ve; i++) {
            char c = s.charAt(i);
            digit |= c >= '0' && c <= '9';
            lower |= c >= 'a' && c <= 'z';
            upper |= c >= 'A' && c <= 'Z';
        }
        return (digit && (lower || upper)) || (ve - vs >= 24 && lower && upper);
    }

    /** Base64 of at least 4 bytes that decodes to printable ASCII with a ':' in it (user:password). */
    private static boolean basicCredential(CharSequence s, int vs, int ve) {
        int n = ve - vs;
        if (n < 8 || n % 4 != 0 || n > 4096) {
            return false;
        }
        int bits = 0;
        int acc = 0;
        boolean colon = false;
        for (int i = vs; i < ve; i++) {
            char c = s.charAt(i);
            if (c == '=') {
                break;
            }
            int v = c >= 'A' && c <= 'Z' ? c - 'A' : c >= 'a' && c <= 'z' ? c - 'a' + 26
                    : c >= '0' && c <= '9' ? c - '0' + 52 : c == '+' ? 62 : c == '/' ? 63 : -1;
            if (v < 0) {
                return false;
            }
            acc = (acc << 6) | v;
            bits += 6;
            if (bits >= 8) {
                bits -= 8;
                int b = (acc >> bits) & 0xFF;
                if (b < 0x20 && b != '\t') {
                    return false;
                }
                colon |= b == ':';
            }
        }
        return colon;
    }
}
