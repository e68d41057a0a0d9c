package dev.secretagent.runtime.redact;

/**
 * A string type between a secret-looking name and its '=': {@code var apiToken string = "v"} (Go) and
 * {@code apiToken: String = "v"} (Kotlin, Scala, TypeScript, Python, Rust). Why: without it the name rule took the
 * type for the value, masked {@code String} and left the value itself in the clear. Only string types are
 * recognised (a fixed list): a word that merely looks like an identifier may well be the value.
 */
final class Assignments {
    /** Not a typed assignment. */
    static final int NO = -1;
    /** The text ends before it could be decided (a stream holds it). */
    static final int UNDECIDED = -2;

    static final String[] TYPES = {"String?", "String", "string", "&'static str", "&str", "str", "CharSequence",
        "char[]", "[]byte", "SecretString"};

    private Assignments() {
    }

    /**
     * At {@code i}, a string type, blanks and a single '=' ({@code "=="} is a comparison): the index after that '=';
     * {@link #NO}; or {@link #UNDECIDED} when a type and only blanks reach the end of the text.
     */
    static int typeThenEquals(CharSequence s, int i, int to) {
        if (i < to && typePrefix(s, i, to)) {
            return UNDECIDED; // "&" or "Str" at the end: the type is still being written
        }
        for (String type : TYPES) {
            if (!RuleScanner.startsWith(s, i, to, type)) {
                continue;
            }
            int k = i + type.length();
            if (k < to && !blank(s.charAt(k))) {
                continue; // "Strings", "string_value": not the type
            }
            while (k < to && blank(s.charAt(k))) {
                k++;
            }
            if (k >= to) {
                return UNDECIDED; // the '=' may come in the next write (or "String" be "Strings")
            }
            if (s.charAt(k) != '=') {
                return NO;
            }
            if (k + 1 >= to) {
                return UNDECIDED;
            }
            return s.charAt(k + 1) == '=' ? NO : k + 1;
        }
        return NO;
    }

    /**
     * For the trigger search, looking back from a '=': the start of a string type that ends at {@code e} after a
     * blank ({@code apiToken string| =}), or {@link #NO}.
     */
    static int typeEndingAt(CharSequence s, int from, int e) {
        for (String type : TYPES) {
            int b = e - type.length();
            if (b - 1 >= from && blank(s.charAt(b - 1)) && RuleScanner.startsWith(s, b, e, type)) {
                return b;
            }
        }
        return NO;
    }

    /**
     * For the trigger search at the end of a text: the start of a type (or the start of one) that ends the text
     * after a blank ({@code apiToken str|}), or {@link #NO}. Why: a stream must hold the name before it until the
     * type and its '=' have arrived; the name rule decides that once it is found.
     */
    static int typeAtEnd(CharSequence s, int from, int to) {
        int w = to;
        while (w > from && to - w < 16 && typeChar(s.charAt(w - 1))) {
            w--;
        }
        if (w == to || w == from || !blank(s.charAt(w - 1)) || !typePrefix(s, w, to)) {
            return NO;
        }
        return w;
    }

    static boolean typeChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '[' || c == ']' || c == '&' || c == '\'';
    }

    /** Is s[w, to) a type or the start of one? (No allocation: the trigger search calls it on clean text.) */
    private static boolean typePrefix(CharSequence s, int w, int to) {
        for (String type : TYPES) {
            if (type.length() < to - w) {
                continue;
            }
            int k = 0;
            while (w + k < to && s.charAt(w + k) == type.charAt(k)) {
                k++;
            }
            if (w + k == to) {
                return true;
            }
        }
        return false;
    }

    private static boolean blank(char c) {
        return c == ' ' || c == '\t';
    }
}
