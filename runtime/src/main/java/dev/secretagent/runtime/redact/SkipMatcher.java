package dev.secretagent.runtime.redact;

import java.util.Arrays;
import java.util.List;

/**
 * Exact multi-pattern matcher in the Wu–Manber family: a window of {@code m} characters (the shortest
 * pattern, capped) slides over the text; the hash of its last {@code q} characters gives how far the
 * window may jump without skipping an occurrence. Only where the shift is 0 are the few patterns in that
 * hash bucket verified exactly. On text without secrets most windows jump almost {@code m - q + 1}
 * characters, which is why this beats a per-character automaton in Java.
 *
 * <p>One instance works on either chars or UTF-8 bytes: a byte matcher is built from the UTF-8 bytes of
 * the forms (each byte as a char 0..255) and scanned with the byte[] loops. Immutable after
 * construction; one per registry snapshot.
 */
final class SkipMatcher {
    private static final int MAX_WINDOW = 24;
    /** Per thread: the chunk of a long String's low bytes that {@link #scanCopied} hashes (no allocation per call). */
    private static final ThreadLocal<byte[]> SCRATCH = new ThreadLocal<byte[]>() {
        @Override
        protected byte[] initialValue() {
            return new byte[4096];
        }
    };
    private static final java.lang.invoke.VarHandle INTS = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
            int[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
    private static final java.lang.invoke.VarHandle LONGS = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
            long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

    private final char[][] patterns;
    private final int[] owners;
    private final int m;
    private final int q;
    private final int bits;
    private final byte[] shift;
    /**
     * A blocked Bloom filter of every q-gram that occurs in some pattern's window, i.e. whose shift is below
     * the maximum: a q-gram sets two bits of one word. Why: with ~6,000 forms the byte shift table has 2^20
     * entries (1 MB) and most windows in clean text miss the caches when they read it; this filter is 8x
     * smaller, and only the windows it lets through go on to the shift table. Two bits in one word instead of
     * one bit per hash: the same single load, but ~2% of clean windows pass instead of ~7.5% (each one a
     * mispredicted branch and a shift-table miss).
     */
    private final long[] present;
    /** Second multiplier of the q-gram, for the two bits a q-gram sets in its word of {@link #present}. */
    private static final int BLOOM = 0x85EBCA6B;
    /**
     * The second stage, asked only for a window whose 4-gram passed {@link #present} (q = 4): a blocked Bloom filter
     * of every 8-gram in some pattern's window. When the window's last 8 units are in none, no window ends in the
     * next {@code m - 7} positions, and the scan jumps that far without reading the shift table. Why: the hex forms
     * of values (lower/upper hex of the UTF-8 bytes) are mostly decimal digits (hex of ASCII is 30..7A), so their
     * windows hold all-digit 4-grams: in digit-heavy text (ids, timestamps) ~24% of windows passed the first stage
     * and then mostly moved 1-5 positions; 1% of those pass this one (an all-digit 8-gram needs 4 bytes in a row with
     * a digit low nibble, and of the 10^8 of them the forms hold a few thousand). Null when q < 4. Tried beside it:
     * each pattern's window at an offset where it has the fewest all-digit 4-grams: the digit text ~10% faster
     * still, but the matcher 20-30% slower in CPU time on ordinary clean text, with the same windows and stage passes
     * counted (docs/performance.md, bytes16).
     */
    private final long[] present8;
    /**
     * CSR lists of pattern indexes by the top {@link #bucketBits} bits of the hash of the window's last q-gram (only
     * asked for shift-0 windows). Why fewer bits than the shift table: the bucket table is sized to the patterns
     * (two to four buckets per pattern), not to the shift table's 2^{@link #bits} entries, which for 1,000 secrets in
     * all their forms made it 4 MB per matcher; a bucket then also holds patterns whose hash differs in the low
     * bits, which the exact verification rejects (shift-0 windows are a few per KB of clean text).
     */
    private final int[] bucketStart;
    private final int[] bucketItems;
    /** log2 of the number of buckets, at most {@link #bits}. */
    private final int bucketBits;
    private final int maxLength;
    /**
     * For the stream hold-back: does any pattern start with this char (a bit per char, 8 KiB; a boolean per char
     * was 64 KiB per matcher, two matchers per engine).
     */
    private final long[] firstChar = new long[(1 << 16) >>> 6];
    private final int[] sorted;

    SkipMatcher(List<char[]> pats, List<Integer> ownerList) {
        int n = pats.size();
        patterns = pats.toArray(new char[n][]);
        owners = new int[n];
        int min = Integer.MAX_VALUE;
        int max = 0;
        for (int i = 0; i < n; i++) {
            owners[i] = ownerList.get(i);
            min = Math.min(min, patterns[i].length);
            max = Math.max(max, patterns[i].length);
            firstChar[patterns[i][0] >>> 6] |= 1L << patterns[i][0];
        }
        maxLength = max;
        sorted = sortedIndex(patterns);
        if (n == 0) {
            m = 1;
            q = 1;
            bits = 1;
            bucketBits = 1;
            shift = null;
            present = null;
            present8 = null;
            bucketStart = null;
            bucketItems = null;
            return;
        }
        m = Math.min(min, MAX_WINDOW);
        q = m >= 12 ? 4 : m >= 6 ? 3 : m >= 3 ? 2 : 1;
        long entries = (long) n * (m - q + 1);
        int b = 64 - Long.numberOfLeadingZeros(Math.max(1, entries * 8 - 1));
        bits = Math.max(12, Math.min(20, b));
        shift = new byte[1 << bits];
        present = new long[Math.max(1, (1 << bits) >>> 6)];
        present8 = q == 4 ? new long[present.length] : null;
        Arrays.fill(shift, (byte) (m - q + 1));
        bucketBits = Math.min(bits, 33 - Integer.numberOfLeadingZeros(n)); // two to four buckets per pattern
        int[] counts = new int[(1 << bucketBits) + 1];
        int[] lastHash = new int[n];
        for (int i = 0; i < n; i++) {
            char[] p = patterns[i];
            for (int j = 0; j + q <= m; j++) {
                int key = key(p, j + q - 1);
                int h = (key * 0x9E3779B1) >>> (32 - bits);
                int s = m - q - j;
                if (s < (shift[h] & 0xFF)) {
                    shift[h] = (byte) s;
                }
                present[(key * 0x9E3779B1) >>> (32 - (bits - 6))] |= bloomBits(key);
            }
            for (int j = 0; present8 != null && j + 8 <= m; j++) {
                long key8 = key8(p, j + 7);
                present8[index8(key8)] |= bloomBits8(key8);
            }
            lastHash[i] = hash(p, m - 1) >>> (bits - bucketBits);
            counts[lastHash[i] + 1]++;
        }
        for (int i = 1; i < counts.length; i++) {
            counts[i] += counts[i - 1];
        }
        bucketStart = counts.clone();
        bucketItems = new int[n];
        int[] fill = Arrays.copyOf(counts, counts.length);
        for (int i = 0; i < n; i++) {
            bucketItems[fill[lastHash[i]]++] = i;
        }
    }

    int size() {
        return patterns.length;
    }

    int window() {
        return m;
    }

    int maxLength() {
        return maxLength;
    }

    /**
     * The hash of the q-gram ending at endIncl: its units' low bytes as a little-endian int, multiplied by the
     * golden ratio, top {@code bits} bits. Why low bytes in that order: the byte loop then reads a 4-gram with
     * one int load. A char above 255 shares its low byte with others; that only adds candidates, which the
     * exact verification rejects.
     */
    private int hash(char[] p, int endIncl) {
        return (key(p, endIncl) * 0x9E3779B1) >>> (32 - bits);
    }

    /** The two bits a q-gram (as {@link #key} makes it) sets in its word of {@link #present}. */
    private static long bloomBits(int key) {
        int y = key * BLOOM;
        return 1L << (y >>> 26) | 1L << (y >>> 20);
    }

    /** The word of {@link #present8} an 8-gram (its units' low bytes, little-endian) sets its bits in. */
    private int index8(long key8) {
        return (int) ((key8 * 0x9E3779B97F4A7C15L) >>> (64 - (bits - 6)));
    }

    /** The two bits an 8-gram sets in its word of {@link #present8} (another multiplier than its word's). */
    private static long bloomBits8(long key8) {
        long y = key8 * 0xC2B2AE3D27D4EB4FL;
        return 1L << (y >>> 58) | 1L << (y >>> 52);
    }

    /** Whether the 8-gram {@code key8} is in no window: then no window ends in the next {@code m - 7} positions. */
    private boolean absent8(long key8) {
        long mk = bloomBits8(key8);
        return (present8[index8(key8)] & mk) != mk;
    }

    /** The 8-gram ending at endIncl, as {@link #key} makes a q-gram. */
    private static long key8(char[] p, int endIncl) {
        long key = 0;
        for (int k = endIncl - 7, sh = 0; k <= endIncl; k++, sh += 8) {
            key |= (long) (p[k] & 0xFF) << sh;
        }
        return key;
    }

    private static long key8(String s, int endIncl) {
        long key = 0;
        for (int k = endIncl - 7, sh = 0; k <= endIncl; k++, sh += 8) {
            key |= (long) (s.charAt(k) & 0xFF) << sh;
        }
        return key;
    }

    /** The q-gram ending at endIncl as the scan loops read it: its units' low bytes, little-endian. */
    private int key(char[] p, int endIncl) {
        int key = 0;
        for (int k = endIncl - q + 1, sh = 0; k <= endIncl; k++, sh += 8) {
            key |= (p[k] & 0xFF) << sh;
        }
        return key;
    }

    /*
     * The scan loops (String, char[], byte[], long String) and the verify/regionMatches twins below are copies
     * on purpose: this is the hot loop of every write, and each one reads its own type directly (no CharSequence
     * or other interface call per unit, no boxing) so the JIT compiles a tight monomorphic loop for each. Change
     * them together.
     */

    /** Finds every occurrence of every pattern in s[from, to). */
    Spans scan(String s, int from, int to, Spans sp) {
        if (shift == null) {
            return sp;
        }
        if (q == 4 && to - from >= TriggerSearch.BIG) {
            return scanCopied(s, null, from, to, sp);
        }
        final byte[] shift = this.shift;
        final int q = this.q;
        final int rs = 32 - bits;
        final long[] present = this.present;
        final int ws = 32 - (bits - 6);
        final int maxShift = m - q + 1;
        final int maxShift8 = m - 7;
        int pos = from + m - 1;
        while (pos < to) {
            int h;
            if (q == 4) {
                h = s.charAt(pos - 3) & 0xFF | (s.charAt(pos - 2) & 0xFF) << 8 | (s.charAt(pos - 1) & 0xFF) << 16
                        | s.charAt(pos) << 24;
            } else {
                h = 0;
                for (int k = pos - q + 1, sh = 0; k <= pos; k++, sh += 8) {
                    h |= (s.charAt(k) & 0xFF) << sh;
                }
            }
            long mk = bloomBits(h);
            h *= 0x9E3779B1;
            if ((present[h >>> ws] & mk) != mk) {
                pos += maxShift;
                continue;
            }
            if (q == 4 && absent8(key8(s, pos))) {
                pos += maxShift8; // the second stage (see present8)
                continue;
            }
            h >>>= rs;
            int sh = shift[h];
            if (sh != 0) {
                pos += sh;
                continue;
            }
            sp = verify(s, pos - m + 1, to, h, sp);
            pos++;
        }
        return sp;
    }

    /**
     * A long String or byte array (exactly one of {@code str}, {@code bytes} is not null), read from a per-thread
     * copy a chunk at a time. For a String, its chars' low bytes are copied, so that each window's 4-gram is one
     * int load, as in the byte loop (the copy costs less than the four charAt calls it saves per window). For
     * bytes, the same loop over a copy ran ~25% faster in thread CPU time than over the caller's array (measured,
     * not explained: the JIT compiles the bounded inner loop better). Verification reads the input itself.
     */
    private Spans scanCopied(String str, byte[] bytes, int from, int to, Spans sp) {
        final byte[] shift = this.shift;
        final int rs = 32 - bits;
        final long[] present = this.present;
        final int ws = 32 - (bits - 6);
        final int maxShift = m - q + 1;
        final int maxShift8 = m - 7;
        final byte[] buf = SCRATCH.get();
        int pos = from + m - 1; // m >= 12 when q == 4: pos - 7 >= from
        while (pos < to) {
            int base = pos - 7; // the 8-gram of the second stage starts there
            int end = Math.min(to, base + buf.length);
            if (str != null) {
                str.getBytes(base, end, buf, 0); // low bytes: what the hash is made of (deprecated for dropping the rest)
            } else {
                System.arraycopy(bytes, base, buf, 0, end - base);
            }
            while (pos < end) {
                int h = (int) INTS.get(buf, pos - 3 - base);
                long mk = bloomBits(h);
                h *= 0x9E3779B1;
                if ((present[h >>> ws] & mk) != mk) {
                    pos += maxShift;
                    continue;
                }
                if (absent8((long) LONGS.get(buf, pos - 7 - base))) {
                    pos += maxShift8; // the second stage (see present8)
                    continue;
                }
                h >>>= rs;
                int sh = shift[h];
                if (sh != 0) {
                    pos += sh;
                    continue;
                }
                sp = str != null ? verify(str, pos - m + 1, to, h, sp) : verify(bytes, pos - m + 1, to, h, sp);
                pos++;
            }
        }
        return sp;
    }

    Spans scan(char[] s, int from, int to, Spans sp) {
        if (shift == null) {
            return sp;
        }
        final byte[] shift = this.shift;
        final int q = this.q;
        final int rs = 32 - bits;
        final long[] present = this.present;
        final int ws = 32 - (bits - 6);
        final int maxShift = m - q + 1;
        final int maxShift8 = m - 7;
        int pos = from + m - 1;
        while (pos < to) {
            int h;
            if (q == 4) {
                h = s[pos - 3] & 0xFF | (s[pos - 2] & 0xFF) << 8 | (s[pos - 1] & 0xFF) << 16 | s[pos] << 24;
            } else {
                h = 0;
                for (int k = pos - q + 1, sh = 0; k <= pos; k++, sh += 8) {
                    h |= (s[k] & 0xFF) << sh;
                }
            }
            long mk = bloomBits(h);
            h *= 0x9E3779B1;
            if ((present[h >>> ws] & mk) != mk) {
                pos += maxShift;
                continue;
            }
            if (q == 4 && absent8(key8(s, pos))) {
                pos += maxShift8; // the second stage (see present8)
                continue;
            }
            h >>>= rs;
            int sh = shift[h];
            if (sh != 0) {
                pos += sh;
                continue;
            }
            sp = verify(s, pos - m + 1, to, h, sp);
            pos++;
        }
        return sp;
    }

    Spans scan(byte[] s, int from, int to, Spans sp) {
        if (shift == null) {
            return sp;
        }
        if (q == 4 && to - from >= TriggerSearch.BIG) {
            return scanCopied(null, s, from, to, sp);
        }
        final byte[] shift = this.shift;
        final int q = this.q;
        final int rs = 32 - bits;
        final long[] present = this.present;
        final int ws = 32 - (bits - 6);
        final int maxShift = m - q + 1;
        final int maxShift8 = m - 7;
        int pos = from + m - 1;
        while (pos < to) {
            int h;
            if (q == 4) {
                h = (int) INTS.get(s, pos - 3); // the 4-gram in one load (see hash)
            } else {
                h = 0;
                for (int k = pos - q + 1, sh = 0; k <= pos; k++, sh += 8) {
                    h |= (s[k] & 0xFF) << sh;
                }
            }
            long mk = bloomBits(h);
            h *= 0x9E3779B1;
            if ((present[h >>> ws] & mk) != mk) {
                pos += maxShift;
                continue;
            }
            if (q == 4 && absent8((long) LONGS.get(s, pos - 7))) {
                pos += maxShift8; // the second stage (see present8)
                continue;
            }
            h >>>= rs;
            int sh = shift[h];
            if (sh != 0) {
                pos += sh;
                continue;
            }
            sp = verify(s, pos - m + 1, to, h, sp);
            pos++;
        }
        return sp;
    }

    /*
     * The exact verification of a shift-0 window starting at st: every pattern of the window's bucket compared
     * with the text. Rare on clean text (a few windows per KB), so a call here costs nothing; one per input type
     * for the same reason as the loops.
     */
    private Spans verify(String s, int st, int to, int h, Spans sp) {
        int b = h >>> (bits - bucketBits);
        for (int bi = bucketStart[b], be = bucketStart[b + 1]; bi < be; bi++) {
            char[] p = patterns[bucketItems[bi]];
            if (st + p.length <= to && regionMatches(s, st, p)) {
                sp = add(sp, st, p.length, owners[bucketItems[bi]]);
            }
        }
        return sp;
    }

    private Spans verify(char[] s, int st, int to, int h, Spans sp) {
        int b = h >>> (bits - bucketBits);
        for (int bi = bucketStart[b], be = bucketStart[b + 1]; bi < be; bi++) {
            char[] p = patterns[bucketItems[bi]];
            if (st + p.length <= to && regionMatches(s, st, p)) {
                sp = add(sp, st, p.length, owners[bucketItems[bi]]);
            }
        }
        return sp;
    }

    private Spans verify(byte[] s, int st, int to, int h, Spans sp) {
        int b = h >>> (bits - bucketBits);
        for (int bi = bucketStart[b], be = bucketStart[b + 1]; bi < be; bi++) {
            char[] p = patterns[bucketItems[bi]];
            if (st + p.length <= to && regionMatches(s, st, p)) {
                sp = add(sp, st, p.length, owners[bucketItems[bi]]);
            }
        }
        return sp;
    }

    private static Spans add(Spans sp, int st, int length, int owner) {
        Spans out = sp != null ? sp : new Spans();
        out.add(st, st + length, owner);
        return out;
    }

    private static boolean regionMatches(String s, int st, char[] p) {
        for (int i = 0; i < p.length; i++) {
            if (s.charAt(st + i) != p[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean regionMatches(char[] s, int st, char[] p) {
        for (int i = 0; i < p.length; i++) {
            if (s[st + i] != p[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean regionMatches(byte[] s, int st, char[] p) {
        for (int i = 0; i < p.length; i++) {
            if ((s[st + i] & 0xFF) != p[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Length of the longest suffix of buf[from, to) that is a proper prefix of some pattern: what a stream
     * must hold back because the next write could complete it. Binary search in the sorted patterns per
     * candidate length, tried only when the suffix starts with a char that begins some pattern.
     */
    int heldTail(char[] buf, int from, int to) {
        int limit = Math.min(to - from, maxLength - 1);
        for (int len = limit; len >= 1; len--) {
            int st = to - len;
            if (startsSome(buf[st]) && isProperPrefix(buf, null, st, len)) {
                return len;
            }
        }
        return 0;
    }

    int heldTail(byte[] buf, int from, int to) {
        int limit = Math.min(to - from, maxLength - 1);
        for (int len = limit; len >= 1; len--) {
            int st = to - len;
            if (startsSome(buf[st] & 0xFF) && isProperPrefix(null, buf, st, len)) {
                return len;
            }
        }
        return 0;
    }

    /** Does some pattern start with char {@code c}. */
    private boolean startsSome(int c) {
        return (firstChar[c >>> 6] & (1L << c)) != 0;
    }

    private boolean isProperPrefix(char[] cs, byte[] bs, int st, int len) {
        int lo = 0;
        int hi = sorted.length - 1;
        // lower bound: first pattern >= key
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (compare(patterns[sorted[mid]], cs, bs, st, len) < 0) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        // every pattern starting with the key sorts at lo, lo+1, ...: the key itself (if a pattern) comes first
        for (int i = lo; i < sorted.length; i++) {
            char[] p = patterns[sorted[i]];
            if (!startsWith(p, cs, bs, st, len)) {
                return false;
            }
            if (p.length > len) {
                return true;
            }
        }
        return false;
    }

    private static int at(char[] cs, byte[] bs, int i) {
        return cs != null ? cs[i] : bs[i] & 0xFF;
    }

    private static boolean startsWith(char[] p, char[] cs, byte[] bs, int st, int len) {
        if (p.length < len) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if (p[i] != at(cs, bs, st + i)) {
                return false;
            }
        }
        return true;
    }

    /** Compares pattern p with the key buf[st, st+len) lexicographically. */
    private static int compare(char[] p, char[] cs, byte[] bs, int st, int len) {
        int n = Math.min(p.length, len);
        for (int i = 0; i < n; i++) {
            int d = p[i] - at(cs, bs, st + i);
            if (d != 0) {
                return d;
            }
        }
        return p.length - len;
    }

    private static int[] sortedIndex(final char[][] pats) {
        Integer[] idx = new Integer[pats.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, new java.util.Comparator<Integer>() {
            @Override
            public int compare(Integer a, Integer b) {
                char[] x = pats[a];
                char[] y = pats[b];
                int n = Math.min(x.length, y.length);
                for (int i = 0; i < n; i++) {
                    if (x[i] != y[i]) {
                        return x[i] - y[i];
                    }
                }
                return x.length - y.length;
            }
        });
        int[] out = new int[idx.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = idx[i];
        }
        return out;
    }
}
