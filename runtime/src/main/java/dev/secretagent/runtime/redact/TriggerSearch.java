package dev.secretagent.runtime.redact;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.CharBuffer;

/**
 * The search loops of {@link TriggerIndex}, once per input type (String, char[], UTF-8 byte[]) so that each
 * reads its input directly: separators first (the fastest single-char search each type allows), then
 * detector keywords (one 3-gram test every {@link TriggerIndex#STRIDE} chars). Only where a cheap second look
 * passes is the text read through a CharSequence (created then, so clean text allocates nothing).
 *
 * <p>Bytes, and Strings of at least {@link #BIG} chars (their low bytes, copied), are read in blocks of
 * {@link #BLOCK} = 24 bytes: three little-endian {@code long}s, tested for a detector 3-gram at each of the
 * block's 8 probe positions (p, p+3, ..., p+21: the same positions as the per-char loop) and, for bytes, for
 * separator bytes (SWAR; Strings keep {@code indexOf}, which is faster there). Why: one bounds-checked load per
 * probed char was the largest cost on clean text; three loads per 24 bytes are not. Only the positions flagged
 * go through the exact per-char checks, which are the same as before, so the triggers found are the same.
 *
 * <p>The same search notes whether the text holds an ESC (0x1B, {@link Candidates#escape}), the one char that makes
 * the engine read the text again as a view without terminal escape sequences ({@link ColourSplitValues}). Bytes: in
 * the block loops, three operations on each word already in a register, so clean text pays no pass of its own.
 * Strings: {@code String.indexOf} (a SIMD intrinsic, cheaper than the same test on the copied low bytes). char[]:
 * the separator loop, which reads every char.
 */
