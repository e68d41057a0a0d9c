package dev.secretagent.runtime.redact;

import java.util.regex.Matcher;

/**
 * Checks a detector ({@link DetectorRule}, rows in {@link DetectorTable}) where the trigger search found one of its
 * keywords: the rule's pattern from there, the allow rules ({@link Placeholders}, entropy, examples), and for PEM
 * blocks and JWTs the code that knows their structure. Hands the secret's span to the rule scanner.
 *
 * <p>Streams: where the text ends before a rule could decide (the pattern hit the end of the input), the trigger's
 * start is reported as open, so a stream holds that tail until the next write.
 */
final class Detectors {
    private Detectors() {
    }

    private static boolean alnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private static boolean b64url(char c) {
        return alnum(c) || c == '-' || c == '_';
    }

    private static boolean b64(char c) {
        return alnum(c) || c == '+' || c == '/' || c == '=';
    }

    /** A token glued to what stands before it is part of another word ({@code xAKIA...}, {@code my_ghp_...}). */
    private static boolean glued(char c) {
        return alnum(c) || c == '_';
    }

    /** The trigger {@code t} (a keyword of its rule) was found at st. */
    static Spans detect(RuleScanner.Trigger t, CharSequence s, int from, int to, int st, Spans sp,
            RuleScanner.Open open) {
        DetectorRule r = t.rule;
        if (!RuleScanner.startsWith(s, st, to, t.exact)) {
            return sp;
        }
        switch (r.kind) {
            case DetectorRule.CODE:
                return code(r, t.owner, s, from, to, st, sp, open);
            case DetectorRule.PREFIX:
                if (st > from && glued(s.charAt(st - 1))) {
                    return sp;
                }
                return anchored(r, t, s, to, st, st, st + t.exact.length(), sp, open, true);
            case DetectorRule.SHORT:
                return anchored(r, t, s, to, st, st + 1, st + t.exact.length(), sp, open, true);
            case DetectorRule.CONTEXT:
                return anchored(r, t, s, to, st, st, st + t.exact.length(), sp, open, false);
            case DetectorRule.INNER:
                return inner(r, t, s, from, to, st, sp, open);
            default:
                return custom(r, t, s, from, to, st, sp, open);
        }
    }

    /** A short-prefix detector's token at the very start of the text (no blank before it to trigger on). */
    static Spans detectAtStart(RuleScanner.Trigger t, CharSequence s, int from, int to, Spans sp,
            RuleScanner.Open open) {
        int n = t.exact.length() - 1;
        if (to - from < n) {
            if (RuleScanner.startsWith(t.exact, 1, 1 + (to - from), s.subSequence(from, to).toString())) {
                open.at(from);
            }
            return sp;
        }
        for (int i = 0; i < n; i++) {
            if (s.charAt(from + i) != t.exact.charAt(1 + i)) {
                return sp;
            }
        }
        return anchored(t.rule, t, s, to, from, from, from + n, sp, open, true);
    }

    /** The pattern matched from {@code start}; {@code token}: it must end where a token ends (no alnum after). */
    private static Spans anchored(DetectorRule r, RuleScanner.Trigger t, CharSequence s, int to, int st, int start,
            int keywordEnd, Spans sp, RuleScanner.Open open, boolean token) {
        Matcher m = r.pattern().matcher(s);
        m.useTransparentBounds(true);
        m.region(start, to);
        boolean found = m.lookingAt();
        if (m.hitEnd()) {
            open.at(st);
        }
        if (!found || (token && m.end() < to && alnum(s.charAt(m.end())))) {
            return sp;
        }
        return accept(r, t.owner, s, m.start(r.group), m.end(r.group), keywordEnd, sp);
    }

    /** The keyword inside the token: read back over the token's alphabet, then find the pattern around it. */
    private static Spans inner(DetectorRule r, RuleScanner.Trigger t, CharSequence s, int from, int to, int st,
            Spans sp, RuleScanner.Open open) {
        boolean[] alphabet = r.backSet();
        int start = st;
        while (start > from && st - start < r.back && s.charAt(start - 1) < 128 && alphabet[s.charAt(start - 1)]) {
            start--;
        }
        Matcher m = r.pattern().matcher(s);
        m.useTransparentBounds(true);
        m.region(start, to);
        int kwEnd = st + t.exact.length();
        while (m.find()) {
            if (m.start() > st) {
                break;
            }
            if (m.hitEnd()) {
                open.at(start);
            }
            if (m.end() >= kwEnd && (m.start() == from || !glued(s.charAt(m.start() - 1)))
                    && (m.end() >= to || !alnum(s.charAt(m.end())))) {
                return accept(r, t.owner, s, m.start(r.group), m.end(r.group), m.start(r.group), sp);
            }
        }
        if (m.hitEnd()) {
            open.at(start);
        }
        return sp;
    }

