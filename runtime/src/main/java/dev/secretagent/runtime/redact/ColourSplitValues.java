package dev.secretagent.runtime.redact;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.CharBuffer;

/**
 * Known values with terminal escape sequences inside them: PowerShell's formatter, a CI step's colouring or a
 * logger's highlighting can put {@code ESC[31m} in the middle of a value, and a terminal or a CI log page shows
 * the value whole. The text is read again as a view with the escape sequences left out; every known value found
 * in the view is masked in the text over its whole span, the escape sequences inside it included.
 *
 * <p>Only text that holds an ESC (0x1B) pays for this: one search for that char ({@code String.indexOf}, a SIMD
 * intrinsic; eight bytes at a time for bytes), and the matcher's loop itself is not touched. Name rules
 * ({@code password=} followed by a colour-split value) are not applied to the view: known values only.
 */
final class ColourSplitValues {
    static final char ESC = 0x1B;
    /** An OSC sequence (a hyperlink, a window title) longer than this is not one: the view keeps it as text. */
    private static final int MAX_OSC = 2048;
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long ESCS = ONES * ESC;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);

    private ColourSplitValues() {
    }

    static Spans find(SkipMatcher m, String s, int from, int to, Spans sp) {
        int esc = s.indexOf(ESC, from);
        return esc < 0 || esc >= to ? sp : find(m, s, from, to, false, sp);
    }

    static Spans find(SkipMatcher m, char[] s, int from, int to, Spans sp) {
        for (int i = from; i < to; i++) {
            if (s[i] == ESC) {
                return find(m, CharBuffer.wrap(s), from, to, false, sp);
            }
        }
        return sp;
    }

    static Spans find(SkipMatcher m, byte[] s, int from, int to, Spans sp) {
        return hasEscape(s, from, to) ? find(m, new RuleScanner.Latin1(s), from, to, true, sp) : sp;
    }

    /**
     * Whether b[from, to) holds an ESC byte: a zero byte in b ^ ESC...ESC, 32 bytes per test (four words whose
     * zero-byte bits are or-ed, one branch). Why so: this runs over every clean byte array, and the 8-byte loop
     * measured 1.7x the time of this one (~170 against ~100 us/MB of thread CPU time, load 12).
     */
    static boolean hasEscape(byte[] b, int from, int to) {
        int i = from;
        for (; i + 32 <= to; i += 32) {
            long x0 = (long) LONGS.get(b, i) ^ ESCS;
            long x1 = (long) LONGS.get(b, i + 8) ^ ESCS;
            long x2 = (long) LONGS.get(b, i + 16) ^ ESCS;
            long x3 = (long) LONGS.get(b, i + 24) ^ ESCS;
            if ((((x0 - ONES) & ~x0 | (x1 - ONES) & ~x1 | (x2 - ONES) & ~x2 | (x3 - ONES) & ~x3) & HIGHS) != 0) {
                return true;
            }
        }
        for (; i < to; i++) {
            if (b[i] == ESC) {
                return true;
            }
        }
        return false;
    }

    /**
     * The known values of the view of t[from, to) without its escape sequences, as spans of t; only those that
     * have an escape sequence inside (the others the plain scan found already).
     */
    private static Spans find(SkipMatcher m, CharSequence t, int from, int to, boolean bytes, Spans sp) {
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
     * What a stream must hold back of buf[from, to) because the next write could complete a known value that an
     * escape sequence splits (the tail's view is the start of a form; an unfinished sequence at the end counts
     * as skipped): a length of buf, 0 when buf holds no ESC.
     */
    static int heldTail(SkipMatcher m, byte[] buf, int from, int to) {
        return hasEscape(buf, from, to) ? heldTail(m, new RuleScanner.Latin1(buf), from, to, true) : 0;
    }

    static int heldTail(SkipMatcher m, char[] buf, int from, int to) {
        for (int i = from; i < to; i++) {
            if (buf[i] == ESC) {
                return heldTail(m, CharBuffer.wrap(buf), from, to, false);
            }
        }
        return 0;
    }

    private static int heldTail(SkipMatcher m, CharSequence t, int from, int to, boolean bytes) {
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
