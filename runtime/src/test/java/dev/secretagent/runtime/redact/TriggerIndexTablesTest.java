package dev.secretagent.runtime.redact;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The lookup tables the trigger index precomputes before main agree with the tests they stand for. */
class TriggerIndexTablesTest {
    @Test
    void separatorTableSaysWhatSepMayMatterSaysForEveryPairOfBytes() {
        List<RuleScanner.Trigger> triggers = RuleScanner.triggers(List.of("X-Custom-Secret"), DetectorTable.RULES,
                new RuleScanner.OwnerTable());
        TriggerIndex ix = new TriggerIndex(triggers.toArray(new RuleScanner.Trigger[0]));
        int agreeing = 0;
        int matter = 0;
        for (int b2 = 0; b2 < 256; b2++) {
            for (int b1 = 0; b1 < 256; b1++) {
                boolean expected = ix.sepMayMatter(b2, b1, '=', 0, 0);
                assertThat(ix.sepMayMatterAfter(b2, b1)).as("bytes %d %d", b2, b1).isEqualTo(expected);
                agreeing++;
                matter += expected ? 1 : 0;
            }
        }
        assertThat(agreeing).isEqualTo(65536);
        assertThat(matter).as("some pairs matter, most do not").isBetween(1000, 40000);
    }
}
