package dev.secretagent.runtime.redact;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** The parts of the colour-split view: the ESC test over bytes (word at a time) and the escape sequence grammar. */
class ColourSplitValuesTest {
    @Test
    void anEscAtAnyPositionIsSeenAndItsNeighboursAreNot() {
        for (int n = 0; n < 80; n++) {
            byte[] b = new byte[n];
            Arrays.fill(b, (byte) 'a');
            assertThat(ColourSplitValues.hasEscape(b, 0, n)).isFalse();
            for (int i = 0; i < n; i++) {
                for (byte near : new byte[] {0x1A, 0x1C, (byte) 0x9B, (byte) 0x9A, 0x5B, 0x3B, 0x00, (byte) 0xFF}) {
                    b[i] = near;
                    assertThat(ColourSplitValues.hasEscape(b, 0, n)).as("0x%02x at %d of %d", near, i, n).isFalse();
                }
                b[i] = 0x1B;
                assertThat(ColourSplitValues.hasEscape(b, 0, n)).as("ESC at %d of %d", i, n).isTrue();
                assertThat(ColourSplitValues.hasEscape(b, 0, i)).as("ESC just past the range").isFalse();
                assertThat(ColourSplitValues.hasEscape(b, i + 1, n)).as("ESC just before the range").isFalse();
                b[i] = 'a';
            }
        }
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
