package dev.secretagent.runtime.redact;

import java.util.regex.Pattern;

/**
 * One credential detector, as data: its id ({@code <provider>-<kind>}, shown as {@code detector:<id>}), the family
 * the {@code detectors} option selects it by, the literal keywords the trigger search looks for, the pattern checked
 * where a keyword occurs, and what makes a match not a finding (minimum entropy, example values).
 *
 * <p>Kinds, by where the keyword sits:
 * <ul>
 * <li>{@link #PREFIX}: the token starts with the keyword ({@code ghp_}); the pattern is matched from there and the
 * token must stand alone (no letter, digit or {@code _} glued in front, none right after).</li>
 * <li>{@link #SHORT}: a prefix shorter than the trigger search's 4-char windows ({@code SG.}, {@code hf_}); its
 * keywords are the prefix behind each char a token can stand after (blank, quote, {@code =}, {@code :}, ...).</li>
 * <li>{@link #INNER}: the keyword is inside the token ({@code T3BlbkFJ} of an OpenAI key, {@code .atlasv1.}); the
 * token's start is found by reading back over {@link #back} chars of its alphabet.</li>
 * <li>{@link #CONTEXT}: a provider whose tokens have no prefix; the keyword is part of the name in front of a
 * separator ({@code HEROKU_API_KEY=...}), group 1 of the pattern is the value. Keywords in lower, upper and
 * capitalised case.</li>
 * <li>{@link #CODE}: checked by code, not a pattern (PEM blocks, JWTs).</li>
 * </ul>
 * A rule from a user's configuration ({@code detectors.config}) is a {@link #CONTEXT}-like rule with its own keywords
 * and pattern (see {@link #custom}).
 */
public final class DetectorRule {
    static final int PREFIX = 0;
    static final int SHORT = 1;
    static final int INNER = 2;
    static final int CONTEXT = 3;
    static final int CODE = 4;
    /** A user rule: the pattern is searched (find) in the keyword's line, group {@link #group} is the secret. */
    static final int CUSTOM = 5;

    /** Chars a token with a {@link #SHORT} prefix may stand after. */
    static final String SHORT_BOUNDARIES = " \t\n\"'=:`(,>[";

    final String id;
    final String family;
    final int kind;
    /** Exact-case literals the trigger search looks for (each at least 4 chars). */
    final String[] keywords;
    final String regex;
    final int group;
    final double minEntropy;
    /** INNER: how far back the token may start, and the chars it may start with until the keyword. */
    final int back;
    final String backAlphabet;
    /** Substrings that make a match an example, not a finding (besides {@link Placeholders}). */
    final String[] allow;
    /** Patterns a user rule's allowlist gives: a secret matching one is not a finding. */
    final Pattern[] allowRegexes;
    /** Is a long run of one char a sign of a placeholder? Not for formats that hold runs (Twitter's AAAA...). */
    boolean runsArePlaceholders = true;
    private volatile Pattern pattern;
    private volatile boolean[] backSet;

    DetectorRule(String id, String family, int kind, String[] keywords, String regex, int group, double minEntropy,
            int back, String backAlphabet, String[] allow, Pattern[] allowRegexes) {
        this.id = id;
        this.family = family;
        this.kind = kind;
        this.keywords = keywords;
        this.regex = regex;
        this.group = group;
        this.minEntropy = minEntropy;
        this.back = back;
        this.backAlphabet = backAlphabet;
        this.allow = allow;
        this.allowRegexes = allowRegexes;
    }

    /**
     * A rule from a gitleaks-format configuration, already translated to java.util.regex: keywords (any case; an
     * empty list is not allowed: without a literal the trigger search could not find where to run it), the pattern,
     * the secret's group (0: the whole match), minimum entropy (0: none), and its allowlist's regexes and stopwords.
     */
    public static DetectorRule custom(String id, java.util.List<String> keywords, String regex, int group,
            double minEntropy, java.util.List<String> allowRegexes, java.util.List<String> stopwords) {
        java.util.List<String> kws = new java.util.ArrayList<String>();
        for (String k : keywords) {
            for (String v : DetectorTable.caseVariants(k)) {
                // a 3-char keyword is looked for behind the chars a word stands after (the search needs 4)
                String[] forms = v.length() >= 4 ? new String[] {v} : new String[SHORT_BOUNDARIES.length()];
                for (int i = 0; v.length() < 4 && i < forms.length; i++) {
                    forms[i] = SHORT_BOUNDARIES.charAt(i) + v;
                }
                for (String f : forms) {
                    if (f.length() >= 4 && !kws.contains(f)) {
                        kws.add(f);
                    }
                }
            }
        }
        Pattern[] allow = new Pattern[allowRegexes.size()];
        for (int i = 0; i < allow.length; i++) {
            allow[i] = Pattern.compile(allowRegexes.get(i));
        }
        DetectorRule r = new DetectorRule(id, "custom", CUSTOM, kws.toArray(new String[0]), regex, group, minEntropy,
                0, null, stopwords.toArray(new String[0]), allow);
        r.pattern(); // compiles now: a bad pattern is an error at start, naming the rule
        return r;
    }

