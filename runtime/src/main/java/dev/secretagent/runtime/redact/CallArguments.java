package dev.secretagent.runtime.redact;

/**
 * A call whose first argument is a secret-looking name and whose second is its value, both string literals:
 * {@code System.setProperty("X_TOKEN", "v")}, {@code props.put("db.password", "v")},
 * {@code os.environ.setdefault('API_KEY', 'v')}, {@code header("Authorization", "v")}. Code gets logged (a failing
 * line, a config dump), and no ':' or '=' sits between that name and its value.
 *
 * <p>Found from the {@code ", "} (or {@code ', '}) between the two literals, a rare window of chars; the name
 * must be the whole first literal, right after a '(', and end with a key keyword or be a sensitive header. A
 * stream may have emitted the '(' and the name's start already (it holds back only from the name's keyword): a
 * name that begins at the start of the held text is taken as whole.
 */
final class CallArguments {
    static final String[] TRIGGERS = {"\", \"", "', '"};
    /** Longest name looked at. */
    private static final int MAX_NAME = 128;

    private CallArguments() {
    }

    static Spans apply(RuleScanner scanner, RuleScanner.Trigger t, CharSequence s, int from, int to, int st,
            Spans sp, RuleScanner.Open open) {
        char q = s.charAt(st);
        int ns = nameStart(s, from, st);
        if (ns == st) {
            return sp;
        }
        int start;
        if (ns - 1 >= from && s.charAt(ns - 1) == q) {
            start = ns - 1;
            int k = start - 1;
            while (k >= from && (s.charAt(k) == ' ' || s.charAt(k) == '\t')) {
                k--;
            }
            if (k >= from && s.charAt(k) != '(') {
                return sp;
            }
        } else if (ns == from) {
            start = ns;
        } else {
            return sp;
        }
        int owner = scanner.callOwner(s, ns, st);
        if (owner < 0) {
            return sp;
        }
        int vs = st + t.exact.length();
        int ve = closingQuote(s, vs, to, q);
        if (ve >= to) {
            open.at(start); // from the name: the next drain must see it again
        }
        if (ve <= vs || scanner.isMask(s, vs, ve)) {
            return sp;
        }
        return RuleScanner.add(sp, vs, ve, owner);
    }

    private static int nameStart(CharSequence s, int from, int e) {
        int ns = e;
        while (ns > from && e - ns < MAX_NAME && (RuleScanner.nameChar(s.charAt(ns - 1)) || s.charAt(ns - 1) == '.')) {
            ns--;
        }
        return ns;
    }

    private static int closingQuote(CharSequence s, int i, int to, char q) {
        while (i < to && s.charAt(i) != q && s.charAt(i) != '\n') {
            if (s.charAt(i) == '\\' && i + 1 < to) {
                i++;
            }
            i++;
        }
        return i;
    }

    /**
     * For a stream: the length of a tail that may be a name literal whose {@code ", "} has not arrived yet
     * ({@code ("api_key"}, {@code ("api_key",}, {@code ("api_key", }), from its opening quote; else 0.
     */
    static int tail(CharSequence s, int from, int to) {
        int e = to;
        if (e > from && s.charAt(e - 1) == ' ') {
            e--;
        }
        if (e > from && s.charAt(e - 1) == ',') {
            e--;
        }
        if (e <= from) {
            return 0;
        }
        char q = s.charAt(e - 1);
        if (q != '"' && q != '\'') {
            return 0;
        }
        int ns = nameStart(s, from, e - 1);
        if (ns == e - 1) {
            return 0;
        }
        if (ns > from && s.charAt(ns - 1) == q) {
            return to - (ns - 1);
        }
        return ns == from ? to - from : 0;
    }
}