final class TriggerSearch {
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long COLONS = ONES * ':';
    private static final long EQUALS = ONES * '=';
    private static final long SLASHES = ONES * '/';
    private static final long LOWS = 0x7F7F7F7F7F7F7F7FL;
    static final char ESC = 0x1B;
    private static final long ESCS = ONES * ESC;
    static final int BLOCK = 24;
    /** Strings shorter than this keep the per-char loop: the block loop needs a copy of the chars. */
    static final int BIG = 256;
    /** Chars copied per round (a multiple of BLOCK): bounds the scratch array of a long String. */
    private static final int CHUNK = 170 * BLOCK;
    /** Per thread, so that clean text allocates nothing: the String is copied here a chunk at a time. */
    private static final ThreadLocal<byte[]> SCRATCH = new ThreadLocal<byte[]>() {
        @Override
        protected byte[] initialValue() {
            return new byte[CHUNK];
        }
    };
    /** Per thread: pass 1's notes on the blocks of one chunk of bytes (4 longs a block at most). */
    private static final ThreadLocal<long[]> FLAGGED = new ThreadLocal<long[]>() {
        @Override
        protected long[] initialValue() {
            return new long[4 * (CHUNK / BLOCK)];
        }
    };
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);

    private TriggerSearch() {
    }

    // ---------------------------------------------------------------- String

    static Candidates find(TriggerIndex ix, String s, int from, int to) {
        if (to - from >= BIG) {
            return findInBlocks(ix, s, from, to);
        }
        // a short String: String.indexOf(char) is a SIMD intrinsic, and the probes below do not read every char
        Candidates found = hasEscape(s, from, to) ? escape(null) : null;
        if (ix.separators) {
            // String.indexOf(char) is a SIMD intrinsic: many GB/s for a char as rare as ':' or '='
            found = separators(ix, s, from, to, ':', found);
            found = separators(ix, s, from, to, '=', found);
        }
        final int step = TriggerIndex.STRIDE;
        for (int p = from; p + 1 < to; p += step) {
            int g = (s.charAt(p) & 0xFF) << 8 | (s.charAt(p + 1) & 0xFF);
            if (ix.probeShort(g, p + 2 < to ? s.charAt(p + 2) : -1) && ix.detectorMayStart(context(s, from, to, p), g)) {
                found = ix.atGram(s, from, to, p, g, found);
            }
        }
        if (to > from && ix.mayEndInName(s.charAt(to - 1))) {
            found = ix.atEnd(s, from, to, found);
        }
        return found;
    }

    private static Candidates findInBlocks(TriggerIndex ix, String s, int from, int to) {
        Candidates found = null;
        if (ix.separators) {
            // String.indexOf(char) is a SIMD intrinsic: faster than any block test for a char as rare as ':'
            found = separators(ix, s, from, to, ':', found);
            found = separators(ix, s, from, to, '=', found);
        }
        final byte[] grams = ix.grams3;
        // the detector probes read the chars' low bytes (what the second look compares; a char >= 256 can only
        // add false hits, which the exact checks on the String reject). String.getBytes(int, int, byte[], int) is
        // deprecated because it drops high bytes, which is what is wanted here; for a Latin-1 String it is an
        // array copy. The scratch array is bounded by CHUNK.
        byte[] buf = SCRATCH.get();
        int c = from;
        while (to - c >= BLOCK) {
            int n = Math.min(CHUNK, (to - c) / BLOCK * BLOCK);
            s.getBytes(c, c + n, buf, 0);
            for (int i = 0; i < n; i += BLOCK) {
                long w0 = (long) LONGS.get(buf, i);
                long w1 = (long) LONGS.get(buf, i + 8);
                long w2 = (long) LONGS.get(buf, i + 16);
                for (int h = gramHits(grams, w0, w1, w2); h != 0; h &= h - 1) {
                    int j = i + TriggerIndex.STRIDE * Integer.numberOfTrailingZeros(h);
                    // the second look's 8 chars from the copy when they are in it (low bytes, as it compares)
                    long ctx = j >= 3 && j + 5 <= n ? Long.reverseBytes((long) LONGS.get(buf, j - 3))
                            : context(s, from, to, c + j);
                    found = hit(ix, s, from, to, c + j, ctx, found);
                }
            }
            c += n;
        }
        // String.indexOf (SIMD) costs a long String less than a test in the block loop above (measured)
        if (hasEscape(s, from, to)) {
            found = escape(found);
        }
        if (c < to) {
            found = probes(ix, s, from, to, c, to, found);
        }
        if (to > from && ix.mayEndInName(s.charAt(to - 1))) {
            found = ix.atEnd(s, from, to, found);
        }
        return found;
    }

    /**
     * A block probe at q whose 3-gram is in the first stage: the second look on the 8 chars around it ({@code ctx},
     * c[q-3] in the top byte), then the exact check.
     */
    private static Candidates hit(TriggerIndex ix, CharSequence s, int from, int to, int q, long ctx,
            Candidates found) {
        int g = (int) (ctx >>> 24) & 0xFFFF;
        return ix.detectorMayStart(ctx, g) ? ix.atGram(s, from, to, q, g, found) : found;
    }

    /** Detector probes at a, a+3, ... below b (a - from is a multiple of 3), checked exactly. */
    private static Candidates probes(TriggerIndex ix, String s, int from, int to, int a, int b, Candidates found) {
        for (int p = a; p < b && p + 1 < to; p += TriggerIndex.STRIDE) {
            int g = (s.charAt(p) & 0xFF) << 8 | (s.charAt(p + 1) & 0xFF);
            if (ix.probe(g, p + 2 < to ? s.charAt(p + 2) : -1) && ix.detectorMayStart(context(s, from, to, p), g)) {
                found = ix.atGram(s, from, to, p, g, found);
            }
        }
        return found;
    }

    /**
     * Which of the block's 8 probe positions (offsets 0, 3, 6, ..., 21 of the words w0 w1 w2) start a detector
     * 3-gram ({@link TriggerIndex#grams3}): bit k for offset 3k. Never 0 for a probe the exact check would accept.
     * The 8 3-grams of a block end at its last byte (21 + 2 = 23), so no probe needs a byte of the next block.
     */
    private static int gramHits(byte[] t, long w0, long w1, long w2) {
        // little-endian: byte k of a word is bits 8k .. 8k+7, so the 3-gram at p is b[p] | b[p+1] << 8 | b[p+2] << 16
        int h0 = t[TriggerIndex.hash3((int) w0 & 0xFFFFFF)];
        int h1 = t[TriggerIndex.hash3((int) (w0 >>> 24) & 0xFFFFFF)];
        int h2 = t[TriggerIndex.hash3((int) (w0 >>> 48) & 0xFFFF | ((int) w1 & 0xFF) << 16)];
        int h3 = t[TriggerIndex.hash3((int) (w1 >>> 8) & 0xFFFFFF)];
        int h4 = t[TriggerIndex.hash3((int) (w1 >>> 32) & 0xFFFFFF)];
        int h5 = t[TriggerIndex.hash3((int) (w1 >>> 56) | ((int) w2 & 0xFFFF) << 8)];
        int h6 = t[TriggerIndex.hash3((int) (w2 >>> 16) & 0xFFFFFF)];
        int h7 = t[TriggerIndex.hash3((int) (w2 >>> 40) & 0xFFFFFF)];
        return h0 | h1 << 1 | h2 << 2 | h3 << 3 | h4 << 4 | h5 << 5 | h6 << 6 | h7 << 7;
    }

    /** {@link #gramHits(byte[], long, long, long)} on the bit set ({@link TriggerIndex#grams3Bits}), for a line. */
    private static int gramHits(long[] t, long w0, long w1, long w2) {
        // little-endian: byte k of a word is bits 8k .. 8k+7, so the 3-gram at p is b[p] | b[p+1] << 8 | b[p+2] << 16
        int h0 = TriggerIndex.gram3(t, TriggerIndex.hash3((int) w0 & 0xFFFFFF));
        int h1 = TriggerIndex.gram3(t, TriggerIndex.hash3((int) (w0 >>> 24) & 0xFFFFFF));
        int h2 = TriggerIndex.gram3(t, TriggerIndex.hash3((int) (w0 >>> 48) & 0xFFFF | ((int) w1 & 0xFF) << 16));
        int h3 = TriggerIndex.gram3(t, TriggerIndex.hash3((int) (w1 >>> 8) & 0xFFFFFF));
        int h4 = TriggerIndex.gram3(t, TriggerIndex.hash3((int) (w1 >>> 32) & 0xFFFFFF));
        int h5 = TriggerIndex.gram3(t, TriggerIndex.hash3((int) (w1 >>> 56) | ((int) w2 & 0xFFFF) << 8));
        int h6 = TriggerIndex.gram3(t, TriggerIndex.hash3((int) (w2 >>> 16) & 0xFFFFFF));
        int h7 = TriggerIndex.gram3(t, TriggerIndex.hash3((int) (w2 >>> 40) & 0xFFFFFF));
        return h0 | h1 << 1 | h2 << 2 | h3 << 3 | h4 << 4 | h5 << 5 | h6 << 6 | h7 << 7;
    }

    /**
     * A high bit set in some byte when w holds an ESC or a byte >= 0x80 (a multi-byte UTF-8 char): exact for ASCII,
     * where clean text never sets one; text with other bytes is then searched exactly (as every text was before the
     * test moved into these loops). Three operations a word, or-ed over the text and tested once.
     */
    private static long escOrHigh(long w) {
        // w ^ ESCS has a zero byte where w has an ESC; minus 1 in every byte sets the high bit there (the lowest
        // such byte gets no borrow: the ones below it are 1..0x7F), never in a byte 1..0x7F
        return (w ^ ESCS) - ONES;
    }

    /** The exact zero-byte test: nonzero in a high bit iff w has a zero byte. */
    private static long zeroBytes(long w) {
        return (w - ONES) & ~w;
    }

    /** Candidates that say the text holds an ESC: {@code found}, or new ones when none were found. */
    private static Candidates escape(Candidates found) {
        Candidates c = found != null ? found : new Candidates();
        c.escape = true;
        return c;
    }

    private static boolean hasEscape(String s, int from, int to) {
        int esc = s.indexOf(ESC, from);
        return esc >= 0 && esc < to;
    }

    /**
     * Whether s[from, to) holds an ESC, eight bytes a test: for a text with no trigger to search, the last bytes
     * after the blocks, and text whose blocks hold bytes >= 0x80 ({@link #escOrHigh}).
     */
    static boolean hasEscape(byte[] s, int from, int to) {
        int i = from;
        for (; i + 8 <= to; i += 8) {
            if ((zeroBytes((long) LONGS.get(s, i) ^ ESCS) & HIGHS) != 0) {
                return true;
            }
        }
        for (; i < to; i++) {
            if (s[i] == ESC) {
                return true;
            }
        }
        return false;
    }

    static boolean hasEscape(char[] s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s[i] == ESC) {
                return true;
            }
        }
        return false;
    }

    /**
     * The ESC search alone, for a rule set with no triggers: {@link Candidates} that say the text holds an ESC,
     * or null.
     */
    static Candidates escapeOnly(String s, int from, int to) {
        return hasEscape(s, from, to) ? escape(null) : null;
    }

    static Candidates escapeOnly(char[] s, int from, int to) {
        return hasEscape(s, from, to) ? escape(null) : null;
    }

    static Candidates escapeOnly(byte[] s, int from, int to) {
        return hasEscape(s, from, to) ? escape(null) : null;
    }

    /** The high bit of each byte of w that equals the byte repeated in {@code pattern}; exact. */
    private static long eq(long w, long pattern) {
        long x = w ^ pattern;
        return ~(((x & LOWS) + LOWS) | x) & HIGHS;
    }

    private static Candidates separators(TriggerIndex ix, String s, int from, int to, char sep, Candidates found) {
        for (int p = s.indexOf(sep, from); p >= 0 && p < to; p = s.indexOf(sep, p + 1)) {
            found = separator(ix, s, from, to, sep, p, found);
            // a time of day (12:34:56) is on almost every log line: its second colon is three chars on, and
            // looking there directly saves a call to indexOf, whose start-up costs more than the search
            while (p + 3 < to && s.charAt(p + 3) == sep) {
                p += 3;
                found = separator(ix, s, from, to, sep, p, found);
            }
        }
        return found;
    }

    private static Candidates separator(TriggerIndex ix, String s, int from, int to, char sep, int p,
            Candidates found) {
        boolean matters = p - 2 >= from
                ? ix.sepMayMatterAfter(s.charAt(p - 2), s.charAt(p - 1))
                        || (sep == ':' && p + 2 < to && s.charAt(p + 1) == '/' && s.charAt(p + 2) == '/')
                : ix.sepMayMatter(at(s, from, to, p - 2), at(s, from, to, p - 1), sep, at(s, from, to, p + 1),
                        at(s, from, to, p + 2));
        if (matters) {
            found = ix.atSeparator(s, from, to, p, found);
        }
        return found;
    }

    private static int at(String s, int from, int to, int i) {
        return i >= from && i < to ? s.charAt(i) : 0;
    }

    private static long context(String s, int from, int to, int p) {
        long x = 0;
        for (int i = p - 3; i < p + 5; i++) {
            x = x << 8 | (i >= from && i < to ? s.charAt(i) & 0xFF : 0);
        }
        return x;
    }

    // ---------------------------------------------------------------- char[]

    static Candidates find(TriggerIndex ix, char[] s, int from, int to) {
        Candidates found = null;
        CharSequence view = null;
        boolean esc = false;
        if (ix.separators) {
            // the loop that reads every char looks for the ESC too
            for (int p = from; p < to; p++) {
                char c = s[p];
                esc |= c == ESC;
                if ((c == ':' || c == '=') && ix.sepMayMatter(at(s, from, to, p - 2), at(s, from, to, p - 1), c,
                        at(s, from, to, p + 1), at(s, from, to, p + 2))) {
                    view = view != null ? view : CharBuffer.wrap(s);
                    found = ix.atSeparator(view, from, to, p, found);
                }
            }
        } else {
            esc = hasEscape(s, from, to);
        }
        if (esc) {
            found = escape(found);
        }
        final int step = TriggerIndex.STRIDE;
        final boolean line = to - from < BIG; // the dense table for a line (TriggerIndex.grams3Bits says why)
        for (int p = from; p + 1 < to; p += step) {
            int g = (s[p] & 0xFF) << 8 | (s[p + 1] & 0xFF);
            int next = p + 2 < to ? s[p + 2] : -1;
            if ((line ? ix.probeShort(g, next) : ix.probe(g, next))
                    && ix.detectorMayStart(context(s, from, to, p), g)) {
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
        for (int i = p - 3; i < p + 5; i++) {
            x = x << 8 | (i >= from && i < to ? s[i] & 0xFF : 0);
        }
        return x;
    }

    // ---------------------------------------------------------------- UTF-8 byte[]

    static Candidates find(TriggerIndex ix, byte[] s, int from, int to) {
        // the Latin-1 view the rules read is made only where a trigger may really be (clean text allocates nothing)
        Candidates found = null;
        int p = from;
        long escs = 0;
        if (to - from >= BIG) {
            found = findInChunks(ix, s, from, to);
            p = from + (to - from) / BLOCK * BLOCK;
        } else {
            // a log line: each block checked at once (no per-thread array to look up for a few blocks), and the
            // colons of its time dropped in registers: checking its two or three separators one by one costs a
            // ~100-byte line ~15 ns more (measured), a long text nothing
            final long[] grams = ix.grams3Bits; // a line: the dense copy (TriggerIndex.grams3Bits says why)
            final boolean dropTimes = !ix.digitNames;
            for (; to - p >= BLOCK; p += BLOCK) {
                long w0 = (long) LONGS.get(s, p);
                long w1 = (long) LONGS.get(s, p + 8);
                long w2 = (long) LONGS.get(s, p + 16);
                escs |= escOrHigh(w0) | escOrHigh(w1) | escOrHigh(w2);
                int h = gramHits(grams, w0, w1, w2);
                long m0 = ix.separators ? separators(w0) : 0;
                long m1 = ix.separators ? separators(w1) : 0;
                long m2 = ix.separators ? separators(w2) : 0;
                if ((m0 | m1 | m2) != 0 && dropTimes) {
                    // drop separators right after a digit unless '/' follows ("1://"): when no name ends in a
                    // digit, TriggerIndex.sepMayMatter rejects them too (not after a blank, a quote or a name's
                    // last two chars). Across the words of the block; its first and last byte are kept (their
                    // neighbour is outside the block)
                    long d0 = digits(w0);
                    long d1 = digits(w1);
                    long d2 = digits(w2);
                    long l0 = eq(w0, SLASHES);
                    long l1 = eq(w1, SLASHES);
                    long l2 = eq(w2, SLASHES);
                    m0 &= ~((d0 << 8) & ~(l0 >>> 8 | l1 << 56));
                    m1 &= ~((d1 << 8 | d0 >>> 56) & ~(l1 >>> 8 | l2 << 56));
                    m2 &= ~((d2 << 8 | d1 >>> 56) & ~(l2 >>> 8) & 0x0080808080808080L);
                }
                if ((h | m0 | m1 | m2) != 0) {
                    found = checkBlock(ix, s, from, to, p, h, m0, m1, m2, found);
                }
            }
        }
        if ((escs & HIGHS) != 0 ? hasEscape(s, from, to) : hasEscape(s, p, to)) {
            found = escape(found); // (a long text's blocks: findInChunks says)
        }
        if (p < to) {
            found = inRange(ix, s, from, to, p, to, found);
        }
        if (to > from && ix.mayEndInName(s[to - 1] & 0xFF)) {
            found = ix.atEnd(new RuleScanner.Latin1(s), from, to, found);
        }
        return found;
    }

    /**
     * The whole blocks of a long s[from, to), a chunk at a time. Pass 1 notes the blocks with a detector probe hit
     * or a separator (four longs each: position and probe hits, then the separator masks of its three words),
     * with no calls in its loop; pass 2 checks them. Why: with the exact checks (calls) inside the loop, the JIT's
     * inlining of them made the loop up to 30% slower, depending on its heuristics. Every ':' and '=' (about 3 a
     * log line: times, latency=) is noted: whether one may matter is one table lookup in pass 2.
     */
    private static Candidates findInChunks(TriggerIndex ix, byte[] s, int from, int to) {
        final boolean seps = ix.separators;
        final byte[] grams = ix.grams3;
        final long[] flagged = FLAGGED.get();
        Candidates found = null;
        long escs = 0;
        for (int p = from; to - p >= BLOCK; ) {
            int end = p + Math.min(CHUNK, (to - p) / BLOCK * BLOCK);
            int n = 0;
            for (int i = p; i < end; i += BLOCK) {
                long w0 = (long) LONGS.get(s, i);
                long w1 = (long) LONGS.get(s, i + 8);
                long w2 = (long) LONGS.get(s, i + 16);
                escs |= escOrHigh(w0) | escOrHigh(w1) | escOrHigh(w2);
                long h = gramHits(grams, w0, w1, w2);
                long m0 = seps ? separators(w0) : 0;
                long m1 = seps ? separators(w1) : 0;
                long m2 = seps ? separators(w2) : 0;
                flagged[n] = (long) i << 8 | h;
                flagged[n + 1] = m0;
                flagged[n + 2] = m1;
                flagged[n + 3] = m2;
                n += (h | m0 | m1 | m2) != 0 ? 4 : 0;
            }
            // checkBlock's body, written out: calling it from here measured 10-15% slower (the JIT's inlining again)
            for (int k = 0; k < n; k += 4) {
                int i = (int) (flagged[k] >>> 8);
                int h = (int) flagged[k] & 0xFF;
                if (h != 0) {
                    found = hits(ix, s, from, to, i, h, found);
                }
                found = separatorsAt(ix, s, from, to, i, flagged[k + 1], found);
                found = separatorsAt(ix, s, from, to, i + 8, flagged[k + 2], found);
                found = separatorsAt(ix, s, from, to, i + 16, flagged[k + 3], found);
            }
            p = end;
        }
        return (escs & HIGHS) != 0 && hasEscape(s, from, to) ? escape(found) : found;
    }

    /** The exact checks of one flagged block at i: probe hits h (bit k: i + 3k), separators m0 .. m2 of its words. */
    private static Candidates checkBlock(TriggerIndex ix, byte[] s, int from, int to, int i, int h, long m0, long m1,
            long m2, Candidates found) {
        if (h != 0) {
            found = hits(ix, s, from, to, i, h, found);
        }
        found = separatorsAt(ix, s, from, to, i, m0, found);
        found = separatorsAt(ix, s, from, to, i + 8, m1, found);
        return separatorsAt(ix, s, from, to, i + 16, m2, found);
    }

    /** The high bit of each byte of w that is an ASCII digit; exact. */
    private static long digits(long w) {
        long t = w & LOWS;
        // t >= '0' and t < ':' and the byte is ASCII (t + c stays inside its byte: no carry into the next)
        return (t + ONES * (0x80 - '0')) & ~(t + ONES * (0x80 - ':')) & ~w & HIGHS;
    }

    /** The high bit of each byte of w that is ':' or '='; exact. */
    private static long separators(long w) {
        return eq(w, COLONS) | eq(w, EQUALS);
    }

    /** Exact checks of [a, b): separators, and detector probes at a, a+3, ... (a - from is a multiple of 3). */
    private static Candidates inRange(TriggerIndex ix, byte[] s, int from, int to, int a, int b,
            Candidates found) {
        if (ix.separators) {
            for (int p = a; p < b; p++) {
                found = separatorAt(ix, s, from, to, p, found);
            }
        }
        return probes(ix, s, from, to, a, b, found);
    }

    /** The bytes flagged in {@code mask} (high bit of byte k: position base + k), checked exactly. */
    private static Candidates separatorsAt(TriggerIndex ix, byte[] s, int from, int to, int base,
            long mask, Candidates found) {
        for (long m = mask; m != 0; m &= m - 1) {
            found = separatorAt(ix, s, from, to, base + (Long.numberOfTrailingZeros(m) >>> 3), found);
        }
        return found;
    }

    private static Candidates separatorAt(TriggerIndex ix, byte[] s, int from, int to, int p,
            Candidates found) {
        if (s[p] != ':' && s[p] != '=') {
            return found;
        }
        boolean matters = p - 2 >= from
                ? ix.sepMayMatterAfter(s[p - 2], s[p - 1])
                        || (s[p] == ':' && p + 2 < to && s[p + 1] == '/' && s[p + 2] == '/')
                : sepMayMatter(ix, s, from, to, p);
        if (matters) {
            found = ix.atSeparator(new RuleScanner.Latin1(s), from, to, p, found);
        }
        return found;
    }

    /** The probes flagged in h (bit k: position p + 3k) of the block at p: second look, then the exact check. */
    private static Candidates hits(TriggerIndex ix, byte[] s, int from, int to, int p, int h, Candidates found) {
        for (; h != 0; h &= h - 1) {
            int q = p + TriggerIndex.STRIDE * Integer.numberOfTrailingZeros(h);
            // the 8 bytes around q, c[q-3] in the top byte
            long ctx = q - 3 >= from && q + 5 <= to ? Long.reverseBytes((long) LONGS.get(s, q - 3))
                    : context(s, from, to, q);
            int g = (int) (ctx >>> 24) & 0xFFFF;
            if (ix.detectorMayStart(ctx, g)) {
                found = ix.atGram(new RuleScanner.Latin1(s), from, to, q, g, found);
            }
        }
        return found;
    }

    /**
     * Detector probes at a, a+3, ... below b (a - from is a multiple of 3), checked exactly. Only a text's last
     * partial block comes here (a line's tail): the dense table, as the line's blocks.
     */
    private static Candidates probes(TriggerIndex ix, byte[] s, int from, int to, int a, int b,
            Candidates found) {
        for (int p = a; p < b && p + 1 < to; p += TriggerIndex.STRIDE) {
            int g = (s[p] & 0xFF) << 8 | (s[p + 1] & 0xFF);
            if (ix.probeShort(g, p + 2 < to ? s[p + 2] : -1) && ix.detectorMayStart(context(s, from, to, p), g)) {
                found = ix.atGram(new RuleScanner.Latin1(s), from, to, p, g, found);
            }
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
        for (int i = p - 3; i < p + 5; i++) {
            x = x << 8 | (i >= from && i < to ? s[i] & 0xFF : 0);
        }
        return x;
    }
}
