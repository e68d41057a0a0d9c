package dev.secretagent.agent.store;

import java.security.SecureRandom;

/**
 * Random secret values from {@link SecureRandom}: by default 256 bits (NIST SP 800-57 strength for
 * symmetric keys), as characters drawn uniformly from an alphabet. Fewer than 128 bits is refused.
 */
public final class SecretGenerator {
    public static final int DEFAULT_BITS = 256;
    public static final int MIN_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    static final String BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    static final String HEX = "0123456789abcdef";
    static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    /** Printable characters without look-alikes (0/O, 1/l/I) and without quotes or shell metacharacters. */
    static final String PASSWORD = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789!#%+-.:=?@_~";

    private SecretGenerator() {
    }

    /** base64url, hex, alnum, password, or {@code chars:<characters>} (at least 2 distinct). */
    public static String alphabet(String name) {
        switch (name) {
            case "base64url":
                return BASE64URL;
            case "hex":
                return HEX;
            case "alnum":
                return ALNUM;
            case "password":
                return PASSWORD;
            default:
                if (name.startsWith("chars:")) {
                    String chars = distinct(name.substring("chars:".length()));
                    if (chars.length() >= 2) {
                        return chars;
                    }
                }
                throw new IllegalArgumentException("--alphabet must be base64url, hex, alnum, password or chars:<at least 2 characters>");
        }
    }

    /** Characters it takes to carry {@code bits} of entropy in {@code alphabet}. */
    public static int lengthFor(int bits, String alphabet) {
        return (int) Math.ceil(bits / log2(alphabet.length()));
    }

    public static double bits(int length, String alphabet) {
        return length * log2(alphabet.length());
    }

    /** {@code length} characters (0: as many as 256 bits take) from {@code alphabet}. */
    public static String generate(int length, String alphabet) {
        int n = length <= 0 ? lengthFor(DEFAULT_BITS, alphabet) : length;
        if (bits(n, alphabet) < MIN_BITS) {
            throw new IllegalArgumentException("--length " + n + " of this alphabet carries "
                    + (int) bits(n, alphabet) + " bits; at least " + MIN_BITS + " are needed ("
                    + lengthFor(MIN_BITS, alphabet) + " characters)");
        }
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    private static double log2(int n) {
        return Math.log(n) / Math.log(2);
    }

    private static String distinct(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (sb.indexOf(String.valueOf(c)) < 0) {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
