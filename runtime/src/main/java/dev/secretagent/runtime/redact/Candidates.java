package dev.secretagent.runtime.redact;

import java.util.Arrays;

/**
 * Triggers found in one text, as (start, trigger index) pairs. The rules run only after the whole text
 * was scanned, in order of start and then trigger index: the order the old left-to-right trigger scan
 * ran them in, which decides whose id names a mask when two rule hits start at the same place
 * ({@code access_token=...} is {@code query:access_token}, not {@code key:token}). Created on the
 * first trigger, so clean text allocates nothing.
 */
final class Candidates {
    private long[] keys = new long[8];
    private int size;
    /**
     * The text holds an ESC (0x1B): known values may be split by terminal escape sequences there
     * ({@link ColourSplitValues}). Noted by the trigger search, which reads every word anyway; with no trigger
     * in the text, Candidates with this alone.
     */
    boolean escape;

    /** Whether the search that gave {@code found} saw an ESC. */
    static boolean escape(Candidates found) {
        return found != null && found.escape;
    }

    void add(int start, int trigger) {
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
        }
        keys[size++] = ((long) start << 32) | trigger;
    }

    void sort() {
        Arrays.sort(keys, 0, size);
    }

    int size() {
        return size;
    }

    int start(int i) {
        return (int) (keys[i] >>> 32);
    }

    int trigger(int i) {
        return (int) keys[i];
    }
}
