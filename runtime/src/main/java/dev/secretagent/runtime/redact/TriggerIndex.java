package dev.secretagent.runtime.redact;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Finds where the rule scanner's triggers occur without looking at every window of text.
 *
 * <p>Why: triggers are short ({@code pwd=}, {@code sig=}, {@code AKIA}, {@code p://}, {@code .eyJ}), so
 * a Wu–Manber skip over them can jump at most 3 chars, and their 2-grams ({@code th}, {@code ss}) are
 * everywhere in log text. Instead:
 * <ul>
 * <li><b>Name rules</b> (headers, keys, query parameters, URL user-info) can only do something where a
 * separator follows the name: {@code name[quote][blanks](:|=)} (or, for a stream, the end of the text).
 * So they are found from the separators, looking back. {@code ':'} and {@code '='} are rare in log text
 * and searching for one char is what the JDK does fastest ({@code String.indexOf(char)} is a SIMD
 * intrinsic; bytes are tested 8 at a time).</li>
 * <li><b>Detectors</b> need their exact-case prefix ({@code AKIA}, {@code ghp_}, {@code xoxb-}, ...). Any
 * occurrence of a prefix of 5 chars or more holds, at a multiple of {@link #STRIDE} = 3, a 3-gram starting at
 * offset 0, 1 or 2 of the prefix (the rarest of each offset class is chosen); a 4-char prefix the same, where the
 * third 3-gram ends in the char after the prefix. So a hashed set of those 3-grams (chars' low bytes, see
 * {@link #grams3}) is tested at every third position; only on a hit is the text around it compared.</li>
 * </ul>
 * Everything found is verified exactly: a trigger is reported only where the old trigger scan would have
 * matched it, and never twice.
 */
final class TriggerIndex {
    /** Detector probes are every third char: each prefix offers one 3-gram per offset class mod 3. */
    static final int STRIDE = 3;
    /** The 2-grams at the chosen offsets of every detector prefix (the last chars of a text are probed with these). */
    final long[] filter = new long[1 << 10];
    /** log2 of the size of {@link #grams3}. */
    static final int GRAMS3_BITS = 18;
    /**
     * The first stage of the detector search: the 3-grams of every detector window ({@code c[p] | c[p+1] << 8 |
     * c[p+2] << 16}, hashed, see {@link #hash3}), one bit each ({@link #gram3}). Why 3-grams: with ~250 keywords, one 2-gram of every
     * window was in most English words ({@code se} of {@code whsec_}, {@code co} of {@code ico-}: 35 filter hits per
     * KB of log text, each a second look); their 3-grams are rarely there. The 2-gram {@link #filter} stays for the
     * last chars of a text, where no third char follows. One byte per entry here, for long texts (the block loops
     * over a text of {@code TriggerSearch.BIG} or more, and the char probes): a byte load is the cheapest test in a
     * loop whose table stays cached; {@link #grams3Bits} holds the same set for short texts.
     */
    final byte[] grams3 = new byte[1 << GRAMS3_BITS];
    /**
     * The same set as {@link #grams3}, one bit per entry ({@link #gram3}), for short texts (a log line). Why a second
     * copy: a line probes ~32 random entries, and a flushing appender makes a system call after every line, after
     * which (on a kernel that isolates its page tables without PCID) the table's pages are no longer in the TLB: the
     * byte table spreads those probes over 64 pages (256 KiB), the bits keep them in 8 (32 KiB). The bits cost the
     * bulk loops 5-13% (a shift and a mask per probe), the bytes a flushing line ~40 ns (docs/performance.md,
     * "Ninth session: logflush19" and "on a quiet machine"), so each path reads the one that suits it.
     */
    final long[] grams3Bits = new long[1 << (GRAMS3_BITS - 6)];
    private final RuleScanner.Trigger[] triggers;
    final boolean separators;
    /**
     * {@link #sepMayMatter}'s answer for the two chars before a separator, as a bit per {@code c[p-2] | c[p-1] << 8}
     * (low bytes): one lookup instead of the test, for the ~3 separators of every log line (times, {@code latency=}).
     */
    private final long[] sepAfter = new long[1 << 10];
    /**
     * Does some name end in a digit? If not, a separator right after a digit ({@code 12:34:56}, {@code p99=5})
     * can only matter in {@code 1://}, which lets the loop over a short text drop the times of log lines in
     * registers (see TriggerSearch).
     */
    final boolean digitNames;
    /** Name-rule triggers (header, key, query) by the folded last char of the name; longest name first. */
    private final int[][] namesByLast = new int[128][];
    /** URL user-info trigger index by the folded scheme char before "://", or -1. */
    private final int[] urlTrigger = new int[128];
    /** Detector windows, sorted by 2-gram: the gram, the exact prefix, the gram's offset in it, the trigger. */
    private final int[] detGram;
    private final String[] detPrefix;
    private final int[] detOffset;
    private final int[] detTrigger;
    /** Second look, on the 8 chars around a filter hit: the expected chars of each detector window's prefix. */
    private final long[] detMask;
    private final long[] detExpect;
    /**
     * By 2-gram: its first index in detGram, in an open-addressing table of {@code gram << 16 | (index + 1)} (0: an
     * empty slot), two to four slots per detector window. Why not a table indexed by the 2-gram: that was 128 KiB per
     * engine for a few hundred grams; this is 8-16 KiB, one multiply and a probe or two more per filter hit.
     */
    private final int[] gramSlots;
    private final int gramShift;
    /** Folded last two chars of every name (a bit per (c[-2] << 7 | c[-1])). */
    private final long[] nameSuffixes = new long[1 << 8];

    TriggerIndex(final RuleScanner.Trigger[] triggers) {
        this.triggers = triggers;
        Arrays.fill(urlTrigger, -1);
        boolean seps = false;
        boolean digits = false;
        List<List<Integer>> byLast = new ArrayList<List<Integer>>();
        for (int c = 0; c < 128; c++) {
            byLast.add(null);
        }
        final List<int[]> det = new ArrayList<int[]>(); // {gram, offset, trigger}
        final List<String> detPrefixes = new ArrayList<String>();
        for (int i = 0; i < triggers.length; i++) {
            RuleScanner.Trigger t = triggers[i];
            switch (t.kind) {
                case RuleScanner.URL:
                    seps = true;
                    urlTrigger[t.text.charAt(0)] = i;
                    break;
                case RuleScanner.DETECTOR:
                case RuleScanner.SCHEME:
                case RuleScanner.CALL: {
                    // found by their exact-case text, like detector prefixes ("Bearer ", "\", \"")
                    String prefix = t.exact != null ? t.exact : exactPrefix(t);
                    if (prefix == null) {
                        break; // cannot match exactly: detect() would never find anything
                    }
                    boolean[] next = t.rule != null ? t.rule.nextChars() : null;
                    for (int r = 0; r < STRIDE; r++) {
                        // one 3-gram per offset class mod 3 finds every occurrence: the rarest of each class ("Bearer ":
                        // Bea, ear, are). A 4-char text's third 3-gram ends in the char after it: any char, or for a
                        // detector the chars its pattern's body may start with
                        int j = rarestOfClass(prefix, r);
                        int g = gram(prefix.charAt(j), prefix.charAt(j + 1));
                        set(filter, g);
                        if (j + 2 < prefix.length()) {
                            setGram3(hash3(prefix.charAt(j), prefix.charAt(j + 1), prefix.charAt(j + 2)));
                        } else {
                            // why only here a loop over the next char: it is built before main, interpreted
                            for (int c = 0; c < 256; c++) {
                                if (next == null || next[c]) {
                                    setGram3(hash3(prefix.charAt(j), prefix.charAt(j + 1), c));
                                }
                            }
                        }
                        det.add(new int[] {g, j, i, detPrefixes.size()});
                    }
                    detPrefixes.add(prefix);
                    break;
                }
                default: {
                    seps = true;
                    char last = t.text.charAt(t.nameLength - 1);
                    digits |= last >= '0' && last <= '9';
                    if (t.nameLength >= 2) {
                        char before = t.text.charAt(t.nameLength - 2);
                        if (before < 128 && last < 128) {
                            set(nameSuffixes, before << 7 | last);
                        }
                    } else {
                        for (int b = 0; b < 128; b++) {
                            set(nameSuffixes, b << 7 | (last & 0x7F));
                        }
                    }
                    if (last < 128) {
                        if (byLast.get(last) == null) {
                            byLast.set(last, new ArrayList<Integer>());
                        }
                        byLast.get(last).add(i);
                    }
                }
            }
        }
        separators = seps;
        digitNames = digits;
        fillSepAfter();
        for (int c = 0; c < 128; c++) {
            List<Integer> l = byLast.get(c);
            if (l == null) {
                continue;
            }
            // longest name first = smallest start first, then trigger order: the order rules ran in before
            l.sort(new Comparator<Integer>() {
                @Override
                public int compare(Integer a, Integer b) {
                    int d = triggers[b].nameLength - triggers[a].nameLength;
                    return d != 0 ? d : a - b;
                }
            });
            namesByLast[c] = new int[l.size()];
            for (int k = 0; k < l.size(); k++) {
                namesByLast[c][k] = l.get(k);
            }
        }
        det.sort(new Comparator<int[]>() {
            @Override
            public int compare(int[] a, int[] b) {
                return a[0] - b[0];
            }
        });
        detGram = new int[det.size()];
        detPrefix = new String[det.size()];
        detOffset = new int[det.size()];
        detTrigger = new int[det.size()];
        detMask = new long[det.size()];
        detExpect = new long[det.size()];
        int slotBits = Math.max(4, 33 - Integer.numberOfLeadingZeros(det.size()));
        gramSlots = new int[1 << slotBits];
        gramShift = 32 - slotBits;
        for (int k = 0; k < det.size(); k++) {
            if (k == 0 || det.get(k)[0] != det.get(k - 1)[0]) { // sorted: the gram's first index
                putGram(det.get(k)[0], k);
            }
        }
        for (int k = 0; k < det.size(); k++) {
            int[] d = det.get(k);
            detGram[k] = d[0];
            detOffset[k] = d[1];
            detTrigger[k] = d[2];
            detPrefix[k] = detPrefixes.get(d[3]);
            // context chars c[p-3] .. c[p+4] (see context()) against prefix chars at offset-3 .. offset+4
            for (int i = 0; i < 8; i++) {
                int at = d[1] - 3 + i;
                int shift = 8 * (7 - i);
                if (at >= 0 && at < detPrefix[k].length()) {
                    detMask[k] |= 0xFFL << shift;
                    detExpect[k] |= (long) (detPrefix[k].charAt(at) & 0xFF) << shift;
                }
            }
        }
    }

    /**
     * {@link #sepAfter}: what {@link #sepMayMatter} says of every pair of low bytes before a '='. Built from the
     * names' folded suffixes rather than by asking for each of the 65,536 pairs, because this runs before main,
     * interpreted: the same bits at a small fraction of the cost.
     */
    private void fillSepAfter() {
        // the bytes whose fold is f, for each folded value f < 128 (fold(b) is 0 for b >= 128)
        int[][] folding = new int[128][];
        int[] count = new int[128];
        for (int b = 0; b < 256; b++) {
            count[RuleScanner.fold(b)]++;
        }
        for (int f = 0; f < 128; f++) {
            folding[f] = new int[count[f]];
            count[f] = 0;
        }
        for (int b = 0; b < 256; b++) {
            int f = RuleScanner.fold(b);
            folding[f][count[f]++] = b;
        }
        for (int b1 : new int[] {' ', '\t', '"', '\'', '?', '+'}) {
            for (int b2 = 0; b2 < 256; b2++) {
                set(sepAfter, b2 | b1 << 8);
            }
        }
        for (int key = 0; key < 1 << 14; key++) {
            if ((nameSuffixes[key >>> 6] & (1L << key)) != 0) {
                for (int b2 : folding[key >>> 7]) {
                    for (int b1 : folding[key & 0x7F]) {
                        set(sepAfter, b2 | b1 << 8);
                    }
                }
            }
        }
    }

    static int gram(int a, int b) {
        return (a & 0xFF) << 8 | (b & 0xFF);
    }

    private static void set(long[] bits, int g) {
        bits[g >>> 6] |= 1L << g;
    }

    private static boolean isSep(char c) {
        return c == ':' || c == '=';
    }

    /** The detector's exact-case prefix whose folded form is the trigger's text (detect() checks case). */
    private static String exactPrefix(RuleScanner.Trigger t) {
        return t.exact != null && t.exact.length() >= STRIDE + 1 ? t.exact : null;
    }

    /**
     * The offset j = r (mod 3) of the prefix whose 3-gram is least likely in log text (the first of equals); a
     * 3-gram must lie inside the prefix, except for a class that has none.
     */
    static int rarestOfClass(String p, int r) {
        int best = r;
        for (int j = r; j + 2 < p.length(); j += STRIDE) {
            if (gramCommonness(p, j) < gramCommonness(p, best)) {
                best = j;
            }
        }
        return best;
    }

    /** A 3-gram is about as common as its rarest char, then the next rarest (a char past the end counts as common). */
    private static int gramCommonness(String p, int j) {
        int a = commonness(p.charAt(j));
        int b = j + 1 < p.length() ? commonness(p.charAt(j + 1)) : 9;
        int c = j + 2 < p.length() ? commonness(p.charAt(j + 2)) : 9;
        // the three in ascending order, without an array to sort (this runs before main, interpreted)
        int lo = Math.min(a, Math.min(b, c));
        int hi = Math.max(a, Math.max(b, c));
        return lo * 100 + (a + b + c - lo - hi) * 10 + hi;
    }

    /**
     * The index of the 3-gram (a, b, c) (low bytes) in {@link #grams3}: the 24 bits multiplied by a large odd
     * constant, the top bits taken (Fibonacci hashing), so that the table stays small enough for the first cache
     * levels. Collisions only add candidates, which the second look rejects.
     */
    static int hash3(int a, int b, int c) {
        return hash3((a & 0xFF) | (b & 0xFF) << 8 | (c & 0xFF) << 16);
    }

    /** {@link #hash3(int, int, int)} of the 3-gram x = a | b << 8 | c << 16. */
    static int hash3(int x) {
        return (x * 0x9E3779B1) >>> (32 - GRAMS3_BITS);
    }

    /** 1 when the 3-gram with hash {@code h} ({@link #hash3}) is in the bit set {@code grams} ({@link #grams3Bits}), else 0. */
    static int gram3(long[] grams, int h) {
        return (int) (grams[h >>> 6] >>> h) & 1; // a long shift uses the low 6 bits of h: the bit within its word
    }

    private void setGram3(int h) {
        grams3[h] = 1;
        grams3Bits[h >>> 6] |= 1L << h;
    }

    /** Rough frequency class of a char in log text (English words, numbers, timestamps): 1 rare .. 9 common. */
    static int commonness(char c) {
        if (c == ' ') {
            return 9;
        }
        if (c >= 'a' && c <= 'z') {
            return "etaoinshrdlcu".indexOf(c) >= 0 ? 8 : "mwfgypb".indexOf(c) >= 0 ? 6 : 3;
        }
        if (c >= 'A' && c <= 'Z') {
            return "ETAOINSR".indexOf(c) >= 0 ? 4 : 2;
        }
        if ((c >= '0' && c <= '9') || ".-:/=,".indexOf(c) >= 0) {
            return 6;
        }
        return c < 128 ? 1 : 5;
    }

    // ---------------------------------------------------------------- finding

    /*
     * Second looks, on chars read directly by the scan loops (0 outside the text), so that the usual hits in
     * log text ("12:34", "latency=5", "thread") are rejected without parsing. They only ever reject what
     * the exact check would not find: names and detector prefixes are ASCII, so a char that differs in its
     * low byte cannot match them.
     */

    /**
     * A detector-window hit at p with 2-gram g: the low bytes of c[p-3] .. c[p+4] packed into a long (c[p-3] in
     * the top byte, as a big-endian read gives them); true if some prefix window with this 2-gram agrees with all
     * of them. Only the windows of
     * gram g are looked at: every other window expects another gram at p, p+1 (its mask covers both), so it
     * could not agree anyway.
     */
    boolean detectorMayStart(long ctx, int g) {
        for (int k = firstOfGram(g); k >= 0 && k < detGram.length && detGram[k] == g; k++) {
            if ((ctx & detMask[k]) == detExpect[k]) {
                return true;
            }
        }
        return false;
    }

    /**
     * The first index of gram g in detGram (sorted), or -1. A table, not a binary search: log text hits the
     * filter a few thousand times per MB ("rk" of worker), and each hit's second look should cost a few ns.
     */
    private int firstOfGram(int g) {
        int mask = gramSlots.length - 1;
        for (int i = (g * 0x9E3779B1) >>> gramShift; ; i = (i + 1) & mask) {
            int e = gramSlots[i];
            if (e == 0) {
                return -1;
            }
            if (e >>> 16 == g) {
                return (e & 0xFFFF) - 1;
            }
        }
    }

    private void putGram(int g, int first) {
        if (first >= 0xFFFF) {
            throw new IllegalStateException("too many detector windows");
        }
        int mask = gramSlots.length - 1;
        int i = (g * 0x9E3779B1) >>> gramShift;
        while (gramSlots[i] != 0) {
            i = (i + 1) & mask;
        }
        gramSlots[i] = g << 16 | (first + 1);
    }

    /**
     * The first stage at a probe with 2-gram g (c[p] << 8 | c[p+1], low bytes) and the char after it ({@code next},
     * -1 past the end of the text): the 3-gram set, or at the text's last two chars the 2-gram set.
     */
    boolean probe(int g, int next) {
        return next >= 0 ? grams3[hash3(g >>> 8, g, next)] != 0 : (filter[g >>> 6] & (1L << g)) != 0;
    }

    /** {@link #probe} for a short text: the same answer, read from {@link #grams3Bits}. */
    boolean probeShort(int g, int next) {
        return next >= 0 ? gram3(grams3Bits, hash3(g >>> 8, g, next)) != 0 : (filter[g >>> 6] & (1L << g)) != 0;
    }

    /**
     * {@link #sepMayMatter} for a separator that is not ':' followed by "//", from the low bytes of the two chars
     * before it. A char above 255 there never makes a separator matter (names, blanks and quotes are ASCII), so
     * looking at its low byte only adds candidates.
     */
    boolean sepMayMatterAfter(int before2, int before1) {
        int i = (before2 & 0xFF) | (before1 & 0xFF) << 8;
        return (sepAfter[i >>> 6] & (1L << i)) != 0;
    }

    /**
     * A separator matters after a blank or quote (looked at closely), after a name's last two chars, in "://", or
     * as the '=' of "?=" and "+=" (Makefile).
     */
    boolean sepMayMatter(int before2, int before1, int sep, int after1, int after2) {
        if (before1 == ' ' || before1 == '\t' || before1 == '"' || before1 == '\'' || before1 == '?'
                || before1 == '+') {
            return true;
        }
        int key = RuleScanner.fold(before2 & 0xFF) << 7 | RuleScanner.fold(before1 & 0xFF);
        if ((nameSuffixes[key >>> 6] & (1L << key)) != 0) {
            return true;
        }
        return sep == ':' && after1 == '/' && after2 == '/';
    }

    /** A filter hit: the detector windows whose 2-gram g starts at p. */
    Candidates atGram(CharSequence s, int from, int to, int p, int g, Candidates found) {
        return detectorsAt(s, from, to, p, g, found);
    }

    /**
     * A name running into the end of the text: a stream must hold it back ({@code Authorization:} may
     * follow in the next write).
     */
    Candidates atEnd(CharSequence s, int from, int to, Candidates found) {
        if (!separators || to <= from || isSep(s.charAt(to - 1))) {
            return found;
        }
        return namesEndingBefore(s, from, to, to, found);
    }

    /** Can the text's end matter to a name rule: does it end in a name's last char, a blank or a quote? */
    boolean mayEndInName(int last) {
        return separators && last >= 0 && last < 128
                && (namesByLast[RuleScanner.fold(last)] != null || last == ' ' || last == '\t' || last == '"'
                || last == '\'' || last == '?' || last == '+' || Assignments.typeChar((char) last));
    }

    /** The separator at p: a URL scheme before "://" and names before it. */
    Candidates atSeparator(CharSequence s, int from, int to, int p, Candidates found) {
        if (s.charAt(p) == ':' && p > from && p + 3 <= to && s.charAt(p + 1) == '/' && s.charAt(p + 2) == '/') {
            char c = s.charAt(p - 1);
            int t = c < 128 ? urlTrigger[RuleScanner.fold(c)] : -1;
            if (t >= 0) {
                found = add(found, p - 1, t);
            }
        }
        return namesEndingBefore(s, from, to, p, found);
    }

    /**
     * Name triggers that end right before {@code a} apart from one optional quote and blanks
     * ({@code name[quote][blanks]} then a separator or the end): the only places a name rule does
     * anything. A trigger counts only where its whole text matches ({@code pwd=} needs the '=', a query
     * parameter its '='), exactly as the old scan required.
     */
    private Candidates namesEndingBefore(CharSequence s, int from, int to, int a, Candidates found) {
        int e = a;
        boolean equals = a >= to || s.charAt(a) == '='; // at the end, a '=' may follow in the next write
        if (a >= to) {
            int type = Assignments.typeAtEnd(s, from, to);
            if (type >= 0) {
                e = type; // "apiToken str": the type is still being written
            }
        }
        if (equals && e > from && (s.charAt(e - 1) == '?' || s.charAt(e - 1) == '+')) {
            e--; // Makefile "X_TOKEN ?= v", "X_TOKEN += v"
        }
        while (e > from && (s.charAt(e - 1) == ' ' || s.charAt(e - 1) == '\t')) {
            e--;
        }
        if (equals && e < a) {
            int type = Assignments.typeEndingAt(s, from, e);
            if (type >= 0) {
                e = type; // Go "var apiToken string = v": the name is before the type
                while (e > from && (s.charAt(e - 1) == ' ' || s.charAt(e - 1) == '\t')) {
                    e--;
                }
            }
        }
        if (e > from && (s.charAt(e - 1) == '"' || s.charAt(e - 1) == '\'')) {
            e--;
        }
        if (e == from) {
            return found;
        }
        char c = s.charAt(e - 1);
        int[] list = c < 128 ? namesByLast[RuleScanner.fold(c)] : null;
        if (list == null) {
            return found;
        }
        for (int ti : list) {
            RuleScanner.Trigger t = triggers[ti];
            int st = e - t.nameLength;
            if (st >= from && st + t.text.length() <= to && foldedMatchBackwards(s, st, t.text)) {
                found = add(found, st, ti);
            }
        }
        return found;
    }

    private static boolean foldedMatchBackwards(CharSequence s, int st, String t) {
        for (int i = t.length() - 1; i >= 0; i--) {
            if (RuleScanner.fold(s.charAt(st + i)) != t.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private Candidates detectorsAt(CharSequence s, int from, int to, int p, int g, Candidates found) {
        for (int k = firstOfGram(g); k >= 0 && k < detGram.length && detGram[k] == g; k++) {
            String prefix = detPrefix[k];
            int st = p - detOffset[k];
            if (st >= from && RuleScanner.startsWith(s, st, to, prefix)) {
                found = add(found, st, detTrigger[k]);
            }
        }
        return found;
    }

    private static Candidates add(Candidates found, int st, int trigger) {
        if (found == null) {
            found = new Candidates();
        }
        found.add(st, trigger);
        return found;
    }
}
