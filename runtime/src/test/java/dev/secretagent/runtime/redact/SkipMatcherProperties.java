package dev.secretagent.runtime.redact;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The matcher against a naive search, on digit-heavy patterns and text (where windows are taken at an offset and the
 * 8-gram stage decides most windows), patterns that are prefixes of others, every input type and both loop kinds
 * (short, and long inputs read from a copy): the same matches, in the same order (by start, then pattern order).
 */
class SkipMatcherProperties {
    private static final String HEXISH = "0123456789012345678901234567890123456789abcdefABCDEF";

    @Property(tries = 300)
    void findsWhatANaiveSearchFindsInTheSameOrder(@ForAll long seed, @ForAll @IntRange(min = 6, max = 24) int minLength) {
        Random rnd = new Random(seed);
        List<char[]> patterns = new ArrayList<char[]>();
        List<Integer> owners = new ArrayList<Integer>();
        List<String> writes = new ArrayList<String>();
        int count = 1 + rnd.nextInt(40);
        for (int i = 0; i < count; i++) {
            String p;
            if (i > 0 && rnd.nextInt(4) == 0) {
                // starts inside an earlier pattern (its suffix): the text gets both, overlapping, so a pattern that
                // starts later can have its window end first
                String earlier = new String(patterns.get(rnd.nextInt(patterns.size())));
                int cut = 1 + rnd.nextInt(Math.min(12, earlier.length() - 1));
                p = earlier.substring(cut) + random(rnd, Math.max(1, minLength - (earlier.length() - cut)));
                writes.add(earlier.substring(0, cut) + p);
            } else if (i > 0 && rnd.nextInt(3) == 0) {
                // a prefix or an extension of an earlier pattern: both can match at one start
                String earlier = new String(patterns.get(rnd.nextInt(patterns.size())));
                p = rnd.nextBoolean() && earlier.length() > minLength
                        ? earlier.substring(0, minLength + rnd.nextInt(earlier.length() - minLength))
                        : earlier + random(rnd, 1 + rnd.nextInt(10));
            } else {
                p = random(rnd, minLength + rnd.nextInt(30));
            }
            if (!contains(patterns, p)) {
                patterns.add(p.toCharArray());
                owners.add(patterns.size() - 1);
                writes.add(p);
            }
        }
        StringBuilder text = new StringBuilder(random(rnd, rnd.nextInt(700)));
        for (int k = text.length() / 8; k > 0; k--) {
            // patterns written over the text at random places: they overlap (one's window after another's start)
            String p = writes.get(rnd.nextInt(writes.size()));
            int at = rnd.nextInt(text.length());
            text.replace(at, Math.min(text.length(), at + p.length()), p);
        }
        String s = text.toString();
        int from = s.isEmpty() ? 0 : rnd.nextInt(Math.min(20, s.length()));
        int to = s.length() - (s.length() - from < 20 ? 0 : rnd.nextInt(20));
        SkipMatcher m = new SkipMatcher(patterns, owners);
        List<String> expected = naive(patterns, s, from, to);
        assertThat(list(m.scan(s, from, to, null))).as("String").isEqualTo(expected);
        assertThat(list(m.scan(s.toCharArray(), from, to, null))).as("char[]").isEqualTo(expected);
        assertThat(list(m.scan(s.getBytes(StandardCharsets.ISO_8859_1), from, to, null))).as("byte[]")
                .isEqualTo(expected);
    }

    private static String random(Random rnd, int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(HEXISH.charAt(rnd.nextInt(HEXISH.length())));
        }
        return sb.toString();
    }

    private static boolean contains(List<char[]> patterns, String p) {
        for (char[] q : patterns) {
            if (new String(q).equals(p)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> naive(List<char[]> patterns, String s, int from, int to) {
        List<String> out = new ArrayList<String>();
        for (int st = from; st < to; st++) {
            for (int k = 0; k < patterns.size(); k++) {
                String p = new String(patterns.get(k));
                if (st + p.length() <= to && s.startsWith(p, st)) {
                    out.add(st + "-" + (st + p.length()) + "#" + k);
                }
            }
        }
        return out;
    }

    private static List<String> list(Spans sp) {
        List<String> out = new ArrayList<String>();
        for (int i = 0; sp != null && i < sp.size; i++) {
            out.add(sp.start[i] + "-" + sp.end[i] + "#" + sp.owner[i]);
        }
        return out;
    }
}
