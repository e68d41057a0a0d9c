package dev.secretagent.runtime;

/** {@code *} (any run of characters) and {@code ?} (one character) globs, without regex, case-sensitive. */
public final class Glob {
    private Glob() {
    }

    public static boolean matches(String glob, String text) {
        int g = 0;
        int t = 0;
        int starG = -1;
        int starT = 0;
        while (t < text.length()) {
            if (g < glob.length() && (glob.charAt(g) == '?' || glob.charAt(g) == text.charAt(t))) {
                g++;
                t++;
            } else if (g < glob.length() && glob.charAt(g) == '*') {
                starG = g++;
                starT = t;
            } else if (starG >= 0) {
                g = starG + 1;
                t = ++starT;
            } else {
                return false;
            }
        }
        while (g < glob.length() && glob.charAt(g) == '*') {
            g++;
        }
        return g == glob.length();
    }
}
