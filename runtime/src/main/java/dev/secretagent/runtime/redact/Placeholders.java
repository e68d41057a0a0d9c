package dev.secretagent.runtime.redact;

import java.util.Locale;

/**
 * What makes a credential-shaped value an example, a placeholder or a test value rather than a credential: the one
 * set of allow rules the redactor's detectors and the {@code scan} command share (scan's key/value findings too).
 *
 * <p>Why these are safe to let through: a real token is random. The chance that a random base62 body holds a run of
 * 8 equal chars, {@code EXAMPLE}, {@code 12345678} or {@code abcdefgh} is below one in a billion; documentation
 * and templates hold them all the time ({@code AKIAIOSFODNN7EXAMPLE}, {@code ghp_xxxxxxxx...}, {@code ${TOKEN}}).
 */
public final class Placeholders {
    private Placeholders() {
    }

    /** Substrings (lower case) no random token holds and examples do. */
    private static final String[] WORDS = {"example", "placeholder", "changeme", "change_me", "your_", "your-",
        "yourtoken", "yourkey", "dummy", "redacted", "1234567890", "12345678", "abcdefgh", "xxxxxxxx", "insert",
        "replace", "sample", "fake_", "notreal", "not_real", "0123456789"};

    /** Is {@code s[from, to)} a placeholder or documented example, not a credential? */
    public static boolean isPlaceholder(CharSequence s, int from, int to) {
        return isPlaceholder(s, from, to, true);
    }

    /** As {@link #isPlaceholder(CharSequence, int, int)}; {@code runs}: is a long run of one char a placeholder? */
    static boolean isPlaceholder(CharSequence s, int from, int to, boolean runs) {
        if (to <= from) {
            return true;
        }
        int run = 1;
        int longest = 1;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '<' || c == '>' || c == '{' || c == '}' || c == '$' || c == '%' && i + 1 < to
                    && s.charAt(i + 1) == 's') {
                return true; // <token>, ${VAR}, {{ secret }}, %s
            }
            if (i > from && Character.toLowerCase(c) == Character.toLowerCase(s.charAt(i - 1))) {
                run++;
                longest = Math.max(longest, run);
            } else {
                run = 1;
            }
        }
        if (runs && (longest >= 8 || (to - from >= 12 && longest * 3 >= (to - from)))) {
            return true; // xxxxxxxx, 00000000, AAAAAAAAAAAA
        }
        String low = s.subSequence(from, to).toString().toLowerCase(Locale.ROOT);
        for (String w : WORDS) {
            if (low.contains(w)) {
                return true;
            }
        }
        return false;
    }

    /** Shannon entropy of {@code s[from, to)} in bits per char. */
    public static double entropy(CharSequence s, int from, int to) {
        int n = to - from;
        if (n <= 0) {
            return 0;
        }
        int[] counts = new int[128];
        int other = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < 128) {
                counts[c]++;
            } else {
                other++;
            }
        }
        double h = 0;
        for (int k = 0; k <= 128; k++) {
            int c = k < 128 ? counts[k] : other;
            if (c > 0) {
                double p = (double) c / n;
                h -= p * (Math.log(p) / Math.log(2));
            }
        }
        return h;
    }

    /**
     * Does a value behind a credential-like name look like a secret, not a word, path or reference? For scan's
     * key/value findings: at least 16 chars, no blanks, two of upper case/lower case/digits, entropy of at least
     * 3.5 bits a char, not a placeholder. Why so strict: a repository is full of {@code password=${DB_PASSWORD}},
     * {@code token: changeit} and class names; the runtime masks every such value anyway.
     */
    public static boolean looksSecret(CharSequence s, int from, int to) {
        int n = to - from;
        if (n < 16 || n > 512) {
            return false;
        }
        boolean upper = false;
        boolean lower = false;
        boolean digit = false;
        int dots = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c <= ' ' || c == '(' || c == ')' || c == '\\') {
                return false;
            }
            upper |= c >= 'A' && c <= 'Z';
            lower |= c >= 'a' && c <= 'z';
            digit |= c >= '0' && c <= '9';
            if (c == '.' || c == '/') {
                dots++;
            }
        }
        int classes = (upper ? 1 : 0) + (lower ? 1 : 0) + (digit ? 1 : 0);
        if (classes < 2 || !digit && n < 24 || dots > 3) {
            return false;
        }
        return entropy(s, from, to) >= 3.5 && !isPlaceholder(s, from, to);
    }
}
