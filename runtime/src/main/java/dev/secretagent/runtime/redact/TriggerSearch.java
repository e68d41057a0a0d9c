package dev.secretagent.runtime.redact;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;

/**
 * The search loops of {@link TriggerIndex}, once per input type (String, char[], UTF-8 byte[]) so that each
 * reads its input directly: separators first (the fastest single-char search each type allows), then
 * detector windows (one 2-gram test every {@link TriggerIndex#STRIDE} chars). Only where a cheap second look
 * passes is the text read through a CharSequence (created then, so clean text allocates nothing).
 */
final class TriggerSearch {
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long COLONS = ONES * ':';
    private static final long EQUALS = ONES * '=';

    private TriggerSearch() {
    }

    // ---------------------------------------------------------------- String

    static Candidates find(TriggerIndex ix, String s, int from, int to) {
        Candidates found = null;
        if (ix.separators) {
            // String.indexOf(char) is a SIMD intrinsic: many GB/s for a char as rare as ':' or '='
            found = separators(ix, s, from, to, ':', found);
            found = separators(ix, s, from, to, '=', found);
        }
        final long[] filter = ix.filter;
        final int step = TriggerIndex.STRIDE;
        for (int p = from; p + 1 < to; p += step) {
            int g = (s.charAt(p) & 0xFF) << 8 | (s.charAt(p + 1) & 0xFF);
            if ((filter[g >>> 6] & (1L << g)) != 0 && ix.detectorMayStart(context(s, from, to, p))) {
                found = ix.atGram(s, from, to, p, g, found);
            }
        }
        if (to > from && ix.mayEndInName(s.charAt(to - 1))) {
            found = ix.atEnd(s, from, to, found);
        }
        return found;
    }

    private static Candidates separators(TriggerIndex ix, String s, int from, int to, char sep, Candidates found) {
        for (int p = s.indexOf(sep, from); p >= 0 && p < to; p = s.indexOf(sep, p + 1)) {
            if (ix.sepMayMatter(at(s, from, to, p - 2), at(s, from, to, p - 1), sep, at(s, from, to, p + 1),
                    at(s, from, to, p + 2))) {
                found = ix.atSeparator(s, from, to, p, found);
            }
        }
        return found;
    }

    private static int at(String s, int from, int to, int i) {
        return i >= from && i < to ? s.charAt(i) : 0;
    }

    private static long context(String s, int from, int to, int p) {
        long x = 0;
        for (int i = p - 2; i < p + 4; i++) {
            x = x << 8 | (i >= from && i < to ? s.charAt(i) & 0xFF : 0);
        }
        return x;
    }

    // ---------------------------------------------------------------- char[]

    static Candidates find(TriggerIndex ix, char[] s, int from, int to) {
        Candidates found = null;
        CharSequence view = null;
        if (ix.separators) {
            for (int p = from; p < to; p++) {
                char c = s[p];
                if ((c == ':' || c == '=') && ix.sepMayMatter(at(s, from, to, p - 2), at(s, from, to, p - 1), c,
                        at(s, from, to, p + 1), at(s, from, to, p + 2))) {
                    view = view != null ? view : CharBuffer.wrap(s);
                    found = ix.atSeparator(view, from, to, p, found);
                }
            }
        }
        final long[] filter = ix.filter;
        final int step = TriggerIndex.STRIDE;
        for (int p = from; p + 1 < to; p += step) {
            int g = (s[p] & 0xFF) << 8 | (s[p + 1] & 0xFF);
            if ((filter[g >>> 6] & (1L << g)) != 0 && ix.detectorMayStart(context(s, from, to, p))) {
                view = view != null ? view : CharBuffer.wrap(s);
                found = ix.atGram(view, from, to, p, g, found);
            }
        }
        if (to > from && ix.mayEndInName(s[to - 1])) {
            found = ix.atEnd(view != null ? view : CharBuffer.wrap(s), from, to, found);
        }
        return found;
    }

    private static int at(char[] s, int from, int to, int i) {
        return i >= from && i < to ? s[i] : 0;
    }

    private static long context(char[] s, int from, int to, int p) {
        long x = 0;
        for (int i = p - 2; i < p + 4; i++) {
            x = x << 8 | (i >= from && i < to ? s[i] & 0xFF : 0);
        }
        return x;
    }

    // ---------------------------------------------------------------- UTF-8 byte[]

    static Candidates find(TriggerIndex ix, byte[] s, int from, int to) {
        Candidates found = null;
        CharSequence view = null;
        if (ix.separators) {
            // 8 bytes at a time: "has a byte equal to ':' or '='" with the classic has-zero-byte test
            ByteBuffer words = ByteBuffer.wrap(s).order(ByteOrder.LITTLE_ENDIAN);
            int p = from;
            for (; p + 8 <= to; p += 8) {
                long x = words.getLong(p);
                long c = x ^ COLONS;
                long e = x ^ EQUALS;
                if ((((c - ONES) & ~c | (e - ONES) & ~e) & HIGHS) != 0) {
                    for (int i = p; i < p + 8; i++) {
                        if ((s[i] == ':' || s[i] == '=') && sepMayMatter(ix, s, from, to, i)) {
                            view = view != null ? view : new RuleScanner.Latin1(s);
                            found = ix.atSeparator(view, from, to, i, found);
                        }
                    }
                }
            }
            for (; p < to; p++) {
                if ((s[p] == ':' || s[p] == '=') && sepMayMatter(ix, s, from, to, p)) {
                    view = view != null ? view : new RuleScanner.Latin1(s);
                    found = ix.atSeparator(view, from, to, p, found);
                }
            }
        }
        final long[] filter = ix.filter;
        final int step = TriggerIndex.STRIDE;
        for (int p = from; p + 1 < to; p += step) {
            int g = (s[p] & 0xFF) << 8 | (s[p + 1] & 0xFF);
            if ((filter[g >>> 6] & (1L << g)) != 0 && ix.detectorMayStart(context(s, from, to, p))) {
                view = view != null ? view : new RuleScanner.Latin1(s);
                found = ix.atGram(view, from, to, p, g, found);
            }
        }
        if (to > from && ix.mayEndInName(s[to - 1] & 0xFF)) {
            found = ix.atEnd(view != null ? view : new RuleScanner.Latin1(s), from, to, found);
        }
        return found;
    }

    private static boolean sepMayMatter(TriggerIndex ix, byte[] s, int from, int to, int p) {
        return ix.sepMayMatter(at(s, from, to, p - 2), at(s, from, to, p - 1), s[p], at(s, from, to, p + 1),
                at(s, from, to, p + 2));
    }

    private static int at(byte[] s, int from, int to, int i) {
        return i >= from && i < to ? s[i] & 0xFF : 0;
    }

    private static long context(byte[] s, int from, int to, int p) {
        long x = 0;
        for (int i = p - 2; i < p + 4; i++) {
            x = x << 8 | (i >= from && i < to ? s[i] & 0xFF : 0);
        }
        return x;
    }
}