    /**
     * Length of the tail a stream must hold because an {@link DetectorRule#INNER} token may be in the middle of being
     * written, its keyword not yet there: the run of the rule's alphabet (and keyword chars) reaching the end, if
     * the rule's pattern could still match from its start. Why: once the chars before the keyword were written out,
     * the rule can no longer find the token's start.
     */
    static int innerTail(DetectorRule r, String keyword, CharSequence s, int from, int to) {
        boolean[] alphabet = r.backSet();
        int limit = r.back + keyword.length();
        int start = to;
        while (start > from && to - start <= limit) {
            char c = s.charAt(start - 1);
            if (!(c < 128 && alphabet[c]) && keyword.indexOf(c) < 0) {
                break;
            }
            start--;
        }
        if (start == to || to - start > limit || (start > from && glued(s.charAt(start - 1)))) {
            return 0;
        }
        Matcher m = r.pattern().matcher(s);
        m.region(start, to);
        m.lookingAt();
        return m.hitEnd() ? to - start : 0;
    }

    /** A user rule: its pattern anywhere in the keyword's line (gitleaks runs a rule where its keyword occurs). */
    private static Spans custom(DetectorRule r, RuleScanner.Trigger t, CharSequence s, int from, int to, int st,
            Spans sp, RuleScanner.Open open) {
        int ls = st;
        while (ls > from && st - ls < 1024 && s.charAt(ls - 1) != '\n') {
            ls--;
        }
        int le = st;
        while (le < to && le - st < 4096 && s.charAt(le) != '\n') {
            le++;
        }
        if (le >= to) {
            open.at(ls);
        }
        Matcher m = r.pattern().matcher(s);
        m.useTransparentBounds(true);
        m.region(ls, le);
        while (m.find()) {
            int g = r.group <= m.groupCount() ? r.group : 0;
            if (m.start(g) >= 0 && m.end(g) > m.start(g)) {
                sp = accept(r, t.owner, s, m.start(g), m.end(g), m.start(g), sp);
            }
            if (m.end() == m.start()) {
                break;
            }
        }
        return sp;
    }

    /** The allow rules, then the span. {@code bodyFrom}: where the random part starts (after a fixed prefix). */
    private static Spans accept(DetectorRule r, int owner, CharSequence s, int gs, int ge, int bodyFrom, Spans sp) {
        if (gs < 0 || ge <= gs) {
            return sp;
        }
        int bs = Math.max(gs, Math.min(bodyFrom, ge));
        if (Placeholders.isPlaceholder(s, bs, ge, r.runsArePlaceholders)) {
            return sp;
        }
        if (r.minEntropy > 0 && Placeholders.entropy(s, bs, ge) < r.minEntropy) {
            return sp;
        }
        if (r.allow.length > 0 || r.allowRegexes.length > 0) {
            String secret = s.subSequence(gs, ge).toString();
            String low = secret.toLowerCase(java.util.Locale.ROOT);
            for (String a : r.allow) {
                if (low.contains(a.toLowerCase(java.util.Locale.ROOT))) {
                    return sp;
                }
            }
            for (java.util.regex.Pattern p : r.allowRegexes) {
                if (p.matcher(secret).find()) {
                    return sp;
                }
            }
        }
        if (!CustomDetectors.allows(s, gs, ge)) {
            return RuleScanner.add(sp, gs, ge, owner);
        }
        return sp;
    }

    // ---------------------------------------------------------------- rules checked by code

    private static Spans code(DetectorRule r, int owner, CharSequence s, int from, int to, int st, Spans sp,
            RuleScanner.Open open) {
        switch (r.id) {
            case "pem-private-key":
                return pem(s, to, st, sp, owner, open);
            case "pem-putty-private-key":
                return putty(s, to, st, sp, owner, open);
            case "jwt-token":
                return jwt(s, from, to, st, sp, owner, open);
            default:
                return wrappedJwt(s, from, to, st, sp, owner, open);
        }
    }

    /** Largest private-key block masked as one: a BEGIN whose body runs on past this is cut here. */
    static final int MAX_PEM = 64 * 1024;

