package dev.secretagent.agent.config;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/configuration.md is the user's reference: it must name every key the agent accepts. */
class ConfigurationDocTest {
    @Test
    void everyOptionIsDocumented() throws Exception {
        Path doc = Paths.get("..", "docs", "configuration.md");
        String text = new String(Files.readAllBytes(doc), StandardCharsets.UTF_8);
        for (Option o : Option.values()) {
            assertThat(text).as("docs/configuration.md documents %s", o.key).contains("`" + o.key + "`");
            assertThat(text).as("docs/configuration.md states the fleet effect of %s", o.key)
                    .contains("| `" + o.key + "` | " + o.effect.description() + " |");
        }
    }
}
