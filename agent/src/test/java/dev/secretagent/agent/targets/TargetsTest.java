package dev.secretagent.agent.targets;

import dev.secretagent.agent.instrument.TargetInstrumentation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What premain reads of each target without loading it (name, aliases) is what the target itself says. */
class TargetsTest {
    @Test
    void everyListedTargetHasItsOwnNameAndAliases() {
        for (TargetInstrumentation listed : Targets.all()) {
            TargetInstrumentation target = ((ListedTarget) listed).target();
            assertThat(target).isNotInstanceOf(ListedTarget.class);
            assertThat(listed.name()).isEqualTo(target.name());
            assertThat(listed.aliases()).as(listed.name()).isEqualTo(target.aliases());
            assertThat(listed.types()).as(listed.name()).isNotEmpty();
        }
    }

    @Test
    void anUnknownNameIsRefused() {
        assertThatThrownBy(() -> Targets.create("logbak")).isInstanceOf(IllegalArgumentException.class);
    }
}
