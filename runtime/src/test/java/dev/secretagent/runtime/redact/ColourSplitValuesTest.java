package dev.secretagent.runtime.redact;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The parts of the colour-split view: the ESC test that the trigger search does in its loops (every input type and
 * length path: short and long Strings, char[], short and long byte arrays, and a rule set with no triggers), and the
 * escape sequence grammar.
 */
class ColourSplitValuesTest {
    private static final RuleScanner ALL = new RuleScanner(
            RuleScanner.triggers(Collections.emptyList(), DetectorTable.forSetting(null), new RuleScanner.OwnerTable()),
            "[REDACTED:");
    private static final RuleScanner NONE = new RuleScanner(Collections.emptyList(), "[REDACTED:");

    @Test
    void anEscAtAnyPositionIsSeenAndItsNeighboursAreNot() {
        for (int n = 0; n < 300; n++) {
            if (n < 80 || n % 23 == 0 || n >= 250 && n <= 260) { // short paths, block ends, the switch at 256
                everyPosition(n, 1);
            }
        }
        // several chunks of the long loops (4,080 units each), and their ends
        everyPosition(2 * 4080 + 37, 97);
    }

    private static void everyPosition(int n, int step) {
        char[] c = new char[n];
        Arrays.fill(c, 'a');
        assertNoEscape(c, 0, n, "none in " + n);
        for (int i = 0; i < n; i += i < 30 || n - i < 30 ? 1 : step) {
            for (char near : new char[] {0x1A, 0x1C, 0x9B, 0x9A, 0x5B, 0x3B, 0x00, 0xFF, 0x3A, 0x3D}) {
                c[i] = near;
                assertNoEscape(c, 0, n, String.format("0x%02x at %d of %d", (int) near, i, n));
            }
            c[i] = 0x1B;
            assertEscape(c, 0, n, "ESC at " + i + " of " + n);
            int j = (i + 1 + n / 2) % n;
            if (j != i) {
                // a byte >= 0x80 in the text (a UTF-8 char's) makes the byte loops search exactly: same answers
                c[j] = 0xE9;
                assertEscape(c, 0, n, "ESC at " + i + ", 0xE9 at " + j + " of " + n);
                c[i] = 'a';
                assertNoEscape(c, 0, n, "0xE9 at " + j + " of " + n);
                c[i] = 0x1B;
                c[j] = 'a';
            }
            assertNoEscape(c, 0, i, "ESC just past the range");
            assertNoEscape(c, i + 1, n, "ESC just before the range");
            c[i] = 0x201B; // its low byte is ESC: the String block loop reads low bytes
            assertNoEscape(c, 0, n, "U+201B at " + i + " of " + n);
            c[i] = 'a';
        }
    }

    private static void assertEscape(char[] c, int from, int to, String what) {
        assertThat(escapes(c, from, to)).as(what).containsOnly(true);
    }

    private static void assertNoEscape(char[] c, int from, int to, String what) {
        assertThat(escapes(c, from, to)).as(what).containsOnly(false);
    }

    /** What each search says (String, char[], and bytes where every char is one byte), with and without triggers. */
    private static List<Boolean> escapes(char[] c, int from, int to) {
        String s = new String(c);
        List<Boolean> out = new ArrayList<>();
        for (RuleScanner r : new RuleScanner[] {ALL, NONE}) {
            out.add(Candidates.escape(r.triggers(s, from, to)));
            out.add(Candidates.escape(r.triggers(c, from, to)));
            if (s.chars().allMatch(u -> u < 0x100)) {
                out.add(Candidates.escape(r.triggers(s.getBytes(StandardCharsets.ISO_8859_1), from, to)));
            }
        }
        return out;
    }

    @Test
    void sequenceLengths() {
        assertThat(len("\u001b[31mx")).isEqualTo(5);
        assertThat(len("\u001b[1;38;5;208mx")).isEqualTo(13);
        assertThat(len("\u001b[mx")).isEqualTo(3);
        assertThat(len("\u001b[2Kx")).isEqualTo(4);
        assertThat(len("\u001b]8;;https://h/\u0007x")).isEqualTo(16);
        assertThat(len("\u001b]0;title\u001b\\x")).isEqualTo(11);
        assertThat(len("\u001b7x")).isEqualTo(2);
        // not a sequence: the view keeps the ESC as text
        assertThat(len("\u001b[31\u00e9x")).isZero();
        assertThat(len("\u001b\u0001x")).isZero();
        // the text ends inside one: the next write may complete it
        assertThat(len("\u001b")).isEqualTo(-1);
        assertThat(len("\u001b[31")).isEqualTo(-1);
        assertThat(len("\u001b]8;;https://h/")).isEqualTo(-1);
        assertThat(len("\u001b]0;t\u001b")).isEqualTo(-1);
    }

    private static int len(String s) {
        return ColourSplitValues.sequenceLength(s, 0, s.length());
    }
}
