package dev.secretagent.runtime.redact;

/**
 * Known values with terminal escape sequences inside them: PowerShell's formatter, a CI step's colouring or a
 * logger's highlighting can put {@code ESC[31m} in the middle of a value, and a terminal or a CI log page shows
 * the value whole. The text is read again as a view with the escape sequences left out; every known value found
 * in the view is masked in the text over its whole span, the escape sequences inside it included.
 *
 * <p>Only text that holds an ESC (0x1B) is read this way, and whether it does is noted by the trigger search's loop
 * ({@link TriggerSearch}, {@link Candidates#escape}), which reads every word anyway: {@link Engine#find} calls this
 * only then, and clean text pays no pass of its own. Neither the matcher's loop nor the view is touched otherwise.
 * Name rules ({@code password=} followed by a colour-split value) are not applied to the view: known values only.
 */
final class ColourSplitValues {
    static final char ESC = TriggerSearch.ESC;
    /** An OSC sequence (a hyperlink, a window title) longer than this is not one: the view keeps it as text. */
    private static final int MAX_OSC = 2048;

    private ColourSplitValues() {
    }

    /**
     * The known values of the view of t[from, to) without its escape sequences, as spans of t; only those that
     * have an escape sequence inside (the others the plain scan found already).
     */
    static Spans find(SkipMatcher m, CharSequence t, int from, int to, boolean bytes, Spans sp) {
        View v = new View(t, from, to);
        if (!v.skipped) {
            return sp;
        }
        Spans found = bytes ? m.scan(v.bytes(), 0, v.n, null) : m.scan(v.units, 0, v.n, null);
        if (found == null) {
            return sp;
        }
        for (int k = 0; k < found.size; k++) {
            int start = v.at[found.start[k]];
            int end = v.at[found.end[k] - 1] + 1;
            if (end - start != found.end[k] - found.start[k]) {
                sp = sp != null ? sp : new Spans();
                sp.add(start, end, found.owner[k]);
            }
        }
        return sp;
    }

    /**
     * What a stream must hold back of t[from, to) because the next write could complete a known value that an
     * escape sequence splits (the tail's view is the start of a form; an unfinished sequence at the end counts
     * as skipped): a length of t, 0 when t holds no escape sequence. {@code bytes}: t is a Latin-1 view of bytes.
     */
    static int heldTail(SkipMatcher m, CharSequence t, int from, int to, boolean bytes) {
        View v = new View(t, from, to);
        if (!v.skipped || v.n == 0) {
            return 0;
        }
        int tail = bytes ? m.heldTail(v.bytes(), 0, v.n) : m.heldTail(v.units, 0, v.n);
        return tail == 0 ? 0 : to - v.at[v.n - tail];
    }

    /** t[from, to) without its escape sequences: the units kept and, for each, its index in t. */
    private static final class View {
        final char[] units;
        final int[] at;
        int n;
        boolean skipped;

        View(CharSequence t, int from, int to) {
            units = new char[to - from];
            at = new int[to - from];
            for (int i = from; i < to; ) {
                int len = t.charAt(i) == ESC ? sequenceLength(t, i, to) : 0;
                if (len != 0) {
                    skipped = true;
                    i = len < 0 ? to : i + len;
                    continue;
                }
                units[n] = t.charAt(i);
                at[n++] = i++;
            }
        }

        /** The units as bytes, for a byte matcher (they are Latin-1 views of bytes). */
        byte[] bytes() {
            byte[] b = new byte[n];
            for (int k = 0; k < n; k++) {
                b[k] = (byte) units[k];
            }
            return b;
        }
    }

    /**
     * The length of the complete escape sequence at t[i] (an ESC), 0 when there is none (the view keeps the ESC),
     * -1 when t ends inside one (the next write may complete it):
     * CSI {@code ESC [ params intermediates final} (colours, cursor moves), OSC {@code ESC ] ... BEL} or
     * {@code ... ESC \} (hyperlinks, titles), and the two-char {@code ESC X} forms (X in 0x30..0x7E: {@code ESC 7},
     * {@code ESC M}, ...).
     */
    static int sequenceLength(CharSequence t, int i, int to) {
        if (i + 1 >= to) {
            return -1;
        }
        char c = t.charAt(i + 1);
        if (c == '[') {
            int j = i + 2;
            while (j < to && t.charAt(j) >= 0x30 && t.charAt(j) <= 0x3F) {
                j++;
            }
            while (j < to && t.charAt(j) >= 0x20 && t.charAt(j) <= 0x2F) {
                j++;
            }
            return j >= to ? -1 : t.charAt(j) >= 0x40 && t.charAt(j) <= 0x7E ? j + 1 - i : 0;
        }
        if (c == ']') {
            int j = i + 2;
            for (; j < to && j - i < MAX_OSC; j++) {
                char d = t.charAt(j);
                if (d == 0x07) {
                    return j + 1 - i;
                }
                if (d == ESC) {
                    return j + 1 >= to ? -1 : t.charAt(j + 1) == '\\' ? j + 2 - i : 0;
                }
            }
            return j >= to ? -1 : 0;
        }
        return c >= 0x30 && c <= 0x7E ? 2 : 0;
    }
}
