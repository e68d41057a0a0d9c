package dev.secretagent.runtime.redact;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A team's own detectors and global allowlist (option {@code detectors.config}, a gitleaks-format file): parsed and
 * translated on the agent side, handed here compiled, read by every {@link Engine} built afterwards and by the
 * {@code scan} command through {@link CredentialFormats}. Why a holder: the runtime has no parser; the agent installs
 * the rules before the settings, so the first engine already has them.
 */
public final class CustomDetectors {
    private static final class State {
        final List<DetectorRule> rules;
        final boolean useDefault;
        final Pattern[] allowRegexes;
        final String[] stopwords;

        State(List<DetectorRule> rules, boolean useDefault, Pattern[] allowRegexes, String[] stopwords) {
            this.rules = rules;
            this.useDefault = useDefault;
            this.allowRegexes = allowRegexes;
            this.stopwords = stopwords;
        }
    }

    private static volatile State state = new State(Collections.<DetectorRule>emptyList(), true, new Pattern[0],
            new String[0]);

    private CustomDetectors() {
    }

    /**
     * Installs the rules; {@code useDefault}: do the built-in detectors still run ({@code [extend] useDefault})?
     * The global allowlist's regexes and stopwords apply to every detector's secret, built-in ones too.
     */
    public static void install(List<DetectorRule> rules, boolean useDefault, List<String> allowRegexes,
            List<String> stopwords) {
        Pattern[] p = new Pattern[allowRegexes.size()];
        for (int i = 0; i < p.length; i++) {
            p[i] = Pattern.compile(allowRegexes.get(i));
        }
        String[] words = new String[stopwords.size()];
        for (int i = 0; i < words.length; i++) {
            words[i] = stopwords.get(i).toLowerCase(Locale.ROOT);
        }
        state = new State(Collections.unmodifiableList(new ArrayList<DetectorRule>(rules)), useDefault, p, words);
    }

    /** Back to none (tests). */
    public static void reset() {
        install(Collections.<DetectorRule>emptyList(), true, Collections.<String>emptyList(),
                Collections.<String>emptyList());
    }

    static List<DetectorRule> rules() {
        return state.rules;
    }

    static boolean useDefault() {
        return state.useDefault;
    }

    /** Does the global allowlist accept the secret at [gs, ge)? */
    static boolean allows(CharSequence s, int gs, int ge) {
        State st = state;
        if (st.allowRegexes.length == 0 && st.stopwords.length == 0) {
            return false;
        }
        String secret = s.subSequence(gs, ge).toString();
        String low = secret.toLowerCase(Locale.ROOT);
        for (String w : st.stopwords) {
            if (low.contains(w)) {
                return true;
            }
        }
        for (Pattern p : st.allowRegexes) {
            if (p.matcher(secret).find()) {
                return true;
            }
        }
        return false;
    }

    /** The detectors of a {@code detectors} setting plus the installed ones (built-ins only if useDefault). */
    static List<DetectorRule> withInstalled(List<DetectorRule> builtIn) {
        State st = state;
        if (st.rules.isEmpty() && st.useDefault) {
            return builtIn;
        }
        List<DetectorRule> out = new ArrayList<DetectorRule>(st.useDefault ? builtIn : Collections.<DetectorRule>emptyList());
        out.addAll(st.rules);
        return out;
    }
}