    /**
     * A private-key block: BEGIN line (its label holds {@code PRIVATE KEY}), then lines of base64 and armour
     * headers ({@code Proc-Type:}, {@code Version:}), also with {@code \n} escapes (JSON) or blanks instead of line
     * ends, to the END line. Bounded: where the body stops being key material before an END (a BEGIN in prose, a
     * truncated key), only the BEGIN line and the material read so far are masked, never the rest of the text.
     */
    private static Spans pem(CharSequence s, int to, int st, Spans sp, int owner, RuleScanner.Open open) {
        int i = st + 11;
        int limit = Math.min(to, i + 64);
        int k = i;
        while (k < limit && !RuleScanner.startsWith(s, k, to, "-----")) {
            char c = s.charAt(k);
            if (c == '-' && to - k < 5) {
                open.at(st); // "-----" still being written
                return sp;
            }
            if (!(c >= 'A' && c <= 'Z') && !(c >= '0' && c <= '9') && c != ' ') {
                return sp;
            }
            k++;
        }
        if (k >= limit) {
            if (limit >= to) {
                open.at(st);
            }
            return sp;
        }
        if (!s.subSequence(i, k).toString().contains("PRIVATE KEY")) {
            return sp;
        }
        int p = k + 5;
        int good = p;
        int material = 0;
        int firstFrom = -1;
        int firstTo = -1;
        int max = Math.min(to, st + MAX_PEM);
        while (true) {
            p = separators(s, p, max);
            if (p >= max) {
                if (max == to) {
                    open.at(st);
                    return material >= 32 || to - st < 200 ? RuleScanner.add(sp, st, to, owner) : sp;
                }
                break;
            }
            if (RuleScanner.startsWith(s, p, to, "-----END ")) {
                int e = p + 9;
                while (e < to && e < p + 70 && !RuleScanner.startsWith(s, e, to, "-----")) {
                    e++;
                }
                if (RuleScanner.startsWith(s, e, to, "-----")) {
                    return firstFrom >= 0 && Placeholders.isPlaceholder(s, firstFrom, firstTo) ? sp
                            : RuleScanner.add(sp, st, e + 5, owner);
                }
                if (e >= to) {
                    open.at(st);
                    return RuleScanner.add(sp, st, to, owner);
                }
                break;
            }
            if (max == to && to - p < 9 && RuleScanner.startsWith("-----END ", 0, 9, s.subSequence(p, to).toString())) {
                open.at(st); // the END line is still being written
                return RuleScanner.add(sp, st, to, owner);
            }
            int c = p;
            while (c < max && !isSeparator(s, c, max)) {
                c++;
            }
            if (header(s, p, c)) {
                // an armour header: the rest of its line belongs to it
                while (c < max && s.charAt(c) != '\n' && !(s.charAt(c) == '\\' && c + 1 < max && s.charAt(c + 1) == 'n')) {
                    c++;
                }
                good = c;
                p = c;
                continue;
            }
            boolean base64 = c > p;
            for (int x = p; x < c && base64; x++) {
                base64 = b64(s.charAt(x));
            }
            if (!base64) {
                break;
            }
            if (c - p < 16 && s.charAt(p) != '=' && c < max) {
                // a short word is key material only as a block's last line, right before its END
                int n = separators(s, c, max);
                if (n < max && !RuleScanner.startsWith(s, n, to, "-----END ")) {
                    break;
                }
            }
            if (firstFrom < 0 && c - p >= 16) {
                firstFrom = p;
                firstTo = c;
            }
            material += c - p;
            good = c;
            p = c;
        }
        return material >= 32 && !Placeholders.isPlaceholder(s, firstFrom, firstTo)
                ? RuleScanner.add(sp, st, good, owner) : sp;
    }

    private static boolean isSeparator(CharSequence s, int i, int to) {
        char c = s.charAt(i);
        return c == '\n' || c == '\r' || c == ' ' || c == '\t'
                || (c == '\\' && i + 1 < to && (s.charAt(i + 1) == 'n' || s.charAt(i + 1) == 'r'));
    }

    private static int separators(CharSequence s, int p, int to) {
        while (p < to && isSeparator(s, p, to)) {
            p += s.charAt(p) == '\\' ? 2 : 1;
        }
        return p;
    }

