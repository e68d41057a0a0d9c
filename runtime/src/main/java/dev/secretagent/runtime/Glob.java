package dev.secretagent.runtime;

/** {@code *} (any run of characters) and {@code ?} (one character) globs, without regex, case-sensitive. */
public final class Glob {
    private Glob() {
    }

    /**
     * {@code glob} prepared for many texts: the usual forms, one literal with or without a {@code *} at either end
     * ({@code *PASSWORD*}, {@code SECRETAGENT_*}, {@code *_KEY}), become one String search; any other form goes
     * through {@link #matches}. Same answers as {@link #matches} (GlobTest); what it spares is the backtracking loop
     * that discovery ran, interpreted, for every environment variable and property against every name rule at start.
     */
    public static Prepared prepare(String glob) {
        return new Prepared(glob);
    }

    /** See {@link #prepare}. */
    public static final class Prepared {
        private final String glob;
        /** The text between the end stars, or null when it holds a wildcard itself (then {@link #matches}). */
        private final String literal;
        private final boolean anyStart;
        private final boolean anyEnd;

        private Prepared(String glob) {
            this.glob = glob;
            anyStart = glob.startsWith("*");
            anyEnd = glob.length() > (anyStart ? 1 : 0) && glob.endsWith("*");
            String middle = glob.substring(anyStart ? 1 : 0, anyEnd ? glob.length() - 1 : glob.length());
            literal = middle.indexOf('*') < 0 && middle.indexOf('?') < 0 ? middle : null;
        }

        public boolean matches(String text) {
            if (literal == null) {
                return Glob.matches(glob, text);
            }
            if (anyStart && anyEnd) {
                return text.contains(literal);
            }
            if (anyStart) {
                return text.endsWith(literal);
            }
            return anyEnd ? text.startsWith(literal) : text.equals(literal);
        }

        @Override
        public String toString() {
            return glob;
        }
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
