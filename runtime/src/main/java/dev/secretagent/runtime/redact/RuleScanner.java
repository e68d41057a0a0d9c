package dev.secretagent.runtime.redact;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds values that are not known secrets but sit behind a sensitive name (headers, secret-looking
 * keys, URL user-info, signed query parameters) or have a well-known credential shape (detectors).
 *
 * <p>Cost on clean text: finding the triggers (names and detector prefixes, e.g. {@code pwd=},
 * {@code akia}, {@code p://}), which {@link TriggerIndex} does from the separators after names and from
 * rare windows of detector prefixes, not by looking at every window. Only where a trigger really occurs
 * does a rule parse the text around it. Rules read through {@link CharSequence}; UTF-8
 * bytes are read as Latin-1 chars, which is exact for the ASCII that names, separators and credential
 * formats are made of (bytes of multi-byte characters are >= 0x80 and never match a delimiter).
 */
final class RuleScanner {
    static final int HEADER = 0;
    static final int KEY = 1;
    static final int QUERY = 2;
    static final int URL = 3;
    static final int DETECTOR = 4;
    /** A bare auth scheme and its credential, {@code Bearer <token>} with no header name before it ({@link BareSchemes}). */
    static final int SCHEME = 5;
    /** A call's first two arguments, {@code put("api_key", "v")} ({@link CallArguments}); trigger: the {@code ", "}. */
    static final int CALL = 6;
    /** Oracle's {@code jdbc:oracle:thin:user/password@host} ({@link OracleUrls}). */
    static final int ORACLE = 7;

    static final String[] DEFAULT_HEADERS = {"Authorization", "Proxy-Authorization", "Cookie", "Set-Cookie",
        "X-Api-Key", "X-Auth-Token"};
    static final String[] KEYWORDS = {"password", "passwd", "secret", "token", "api_key", "apikey", "api-key",
        "private_key", "privatekey", "client_secret", "secret_key", "access_key", "secretkey"};
    static final String[] QUERY_PARAMS = {"sig", "signature", "x-amz-signature", "x-amz-credential",
        "x-amz-security-token", "access_token", "x-goog-signature", "x-goog-credential", "jsessionid", "phpsessid"};
    private static final String[] SCHEMES = {"Bearer ", "Basic ", "Token ", "Digest ", "Negotiate ", "Bot ",
        "AWS4-HMAC-SHA256 ", "token ", "bearer ", "basic "};

    static final class Trigger {
        final String text;       // lower case
        final int kind;
        final int nameLength;    // the name inside the trigger ("pwd=" -> 3)
        final String detail;     // detector id, or the canonical name
        final int owner;
        /** Detectors: the rule. */
        final DetectorRule rule;
        /** For triggers found by their exact-case text (SCHEME, CALL, a detector's keyword): that text; else null. */
        final String exact;

        Trigger(String text, int kind, int nameLength, String detail, int owner) {
            this(text, kind, nameLength, detail, owner, null, null);
        }

        Trigger(String text, int kind, int nameLength, String detail, int owner, String exact) {
            this(text, kind, nameLength, detail, owner, null, exact);
        }

        Trigger(String text, int kind, int nameLength, String detail, int owner, DetectorRule rule, String exact) {
            this.text = text;
            this.kind = kind;
            this.nameLength = nameLength;
            this.detail = detail;
            this.owner = owner;
            this.rule = rule;
            this.exact = exact;
        }
    }

    private static final byte[] FOLD = new byte[128];

    static {
        for (int c = 0; c < 128; c++) {
            FOLD[c] = (byte) (c >= 'A' && c <= 'Z' ? c + 32 : c);
        }
    }

    private final Trigger[] triggers;
    private final TriggerIndex index;
    private final Set<String> triggerPrefixes = new HashSet<String>();
    private final int maxTrigger;
    /** Is the JWT detector on? Its trigger is the payload's ".eyJ", so a stream must hold a header in progress. */
    private final boolean jwt;
    /** Detectors whose keyword is inside the token: a stream holds a tail that may be such a token's start. */
    private final Trigger[] inner;
    /**
     * One trigger of each short-prefix detector: its keywords are the prefix behind a blank or quote, so a token
     * at the very start of the text (a message, or a stream's next write after a blank) is checked here.
     */
    private final Trigger[] shortAtStart;
    /**
     * Bit c set when some trigger of {@link #shortAtStart} has c (below 128) as its keyword's first char after the
     * blank: the common text, whose first char starts none, is turned away with one load, without reading each
     * trigger's keyword (the trigger, its String and that String's bytes, apart on the heap: after a flushing
     * appender's system call, cache misses on every text). A keyword char of 128 or more is in
     * {@link #shortAtStartWide}.
     */
    private final long[] shortAtStartFirst = new long[2];
    private final boolean shortAtStartWide;
    private final String maskPrefix;
    /** Header names (lower case) and their owners, for call arguments: {@code header("Authorization", "v")}. */
    private final java.util.Map<String, Integer> headerOwners = new java.util.HashMap<String, Integer>();
    /** Keyword (and {@code pwd}) owners, for call arguments. */
    private final java.util.Map<String, Integer> keyOwners = new java.util.LinkedHashMap<String, Integer>();

    RuleScanner(List<Trigger> list, String maskPrefix) {
        triggers = list.toArray(new Trigger[0]);
        this.maskPrefix = maskPrefix;
        int max = 0;
        for (Trigger t : triggers) {
            max = Math.max(max, t.text.length());
            for (int i = 1; i < t.text.length(); i++) {
                triggerPrefixes.add(t.text.substring(0, i));
            }
        }
        maxTrigger = max;
        index = new TriggerIndex(triggers);
        boolean j = false;
        List<Trigger> in = new ArrayList<Trigger>();
        for (Trigger t : triggers) {
            j |= t.kind == DETECTOR && t.detail.equals("jwt-token");
            if (t.kind == DETECTOR && t.rule.kind == DetectorRule.INNER) {
                in.add(t);
            }
        }
        jwt = j;
        for (Trigger t : triggers) {
            if (t.kind == HEADER) {
                headerOwners.put(t.detail.toLowerCase(Locale.ROOT), t.owner);
            } else if (t.kind == KEY) {
                keyOwners.put(t.detail, t.owner);
            }
        }
        inner = in.toArray(new Trigger[0]);
        List<Trigger> shorts = new ArrayList<Trigger>();
        for (Trigger t : triggers) {
            if (t.kind == DETECTOR && t.rule.kind == DetectorRule.SHORT && t.exact.charAt(0) == ' ') {
                shorts.add(t);
            }
        }
        shortAtStart = shorts.toArray(new Trigger[0]);
        boolean wide = false;
        for (Trigger t : shortAtStart) {
            char c = t.exact.charAt(1);
            if (c < 128) {
                shortAtStartFirst[c >>> 6] |= 1L << c;
            } else {
                wide = true;
            }
        }
        shortAtStartWide = wide;
    }

    boolean isEmpty() {
        return triggers.length == 0;
    }

    static int fold(int c) {
        return c < 128 ? FOLD[c] : 0;
    }

    /** Result of one rule at one trigger: end of input reached before the rule could decide. */
    static final class Open {
        int from = Integer.MAX_VALUE;
        /**
         * The scanned text holds an ESC ({@link Engine#find} sets it): a stream's hold-back then also looks for
         * the start of a value split by escape sequences ({@link Engine#heldTail(byte[], int, int, boolean)}).
         */
        boolean escape;

        /** Ready for the next scan. */
        void reset() {
            from = Integer.MAX_VALUE;
            escape = false;
        }

        void at(int p) {
            if (p < from) {
                from = p;
            }
        }
    }

    Spans scan(String s, int from, int to, Spans sp, Open open) {
        return triggers.length == 0 ? sp : apply(TriggerSearch.find(index, s, from, to), s, from, to, sp, open);
    }

    Spans scan(char[] s, int from, int to, Spans sp, Open open) {
        return triggers.length == 0 ? sp : apply(TriggerSearch.find(index, s, from, to), s, from, to, sp, open);
    }

    Spans scan(byte[] s, int from, int to, Spans sp, Open open) {
        return triggers.length == 0 ? sp : apply(TriggerSearch.find(index, s, from, to), s, from, to, sp, open);
    }

    /**
     * The triggers in s[from, to), and whether it holds an ESC ({@link Candidates#escape}): one search for both
     * (with no triggers, the ESC search alone). Null when there is neither.
     */
    Candidates triggers(String s, int from, int to) {
        return triggers.length == 0 ? TriggerSearch.escapeOnly(s, from, to) : TriggerSearch.find(index, s, from, to);
    }

    Candidates triggers(char[] s, int from, int to) {
        return triggers.length == 0 ? TriggerSearch.escapeOnly(s, from, to) : TriggerSearch.find(index, s, from, to);
    }

    Candidates triggers(byte[] s, int from, int to) {
        return triggers.length == 0 ? TriggerSearch.escapeOnly(s, from, to) : TriggerSearch.find(index, s, from, to);
    }

    /** The rules at the triggers {@link #triggers} found in s[from, to), and the short-prefix tokens at its start. */
    Spans apply(Candidates found, String s, int from, int to, Spans sp, Open open) {
        if (triggers.length == 0) {
            return sp;
        }
        sp = run(found, s, from, to, sp, open);
        return shortAtStart.length == 0 || from >= to ? sp : atStart(s, from, to, sp, open);
    }

    Spans apply(Candidates found, char[] s, int from, int to, Spans sp, Open open) {
        if (triggers.length == 0) {
            return sp;
        }
        sp = found == null ? sp : run(found, java.nio.CharBuffer.wrap(s), from, to, sp, open);
        return shortAtStart.length == 0 || from >= to ? sp : atStart(java.nio.CharBuffer.wrap(s), from, to, sp, open);
    }

    Spans apply(Candidates found, byte[] s, int from, int to, Spans sp, Open open) {
        if (triggers.length == 0) {
            return sp;
        }
        sp = found == null ? sp : run(found, new Latin1(s), from, to, sp, open);
        return shortAtStart.length == 0 || from >= to ? sp : atStart(new Latin1(s), from, to, sp, open);
    }

    /** Short-prefix detectors whose token starts the text. */
    private Spans atStart(CharSequence s, int from, int to, Spans sp, Open open) {
        char c = s.charAt(from);
        if (c < 128 ? (shortAtStartFirst[c >>> 6] & 1L << c) == 0 : !shortAtStartWide) {
            return sp; // no short-prefix keyword starts with this char
        }
        for (Trigger t : shortAtStart) {
            if (t.exact.charAt(1) == c) {
                sp = Detectors.detectAtStart(t, s, from, to, sp, open);
            }
        }
        return sp;
    }

    /** UTF-8 bytes seen as Latin-1 chars: positions stay byte positions. */
    static final class Latin1 implements CharSequence {
        private final byte[] b;

        Latin1(byte[] b) {
            this.b = b;
        }

        @Override
        public int length() {
            return b.length;
        }

        @Override
        public char charAt(int index) {
            return (char) (b[index] & 0xFF);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new String(b, start, end - start, java.nio.charset.StandardCharsets.ISO_8859_1);
        }
    }

    /** Runs the rule of every trigger found, in order of start, then of trigger. */
    private Spans run(Candidates found, CharSequence s, int from, int to, Spans sp, Open open) {
        if (found == null) {
            return sp;
        }
        found.sort();
        for (int i = 0; i < found.size(); i++) {
            sp = apply(triggers[found.trigger(i)], s, from, to, found.start(i), sp, open);
        }
        return sp;
    }

    /**
     * Length of the longest suffix of the text that is a proper prefix of a trigger (case-insensitive): a
     * stream holds it back between writes, so a name split over two writes is still seen whole.
     */
    int triggerTail(CharSequence s, int from, int to) {
        int header = jwt ? Detectors.jwtHeaderTail(s, from, to) : 0;
        for (Trigger t : inner) {
            header = Math.max(header, Detectors.innerTail(t.rule, t.exact, s, from, to));
        }
        return Math.max(Math.max(header, nameTail(s, from, to)), CallArguments.tail(s, from, to));
    }

    /**
     * Compiles what {@link #triggerTail} needs of the inner detectors (each one's alphabet and pattern), which the
     * first stream write ending in a token's chars would otherwise compile: called by the start-up thread that builds
     * the first engine, so that an application's first console line (a hello world's) does not pay it on its thread.
     */
    void prepareTails() {
        for (Trigger t : inner) {
            t.rule.backSet();
            t.rule.pattern();
        }
    }

    private int nameTail(CharSequence s, int from, int to) {
        int limit = Math.min(to - from, maxTrigger - 1);
        StringBuilder sb = new StringBuilder(limit);
        int best = 0;
        for (int len = 1; len <= limit; len++) {
            char c = s.charAt(to - len);
            if (c <= ' ') {
                // a blank ends a name, but starts the keyword of a short-prefix detector (" hf_", "\nSG.")
                if (sb.length() == 0 || c != ' ' && c != '\t' && c != '\n' || !triggerPrefixes.contains(c + sb.toString())) {
                    break;
                }
                best = len;
                break;
            }
            sb.insert(0, (char) fold(c));
            if (triggerPrefixes.contains(sb.toString())) {
                best = len;
            }
        }
        return best;
    }

    // ---------------------------------------------------------------- rules

    private Spans apply(Trigger t, CharSequence s, int from, int to, int st, Spans sp, Open open) {
        switch (t.kind) {
            case HEADER:
                return named(t, s, from, to, st, sp, open, true);
            case KEY:
                return named(t, s, from, to, st, sp, open, false);
            case QUERY:
                return query(t, s, from, to, st, sp, open);
            case URL:
                return userInfo(t, s, to, st, sp, open);
            case SCHEME:
                return BareSchemes.apply(t, s, from, to, st, sp, open, maskPrefix);
            case CALL:
                return CallArguments.apply(this, t, s, from, to, st, sp, open);
            case ORACLE:
                return OracleUrls.apply(t, s, to, st, sp, open, maskPrefix);
            default:
                return Detectors.detect(t, s, from, to, st, sp, open);
        }
    }

    static boolean nameChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    }

    static Spans add(Spans sp, int s, int e, int owner) {
        if (sp == null) {
            sp = new Spans();
        }
        sp.add(s, e, owner);
        return sp;
    }

    /** The index of the quote {@code q} closing a value that starts at {@code from} (or a line end, or {@code to}). */
    private static int closingQuote(CharSequence s, int from, int to, char q) {
        int e = from;
        while (e < to && s.charAt(e) != q && s.charAt(e) != '\n') {
            if (s.charAt(e) == '\\' && e + 1 < to) {
                e++;
            }
            e++;
        }
        return e;
    }

    /** Header names and secret-looking keys: {@code Name: v}, {@code Name=v}, {@code "Name":"v"}, {@code Name=[v]}, ... */
    private Spans named(Trigger t, CharSequence s, int from, int to, int st, Spans sp, Open open, boolean header) {
        if (header && st > from && nameChar(s.charAt(st - 1))) {
            return sp; // "X-Authorization-Hint" is not "Authorization"; a header name stands alone
        }
        int i = st + t.nameLength;
        if (i >= to) {
            open.at(st);
            return sp;
        }
        char c = s.charAt(i);
        if (nameChar(c) || c == '.') {
            return sp; // "passwordPolicy", "token_type": the key must end with the keyword
        }
        if (c == '"' || c == '\'') {
            i++;
        }
        int nameEnd = i;
        while (i < to && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        if (i >= to) {
            open.at(st);
            return sp;
        }
        char sep = s.charAt(i);
        if (sep == '?' || sep == '+') {
            // Makefile "X_TOKEN ?= v", "X_TOKEN += v"
            if (i + 1 >= to) {
                open.at(st);
                return sp;
            }
            if (s.charAt(i + 1) != '=') {
                return sp;
            }
            i++;
            sep = '=';
        } else if (sep != ':' && sep != '=') {
            // Go "var apiToken string = v": a type between the name and its '=' (after a blank only)
            int after = header || i == nameEnd ? Assignments.NO : Assignments.typeThenEquals(s, i, to);
            if (after == Assignments.UNDECIDED) {
                open.at(st);
            }
            if (after < 0) {
                return sp;
            }
            i = after - 1;
            sep = '=';
        }
        if (!header && sep == ':' && startsWith(s, i, to, "://")) {
            return sp; // "secret://file/prod/db/password": a URI scheme (a store reference), not "secret: value"
        }
        i++;
        if (sep == ':' && i < to) {
            // ":=" (Go, Makefile) and "::=" (Makefile): the '=' belongs to the separator, the value follows it
            if (s.charAt(i) == '=') {
                i++;
            } else if (s.charAt(i) == ':') {
                if (i + 1 >= to) {
                    open.at(st);
                    return sp;
                }
                if (s.charAt(i + 1) == '=') {
                    i += 2;
                }
            }
        }
        if (i < to && s.charAt(i) == '>') {
            i++; // Ruby-ish "key => value"
        }
        while (i < to && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        if (i >= to) {
            open.at(st);
            return sp;
        }
        if (sep == ':' && !header) {
            // a type annotation, "apiToken: String = v" (Kotlin, Scala, TypeScript, Python, Rust): the value is after
            // its '=' (masking the type would leave the value)
            int after = Assignments.typeThenEquals(s, i, to);
            if (after == Assignments.UNDECIDED) {
                open.at(st); // a stream holds it; a whole text masks what is there (a type, or a short value)
            }
            if (after >= 0) {
                i = after;
                while (i < to && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
                    i++;
                }
                if (i >= to) {
                    open.at(st);
                    return sp;
                }
            }
        }
        int vs = i;
        int ve;
        char q = s.charAt(i);
        boolean reachedEnd = false;
        if (q == '"' || q == '\'') {
            vs = i + 1;
            ve = closingQuote(s, vs, to, q);
            // Spring's HttpHeaders.toString() lists a name's further values as more quoted strings,
            // [Set-Cookie:"a=1", "b=2", Accept:"x"]: they belong to the same name. A quoted string followed
            // by ':' is the next key (JSON, {"Cookie":"a", "b":"c"}), not a value.
            while (ve < to && s.charAt(ve) == q && ve + 1 < to && s.charAt(ve + 1) == ',') {
                if (ve + 3 >= to) {
                    ve = to; // the next item is not there yet
                    break;
                }
                if (s.charAt(ve + 2) != ' ' || s.charAt(ve + 3) != q) {
                    break;
                }
                int next = closingQuote(s, ve + 4, to, q);
                if (next < to && next + 1 < to && s.charAt(next + 1) == ':') {
                    break;
                }
                ve = next;
            }
            reachedEnd = ve >= to;
        } else if (q == '[' && !startsWith(s, i, to, maskPrefix)) {
            vs = i + 1;
            ve = vs;
            while (ve < to && s.charAt(ve) != ']' && s.charAt(ve) != '\n') {
                ve++;
            }
            reachedEnd = ve >= to;
        } else if (header) {
            // a header in a one-line list, OkHttp 4's Request{..., headers=[Authorization:Bearer x, Accept:y]}: the
            // value ends before the list's next "Name:" item or its ']', so the headers after it stay readable
            boolean listItem = sep == ':' && inBracketList(s, from, st);
            ve = vs;
            while (ve < to) {
                char v = s.charAt(ve);
                if (v == '\r' || v == '\n' || v == '"' || (sep == '=' && (v == ',' || v == '}' || v == '&'))
                        || (v == '[' && ve + 2 < to && s.charAt(ve + 1) == '\\')
                        || (listItem && (v == ']' || (v == ',' && nextListItem(s, ve, to))))) {
                    break;
                }
                ve++;
            }
            reachedEnd = ve >= to;
            while (ve > vs && s.charAt(ve - 1) == ' ') {
                ve--;
            }
            for (String scheme : SCHEMES) {
                if (startsWith(s, vs, ve, scheme)) {
                    vs += scheme.length();
                    break;
                }
            }
        } else {
            // a path parameter, /owners/11;token=v/visits?x: the value also ends at the path's next '/', '?' or '#'
            boolean pathParameter = sep == '=' && PathParameters.isPathParameter(s, from, st);
            ve = vs;
            while (ve < to && !valueEnd(s.charAt(ve)) && !(pathParameter && PathParameters.ends(s.charAt(ve)))) {
                ve++;
            }
            reachedEnd = ve >= to;
        }
        if (reachedEnd) {
            open.at(st);
        }
        if (ve <= vs || startsWith(s, vs, ve, maskPrefix) || isNullWord(s, vs, ve) || isReference(s, vs, ve)) {
            return sp;
        }
        return add(sp, vs, ve, t.owner);
    }

    /**
     * The owner for a call argument's name s[ns, ne) ({@link CallArguments}): a sensitive header's, or that of the
     * longest key keyword the name ends with; -1 if none.
     */
    int callOwner(CharSequence s, int ns, int ne) {
        String name = s.subSequence(ns, ne).toString().toLowerCase(Locale.ROOT);
        Integer h = headerOwners.get(name);
        if (h != null) {
            return h;
        }
        int owner = -1;
        int best = 0;
        for (java.util.Map.Entry<String, Integer> k : keyOwners.entrySet()) {
            String kw = k.getKey();
            if (kw.length() > best && name.endsWith(kw)) {
                owner = k.getValue();
                best = kw.length();
            }
        }
        return owner;
    }

    /** Is s[vs, ve) already a mask (the text was redacted before), or {@code null}? */
    boolean isMask(CharSequence s, int vs, int ve) {
        return startsWith(s, vs, ve, maskPrefix) || isNullWord(s, vs, ve);
    }

    /**
     * Is the name at st an item of a bracketed list on its line: right after '[' or ", ", with a '[' before it that
     * no ']' closed? Only then may a header value end at ", Name:" (a value of its own may hold ", ").
     */
    private static boolean inBracketList(CharSequence s, int from, int st) {
        boolean item = (st > from && s.charAt(st - 1) == '[')
                || (st - 2 >= from && s.charAt(st - 1) == ' ' && s.charAt(st - 2) == ',');
        for (int i = st - 1; item && i >= from; i--) {
            char c = s.charAt(i);
            if (c == '[') {
                return true;
            }
            if (c == ']' || c == '\n') {
                return false;
            }
        }
        return false;
    }

    /** At the ',' at i: does ", Name:" follow (the list's next item)? Not decided at the text's end: no. */
    private static boolean nextListItem(CharSequence s, int i, int to) {
        if (i + 2 >= to || s.charAt(i + 1) != ' ' || !nameChar(s.charAt(i + 2))) {
            return false;
        }
        int k = i + 2;
        while (k < to && nameChar(s.charAt(k))) {
            k++;
        }
        return k < to && s.charAt(k) == ':';
    }

    private static boolean valueEnd(char c) {
        return c <= ' ' || c == ',' || c == ';' || c == '&' || c == '}' || c == ')' || c == ']' || c == '"'
                || c == '\'' || c == '<' || c == '>';
    }

    /**
     * DB_PASSWORD=secret://file/prod/db/password names where a secret lives: it is not one (the value it
     * resolves to is a known secret and masked wherever it shows). Cheap: only after a key matched.
     */
    private static boolean isReference(CharSequence s, int vs, int ve) {
        return startsWith(s, vs, ve, "secret://") || startsWith(s, vs, ve, "vault://") || startsWith(s, vs, ve, "dir://");
    }

    private static boolean isNullWord(CharSequence s, int vs, int ve) {
        return ve - vs == 4 && s.charAt(vs) == 'n' && s.charAt(vs + 1) == 'u' && s.charAt(vs + 2) == 'l'
                && s.charAt(vs + 3) == 'l';
    }

    static boolean startsWith(CharSequence s, int at, int to, String p) {
        if (p.isEmpty() || at + p.length() > to) {
            return false;
        }
        for (int i = 0; i < p.length(); i++) {
            if (s.charAt(at + i) != p.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** {@code ?sig=...&}: the parameter name must stand alone; the value runs to the next & # ? or blank. */
    private Spans query(Trigger t, CharSequence s, int from, int to, int st, Spans sp, Open open) {
        if (st > from) {
            char b = s.charAt(st - 1);
            if (b != '?' && b != '&' && b != ';' && b > ' ' && b != '"' && b != '\'') {
                return sp;
            }
        }
        int vs = st + t.nameLength + 1; // the trigger includes '='
        int ve = vs;
        // ;jsessionid=v/x?y: a path parameter's value ends where the path goes on
        boolean pathParameter = PathParameters.isPathParameter(s, from, st);
        while (ve < to) {
            char c = s.charAt(ve);
            // ',' ')' ']' '}' '?' are not in the values these names carry (signatures, tokens, session ids are
            // base64, hex or percent-encoded): "access_token=v, client=web" keeps its ", client=web", and
            // "?x-amz-credential=v??private_token=w" is two values (a GitLab runner masker case), not one
            if (c == '&' || c == '#' || c == '?' || c <= ' ' || c == '"' || c == '\'' || c == '<' || c == '>'
                    || c == ',' || c == ')' || c == ']' || c == '}' || (pathParameter && PathParameters.ends(c))) {
                break;
            }
            ve++;
        }
        if (ve >= to) {
            open.at(st);
        }
        if (ve <= vs || startsWith(s, vs, ve, maskPrefix)) {
            return sp;
        }
        return add(sp, vs, ve, t.owner);
    }

    /** {@code scheme://user:password@host}: the password goes, user and host stay. */
    private Spans userInfo(Trigger t, CharSequence s, int to, int st, Spans sp, Open open) {
        int i = st + 4;
        int limit = Math.min(to, i + 512);
        int colon = -1;
        for (; i < limit; i++) {
            char c = s.charAt(i);
            if (c == '@') {
                break;
            }
            if (c == ':' && colon < 0) {
                colon = i;
            } else if (c <= ' ' || c == '/' || c == '?' || c == '#' || c == '"' || c == '\'' || c == '<' || c == '>') {
                return sp;
            }
        }
        if (i >= to) {
            open.at(st);
            return sp;
        }
        if (i >= limit || colon < 0 || i - colon <= 1 || startsWith(s, colon + 1, i, maskPrefix)
                || (i - colon == 4 && s.charAt(colon + 1) == '*')) {
            return sp;
        }
        return add(sp, colon + 1, i, t.owner);
    }

    // ---------------------------------------------------------------- building

    /** Triggers for the configured rules; {@code owners} hands out owner numbers for rule ids. */
    static List<Trigger> triggers(List<String> extraHeaders, List<DetectorRule> detectors, OwnerTable owners) {
        List<Trigger> out = new ArrayList<Trigger>();
        List<String> headers = new ArrayList<String>();
        for (String h : DEFAULT_HEADERS) {
            headers.add(h);
        }
        headers.addAll(extraHeaders);
        Set<String> seen = new HashSet<String>();
        for (String h : headers) {
            String low = h.toLowerCase(Locale.ROOT);
            if (low.length() < 2 || !seen.add(low)) {
                continue;
            }
            int owner = owners.owner("header:" + h);
            if (low.length() >= 4) {
                out.add(new Trigger(low, HEADER, low.length(), h, owner));
            } else {
                for (String sep : new String[] {":", "=", "\"", "'"}) {
                    out.add(new Trigger(low + sep, HEADER, low.length(), h, owner));
                }
            }
        }
        for (String k : KEYWORDS) {
            out.add(new Trigger(k, KEY, k.length(), k, owners.owner("key:" + k)));
        }
        int pwd = owners.owner("key:pwd");
        for (String sep : new String[] {"=", ":", "\"", "'"}) {
            out.add(new Trigger("pwd" + sep, KEY, 3, "pwd", pwd));
        }
        for (String q : QUERY_PARAMS) {
            out.add(new Trigger(q + "=", QUERY, q.length(), q, owners.owner("query:" + q)));
        }
        int oracle = owners.owner("url:oracle");
        for (String o : OracleUrls.NAMES) {
            out.add(new Trigger(o, ORACLE, o.length() - 1, "oracle", oracle));
        }
        for (String[] scheme : BareSchemes.SCHEMES) {
            out.add(new Trigger(scheme[0].toLowerCase(Locale.ROOT), SCHEME, scheme[0].length(), scheme[1],
                    owners.owner("auth:" + scheme[1]), scheme[0]));
        }
        for (String call : CallArguments.TRIGGERS) {
            out.add(new Trigger(call, CALL, call.length(), "call", -1, call));
        }
        int url = owners.owner("url:userinfo");
        for (char c = 'a'; c <= 'z'; c++) {
            out.add(new Trigger(c + "://", URL, 4, "userinfo", url));
        }
        for (char c = '0'; c <= '9'; c++) {
            out.add(new Trigger(c + "://", URL, 4, "userinfo", url));
        }
        for (DetectorRule d : detectors) {
            int owner = owners.owner(d.owner());
            for (String keyword : d.keywords) {
                out.add(new Trigger(keyword.toLowerCase(Locale.ROOT), DETECTOR, keyword.length(), d.id, owner, d,
                        keyword));
            }
        }
        return out;
    }

    /** Hands out owner numbers for ids: 0, 1, 2, ... in order of first use. */
    static final class OwnerTable {
        private final java.util.Map<String, Integer> numbers = new java.util.LinkedHashMap<String, Integer>();

        int owner(String id) {
            Integer o = numbers.get(id);
            if (o == null) {
                o = numbers.size();
                numbers.put(id, o);
            }
            return o;
        }

        int size() {
            return numbers.size();
        }

        /** Every id, at the index of its number. */
        String[] ids() {
            return numbers.keySet().toArray(new String[0]);
        }
    }
}
