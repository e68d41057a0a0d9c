package dev.secretagent.runtime.rotation;

import java.util.HashMap;
import java.util.Map;

/**
 * Whether a value put by hand is weak: shorter than {@code min.length} (it would not be redacted), or of
 * very low entropy (few distinct characters, repeats, a short word with digits). The answer is a
 * sentence about the value's shape that never contains any of it.
 */
public final class ValueStrength {
    /** Below this many bits (Shannon estimate over the value's own characters), a value is "very low entropy". */
    public static final double LOW_ENTROPY_BITS = 48.0;

    private ValueStrength() {
    }

    /** null when the value looks fine; else a warning that names {@code path} and the problem, never the value. */
    public static String warning(String path, String value, int minLength) {
        if (value.length() < minLength) {
            return "the value of '" + path + "' is shorter than min.length (" + minLength
                    + "): it would not be redacted; use 'store generate' for a random value";
        }
        if (estimatedBits(value) < LOW_ENTROPY_BITS) {
            return "the value of '" + path + "' has very low entropy (few distinct or repeated characters):"
                    + " it is easy to guess; use 'store generate' for a random value of 256 bits";
        }
        return null;
    }

    /** Length times the Shannon entropy of the value's character distribution: a rough upper bound for guessing. */
    public static double estimatedBits(String value) {
        Map<Integer, Integer> counts = new HashMap<Integer, Integer>();
        int n = 0;
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            Integer c = counts.get(cp);
            counts.put(cp, c == null ? 1 : c + 1);
            n++;
            i += Character.charCount(cp);
        }
        double h = 0;
        for (int c : counts.values()) {
            double p = (double) c / n;
            h -= p * (Math.log(p) / Math.log(2));
        }
        return h * n;
    }
}
