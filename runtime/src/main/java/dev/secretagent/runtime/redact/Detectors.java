package dev.secretagent.runtime.redact;

/**
 * Well-known credential formats, high precision only: each needs its fixed prefix, an exact alphabet
 * and a minimum length, and stands alone (no letter or digit glued in front). The prefixes are the
 * rule scanner's triggers; here is the exact check once a prefix was seen.
 */
final class Detectors {
    private Detectors() {
    }

    static String[] triggers(String detector) {
        switch (detector) {
            case "aws":
                return new String[] {"AKIA", "ASIA"};
            case "github":
                return new String[] {"ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_"};
            case "gitlab":
                return new String[] {"glpat-"};
            case "slack":
                return new String[] {"xoxb-", "xoxp-", "xoxa-", "xoxr-", "xoxs-", "xoxe-"};
            case "stripe":
                return new String[] {"sk_live_", "rk_live_", "sk_test_", "rk_test_"};
            case "google":
                return new String[] {"AIza"};
            case "pem":
                return new String[] {"-----BEGIN "};
            case "jwt":
                return new String[] {".eyJ"};
            default:
                throw new IllegalArgumentException("unknown detector " + detector
                        + " (known: aws, github, gitlab, slack, stripe, google, pem, jwt)");
        }
    }

    private static boolean alnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private static boolean upperAlnum(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private static boolean b64url(char c) {
        return alnum(c) || c == '-' || c == '_';
    }

    /** The detector's prefix is at st (matched case-insensitively); checks case and shape exactly. */
    static Spans detect(String d, int owner, CharSequence s, int from, int to, int st, Spans sp, RuleScanner.Open open) {
        String[] prefixes = triggers(d);
        String prefix = null;
        for (String p : prefixes) {
            if (RuleScanner.startsWith(s, st, to, p)) {
                prefix = p;
                break;
            }
        }
        if (prefix == null) {
            return sp;
        }
        if (!d.equals("jwt") && !d.equals("pem") && st > from && (alnum(s.charAt(st - 1)) || s.charAt(st - 1) == '_')) {
            return sp;
        }
        int b = st + prefix.length();
        switch (d) {
            case "aws": {
                int e = run(s, b, to, 0);
                if (e >= to && e - b < 16) {
                    open.at(st);
                    return sp;
                }
                if (e - b != 16) {
                    return sp;
                }
                return e < to && alnum(s.charAt(e)) ? sp : RuleScanner.add(sp, st, e, owner);
            }
            case "github":
                return shaped(s, b, to, st, prefix.equals("github_pat_") ? 2 : 1, prefix.equals("github_pat_") ? 22 : 36,
                        sp, owner, open);
            case "gitlab":
                return shaped(s, b, to, st, 2, 20, sp, owner, open);
            case "slack":
                return shaped(s, b, to, st, 3, 10, sp, owner, open);
            case "stripe":
                return shaped(s, b, to, st, 1, 16, sp, owner, open);
            case "google": {
                int e = run(s, b, to, 2);
                if (e >= to && e - b < 35) {
                    open.at(st);
                    return sp;
                }
                return e - b == 35 ? RuleScanner.add(sp, st, e, owner) : sp;
            }
            case "pem":
                return pem(s, to, st, sp, owner, open);
            default:
                return jwt(s, from, to, st, sp, owner, open);
        }
    }

    /** Alphabet: 0 upper+digits, 1 alnum, 2 base64url, 3 alnum and '-'. */
    private static int run(CharSequence s, int i, int to, int alphabet) {
        while (i < to) {
            char c = s.charAt(i);
            boolean ok = alphabet == 0 ? upperAlnum(c) : alphabet == 1 ? alnum(c) : alphabet == 2 ? b64url(c)
                    : alnum(c) || c == '-';
            if (!ok) {
                break;
            }
            i++;
        }
        return i;
    }

    private static Spans shaped(CharSequence s, int b, int to, int st, int alphabet, int minLen, Spans sp, int owner,
            RuleScanner.Open open) {
        int e = run(s, b, to, alphabet);
        if (e >= to) {
            open.at(st);
        }
        if (e - b < minLen) {
            return sp;
        }
        return RuleScanner.add(sp, st, e, owner);
    }

    /** A private-key block, whole: from BEGIN to the end of its END line (also inside JSON with \n escapes). */
    private static Spans pem(CharSequence s, int to, int st, Spans sp, int owner, RuleScanner.Open open) {
        int i = st + 11;
        int limit = Math.min(to, i + 40);
        int header = -1;
        for (int k = i; k < limit; k++) {
            if (RuleScanner.startsWith(s, k, to, "PRIVATE KEY-----")) {
                header = k + 16;
                break;
            }
        }
        if (header < 0) {
            if (limit >= to) {
                open.at(st);
            }
            return sp;
        }
        for (int k = header; k + 8 <= to; k++) {
            if (s.charAt(k) == '-' && RuleScanner.startsWith(s, k, to, "-----END ")) {
                int e = k + 9;
                while (e < to && e < k + 60 && !RuleScanner.startsWith(s, e, to, "-----")) {
                    e++;
                }
                if (RuleScanner.startsWith(s, e, to, "-----")) {
                    return RuleScanner.add(sp, st, e + 5, owner);
                }
                break;
            }
        }
        // no END (yet): everything to the end is key material
        open.at(st);
        return RuleScanner.add(sp, st, to, owner);
    }

    /** Longest JWT header we hold back in a stream while waiting for its payload. */
    static final int MAX_JWT_HEADER = 8 * 1024;

    /**
     * Length of the tail a stream must hold because it may be a JWT header still being written: a base64url run
     * reaching the end that starts with {@code eyJ} (or is a prefix of it) right after a non-base64url char. Why:
     * the JWT trigger is the payload's {@code .eyJ}; once the header was written out before that trigger arrived,
     * {@link #jwt} can no longer find the token's start, and header, payload and signature would all pass.
     */
    static int jwtHeaderTail(CharSequence s, int from, int to) {
        int end = to;
        for (int k = 1; k <= 3 && to - k >= from; k++) {
            if (s.charAt(to - k) == '.' && RuleScanner.startsWith(s, to - k, to, ".eyJ".substring(0, k))) {
                end = to - k; // the payload's trigger is still being written: ".", ".e" or ".ey"
                break;
            }
        }
        int hs = end;
        while (hs > from && to - hs < MAX_JWT_HEADER && b64url(s.charAt(hs - 1))) {
            hs--;
        }
        if (hs == end || (hs > from && b64url(s.charAt(hs - 1)))) {
            return 0;
        }
        if (end < to) {
            return RuleScanner.startsWith(s, hs, end, "eyJ") ? to - hs : 0;
        }
        return RuleScanner.startsWith(s, hs, to, "eyJ".substring(0, Math.min(3, to - hs))) ? to - hs : 0;
    }

    /** header.payload.signature, header and payload base64url JSON objects ("eyJ"), signature >= 16 chars. */
    private static Spans jwt(CharSequence s, int from, int to, int dot, Spans sp, int owner, RuleScanner.Open open) {
        int hs = dot;
        while (hs > from && b64url(s.charAt(hs - 1))) {
            hs--;
        }
        if (dot - hs < 10 || !RuleScanner.startsWith(s, hs, to, "eyJ")) {
            return sp;
        }
        int pe = run(s, dot + 1, to, 2);
        if (pe >= to) {
            open.at(hs);
            return sp;
        }
        if (pe - dot - 1 < 10 || s.charAt(pe) != '.') {
            return sp;
        }
        int se = run(s, pe + 1, to, 2);
        if (se >= to) {
            open.at(hs);
        }
        if (se - pe - 1 < 16) {
            return sp;
        }
        return RuleScanner.add(sp, hs, se, owner);
    }
}
