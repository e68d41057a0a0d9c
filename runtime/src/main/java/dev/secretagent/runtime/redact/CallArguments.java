package dev.secretagent.runtime.redact;

/**
 * A call whose first argument is a secret-looking name and whose second is its value, both string literals:
 * {@code System.setProperty("X_TOKEN", "v")}, {@code props.put("db.password", "v")},
 * {@code os.environ.setdefault('API_KEY', 'v')}, {@code header("Authorization", "v")}. Code gets logged (a failing
 * line, a config dump), and no ':' or '=' sits between that name and its value.
 *
 * <p>Found from the {@code ", "} (or {@code ', '}) between the two literals, a rare window of chars; the name
 * must be the whole first literal, right after a '(', and end with a key keyword or be a sensitive header. A
 * stream holds back a tail that may be such a call in progress from its '(' ({@link #tail}), so that the '(' is
 * always in the text the rule sees.
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
        int start = ns - 1 >= from && s.charAt(ns - 1) == q ? openingParen(s, from, ns - 1) : -1;
        if (start < 0) {
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

    /** The '(' before the quote at {@code q} (blanks between allowed), or -1. */
    private static int openingParen(CharSequence s, int from, int q) {
        int k = q - 1;
        while (k >= from && (s.charAt(k) == ' ' || s.charAt(k) == '\t')) {
            k--;
        }
        return k >= from && s.charAt(k) == '(' ? k : -1;
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
     * For a stream: the length of a tail that may be a call whose value has not begun yet, from its '('
     * ({@code (}, {@code ("api_k}, {@code ("api_key"}, {@code ("api_key",}, {@code ("api_key", }); else 0. Never
     * from a point between a name and its value (a quoted value after ':' or '=' is not after a '(').
     */
    static int tail(CharSequence s, int from, int to) {
        int e = to;
        while (e > from && (s.charAt(e - 1) == ' ' || s.charAt(e - 1) == '\t')) {
            e--;
        }
        if (e > from && s.charAt(e - 1) == '(') {
            return to - (e - 1);
        }
        if (e > from && s.charAt(e - 1) == ',') {
            e--;
        }
        int q; // the name's opening quote
        if (e > from && quote(s.charAt(e - 1))) {
            int ns = nameStart(s, from, e - 1);
            q = ns < e - 1 && ns - 1 >= from && s.charAt(ns - 1) == s.charAt(e - 1) ? ns - 1 : e - 1;
        } else if (e == to) {
            int ns = nameStart(s, from, e); // inside the name: ("api_k
            if (ns == e || ns - 1 < from || !quote(s.charAt(ns - 1))) {
                return 0;
            }
            q = ns - 1;
        } else {
            return 0;
        }
        int paren = openingParen(s, from, q);
        return paren >= 0 ? to - paren : 0;
    }

    private static boolean quote(char c) {
        return c == '"' || c == '\'';
    }
}