    /** The compiled pattern, compiled on first use (about a hundred rules: start-up pays only for those that run). */
    Pattern pattern() {
        Pattern p = pattern;
        if (p == null && regex != null) {
            p = Pattern.compile(regex);
            pattern = p;
        }
        return p;
    }

    /**
     * PREFIX and SHORT rules: the chars that may follow the keyword (the first char of the pattern's body), as a set
     * of Latin-1 chars; null when that is not simply read off the pattern (then any char may follow). Read from the
     * pattern's text rather than by running it, so that building the trigger index compiles no pattern. Why: the
     * trigger search can then test a 4-char keyword's last two chars together with the char after them (a 3-gram:
     * {@code pi} of {@code dapi} is in every "api", {@code pi} followed by a hex digit far less often).
     */
    boolean[] nextChars() {
        int k = regex == null || (kind != PREFIX && kind != SHORT) ? -1 : regex.indexOf("\\E)");
        if (k < 0) {
            return null;
        }
        String b = regex.substring(k + 3);
        while (b.startsWith("(")) {
            b = b.startsWith("(?:") ? b.substring(3) : b.substring(1);
        }
        boolean[] set = new boolean[256];
        int end;
        if (b.startsWith("[") && !b.startsWith("[^")) {
            end = charClass(b, set);
        } else if (!b.isEmpty() && (Character.isLetterOrDigit(b.charAt(0)) || b.charAt(0) == '_') && b.charAt(0) < 128) {
            set[b.charAt(0)] = true;
            end = 1;
        } else {
            return null;
        }
        // a quantifier that allows none would let another char follow the keyword
        return end < 0 || (end < b.length() && "?*{|".indexOf(b.charAt(end)) >= 0 && !b.startsWith("{", end)
                || b.startsWith("{0", end)) ? null : set;
    }

    /** Marks the chars of the class at the start of b ("[A-Za-z0-9_-]"); the index after it, or -1 if unsure. */
    private static int charClass(String b, boolean[] set) {
        int i = 1;
        while (i < b.length() && b.charAt(i) != ']') {
            char c = b.charAt(i);
            if (c == '\\') {
                if (i + 1 >= b.length() || Character.isLetterOrDigit(b.charAt(i + 1))) {
                    return -1; // \\d, \\w, \\s...: not worth reading here
                }
                c = b.charAt(i + 1);
                i++;
            } else if (c == '[' || c == '&') {
                return -1;
            }
            if (i + 2 < b.length() && b.charAt(i + 1) == '-' && b.charAt(i + 2) != ']') {
                char hi = b.charAt(i + 2);
                if (hi == '\\' || hi < c) {
                    return -1;
                }
                for (char x = c; x <= hi && x < 256; x++) {
                    set[x] = true;
                }
                i += 3;
            } else {
                set[c & 0xFF] = c < 256;
                if (c >= 256) {
                    return -1;
                }
                i++;
            }
        }
        return i < b.length() ? i + 1 : -1;
    }

    /**
     * INNER: which ASCII chars belong to {@link #backAlphabet} (computed once). Read off the class's text when it is a
     * plain one ({@code [A-Za-z0-9_-]}, as every built-in INNER rule's is), else by running it as a pattern. Why: the
     * first write of every console or log stream asks for it (its hold-back), and compiling the class and running it
     * 128 times, interpreted, cost a hello world's first line a few ms of its main thread.
     */
    boolean[] backSet() {
        boolean[] b = backSet;
        if (b == null) {
            b = new boolean[128];
            boolean[] read = new boolean[256];
            if (backAlphabet.startsWith("[") && !backAlphabet.startsWith("[^")
                    && charClass(backAlphabet, read) == backAlphabet.length()) {
                System.arraycopy(read, 0, b, 0, b.length);
            } else {
                b = backSetByPattern();
            }
            backSet = b;
        }
        return b;
    }

    /** The ASCII chars the {@link #backAlphabet} pattern matches, each tried alone. */
    boolean[] backSetByPattern() {
        boolean[] b = new boolean[128];
        Pattern p = Pattern.compile(backAlphabet);
        for (char c = 0; c < 128; c++) {
            b[c] = p.matcher(String.valueOf(c)).matches();
        }
        return b;
    }

    /** The id as masks, audit lines and findings show it. */
    public String owner() {
        return "detector:" + id;
    }

    public String id() {
        return id;
    }

    public String family() {
        return family;
    }

    /** The pattern as java.util.regex source (null for rules checked by code). */
    public String regex() {
        return regex;
    }

    public java.util.List<String> keywords() {
        return java.util.Collections.unmodifiableList(java.util.Arrays.asList(keywords));
    }
}
