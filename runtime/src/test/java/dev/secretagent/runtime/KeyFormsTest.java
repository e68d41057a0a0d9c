package dev.secretagent.runtime;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Key}'s size, duration and list forms are read by hand (no regex on the premain thread): here they are held
 * against the patterns they replaced, on every combination of number, spacing, unit spelling and stray character,
 * value for value and message for message.
 */
class KeyFormsTest {
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(B|KB|MB|GB)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)?", Pattern.CASE_INSENSITIVE);

    private static final String[] NUMBERS = {"", "0", "7", "10", "0042", "9223372036854775807", "99999999999999999999",
            "1a", "-5", "+5", "1.5", "١٢"};
    private static final String[] GAPS = {"", " ", "  ", "\t", "\n", "\u000B", "\f", "\r", "\u00A0", "\u2003", "_"};
    private static final String[] UNITS = {"", "b", "B", "kb", "Kb", "kB", "KB", "mb", "MB", "gb", "GB", "tb", "K",
            "\u212AB", "ms", "MS", "mS", "s", "S", "\u017F", "m", "M", "h", "H", "d", "min", "sec", "m s", "msx", "1"};
    private static final String[] EDGES = {"", " ", "\t"};

    @Test
    void sizesAreReadAsThePatternReadThem() {
        int compared = 0;
        for (String text : texts()) {
            assertThat(outcome(() -> Key.bytes(text))).as("size '%s'", text).isEqualTo(outcome(() -> oldBytes(text)));
            compared++;
        }
        assertThat(compared).isGreaterThan(10_000);
    }

    @Test
    void durationsAreReadAsThePatternReadThem() {
        for (String text : texts()) {
            for (boolean bareIsMillis : new boolean[] {true, false}) {
                assertThat(outcome(() -> Key.millis(text, bareIsMillis)))
                        .as("duration '%s' bare=%s", text, bareIsMillis)
                        .isEqualTo(outcome(() -> oldMillis(text, bareIsMillis)));
            }
        }
    }

    @Test
    void listsAreSplitAsTheRegexSplitThem() {
        String[] pieces = {"", " ", "a", " b ", ";", ",", ";;", ",;", "*PASSWORD*", "x y", "\t"};
        for (String p1 : pieces) {
            for (String p2 : pieces) {
                for (String p3 : pieces) {
                    for (String p4 : pieces) {
                        String text = p1 + p2 + p3 + p4;
                        assertThat(Key.elements(text)).as("list '%s'", text).isEqualTo(oldElements(text));
                    }
                }
            }
        }
    }

    @Test
    void theDefaultsReadAsBefore() {
        assertThat(Key.bytes("50MB")).isEqualTo(50L * 1024 * 1024);
        assertThat(Key.bytes("512 kb")).isEqualTo(512L * 1024);
        assertThat(Key.millis("5s", false)).isEqualTo(5_000L);
        assertThat(Key.millis("30S", false)).isEqualTo(30_000L);
        assertThat(Key.millis("1500", true)).isEqualTo(1_500L);
        assertThat(Key.elements(" a; b,,c ;")).containsExactly("a", "b", "c");
    }

    private static List<String> texts() {
        List<String> out = new ArrayList<>();
        for (String before : EDGES) {
            for (String n : NUMBERS) {
                for (String gap : GAPS) {
                    for (String unit : UNITS) {
                        for (String after : EDGES) {
                            out.add(before + n + gap + unit + after);
                        }
                    }
                }
            }
        }
        return out;
    }

    private static String outcome(Thrower f) {
        try {
            return "value " + f.get();
        } catch (IllegalArgumentException e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }

    private interface Thrower {
        long get();
    }

    /** Key.bytes before lean17. */
    private static long oldBytes(String text) {
        Matcher m = SIZE.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("expected a size such as 10MB, got '" + text + "'");
        }
        String unit = m.group(2) == null ? "B" : m.group(2).toUpperCase(Locale.ROOT);
        long mult = unit.equals("KB") ? 1024L : unit.equals("MB") ? 1024L * 1024 : unit.equals("GB") ? 1024L * 1024 * 1024 : 1L;
        return Long.parseLong(m.group(1)) * mult;
    }

    /** Key.millis before lean17. */
    private static long oldMillis(String text, boolean bareIsMillis) {
        Matcher m = DURATION.matcher(text.trim());
        if (!m.matches() || (m.group(2) == null && !bareIsMillis)) {
            throw new IllegalArgumentException("expected a duration such as 30s or 5m, got '" + text + "'");
        }
        String unit = m.group(2) == null ? "ms" : m.group(2).toLowerCase(Locale.ROOT);
        long mult = unit.equals("ms") ? 1L : unit.equals("s") ? 1000L : unit.equals("m") ? 60_000L : 3_600_000L;
        return Long.parseLong(m.group(1)) * mult;
    }

    /** Key.elements before lean17. */
    private static List<String> oldElements(String text) {
        List<String> out = new ArrayList<>();
        for (String part : text.split("[;,]")) {
            String t = part.trim();
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return Collections.unmodifiableList(out);
    }
}