    /** {@code Name:} of an armour header ({@code Proc-Type:}, {@code DEK-Info:}, {@code Version:}, {@code Comment:}). */
    private static boolean header(CharSequence s, int p, int c) {
        if (c - p < 3 || c - p > 24 || s.charAt(c - 1) != ':') {
            return false;
        }
        for (int x = p; x < c - 1; x++) {
            char ch = s.charAt(x);
            if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch == '-')) {
                return false;
            }
        }
        return true;
    }

    /** A PuTTY key file, from its first line to the end of its {@code Private-MAC:} line. */
    private static Spans putty(CharSequence s, int to, int st, Spans sp, int owner, RuleScanner.Open open) {
        int v = st + 20;
        if (v + 2 > to) {
            open.at(st);
            return sp;
        }
        if (s.charAt(v) < '1' || s.charAt(v) > '9' || s.charAt(v + 1) != ':') {
            return sp; // "PuTTY-User-Key-File-<version>:" starts a key file; anything else is prose
        }
        int max = Math.min(to, st + 16 * 1024);
        boolean lines = false;
        for (int k = st; k < max; k++) {
            lines |= s.charAt(k) == 'P' && RuleScanner.startsWith(s, k, to, "Private-Lines:");
            if (lines && s.charAt(k) == 'P' && RuleScanner.startsWith(s, k, to, "Private-MAC:")) {
                int e = k + 12;
                while (e < to && s.charAt(e) == ' ') {
                    e++;
                }
                int h = e;
                while (e < to && (Character.digit(s.charAt(e), 16) >= 0)) {
                    e++;
                }
                if (e >= to) {
                    open.at(st);
                }
                return e - h < 40 || Placeholders.isPlaceholder(s, h, e) ? sp : RuleScanner.add(sp, st, e, owner);
            }
        }
        if (max == to) {
            open.at(st);
        }
        return sp;
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

    private static int run(CharSequence s, int i, int to) {
        while (i < to && b64url(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /**
     * header.payload.signature, header and payload base64url JSON objects ("eyJ"), signature >= 16 chars; an
     * unsigned token ({@code "alg":"none"}, empty signature) too.
     */
    private static Spans jwt(CharSequence s, int from, int to, int dot, Spans sp, int owner, RuleScanner.Open open) {
        int hs = dot;
        while (hs > from && b64url(s.charAt(hs - 1))) {
            hs--;
        }
        if (dot - hs < 10 || !RuleScanner.startsWith(s, hs, to, "eyJ")) {
            return sp;
        }
        int pe = run(s, dot + 1, to);
        if (pe >= to) {
            open.at(hs);
            return sp;
        }
        if (pe - dot - 1 < 10 || s.charAt(pe) != '.') {
            return sp;
        }
        int se = run(s, pe + 1, to);
        if (se >= to) {
            open.at(hs);
        }
        if (se - pe - 1 == 0 && se < to && unsigned(s, hs, dot)) {
            return RuleScanner.add(sp, hs, pe + 1, owner);
        }
        if (se - pe - 1 < 16 || Placeholders.isPlaceholder(s, pe + 1, se)) {
            return sp;
        }
        return RuleScanner.add(sp, hs, se, owner);
    }

    /** Does the base64url header at [hs, he) say {@code "alg":"none"}? */
    private static boolean unsigned(CharSequence s, int hs, int he) {
        String json = decode(s, hs, he, true);
        return json != null && json.replace(" ", "").toLowerCase(java.util.Locale.ROOT).contains("\"alg\":\"none\"");
    }

    private static String decode(CharSequence s, int from, int to, boolean url) {
        StringBuilder b = new StringBuilder(to - from + 3);
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c != '=') {
                b.append(c);
            }
        }
        try {
            byte[] d = (url ? java.util.Base64.getUrlDecoder() : java.util.Base64.getDecoder()).decode(b.toString());
            return new String(d, java.nio.charset.StandardCharsets.ISO_8859_1);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A JWT in base64 ({@code ZXlK} is base64 of {@code eyJ}): the whole base64 run if it decodes to a JWT. */
    private static Spans wrappedJwt(CharSequence s, int from, int to, int st, Spans sp, int owner,
            RuleScanner.Open open) {
        if (st > from && b64(s.charAt(st - 1))) {
            return sp;
        }
        int e = st;
        while (e < to && e - st < 16 * 1024 && (b64(s.charAt(e)) || s.charAt(e) == '-' || s.charAt(e) == '_')) {
            e++;
        }
        if (e >= to) {
            open.at(st);
        }
        int n = e;
        while (n > st && s.charAt(n - 1) == '=') {
            n--;
        }
        if (n - st < 60) {
            return sp;
        }
        int usable = st + ((n - st) / 4) * 4;
        boolean url = false;
        for (int i = st; i < n; i++) {
            url |= s.charAt(i) == '-' || s.charAt(i) == '_';
        }
        String d = decode(s, st, usable, url);
        if (d == null || !d.startsWith("eyJ")) {
            return sp;
        }
        int dot = d.indexOf(".eyJ");
        int sig = d.lastIndexOf('.');
        if (dot < 10 || sig <= dot || Placeholders.isPlaceholder(d, sig + 1, d.length())) {
            return sp;
        }
        return RuleScanner.add(sp, st, e, owner);
    }
}
