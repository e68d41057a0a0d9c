package dev.secretagent.runtime.redact;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The INNER detectors' alphabets are read off the class's text (no pattern compiled on a stream's first write): for
 * every built-in INNER rule that reading gives the same chars as running the alphabet as a pattern.
 */
class InnerAlphabetTest {
    @Test
    void everyInnerAlphabetReadsAsItsPatternMatches() {
        int inner = 0;
        for (DetectorRule r : CredentialFormats.rules()) {
            if (r.kind != DetectorRule.INNER) {
                continue;
            }
            inner++;
            assertThat(r.backSet()).as(r.id() + " " + r.backAlphabet).containsExactly(r.backSetByPattern());
        }
        assertThat(inner).isGreaterThanOrEqualTo(3);
    }
}
