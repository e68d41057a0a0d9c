package dev.secretagent.agent.config;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** README points new users at examples/secret-agent.yaml: it must load as it is shipped, and mean what it says. */
class ExampleConfigurationTest {
    @Test
    void theShippedExampleLoads() throws Exception {
        Path example = Paths.get("..", "examples", "secret-agent.yaml").toAbsolutePath().normalize();
        AgentConfig c = AgentConfig.load("config=" + example, new Properties(), Map.of());
        assertThat(c.values()).containsEntry("service.name", "orders-api")
                .containsEntry("mode", "enforce")
                .containsEntry("audit.file", "logs/secret-agent-audit.jsonl")
                .containsEntry("min.length", "8");
        assertThat(c.origin(Option.byKey("audit.file"))).contains("secret-agent.yaml");
    }

    /** Every `java -javaagent:secret-agent.jar=...` start command README shows is a configuration the agent accepts. */
    @Test
    void readmesStartCommandsAreValidConfigurations() throws Exception {
        Path root = Paths.get("..").toAbsolutePath().normalize();
        List<String> args = new ArrayList<>();
        for (String line : Files.readAllLines(root.resolve("README.md"), StandardCharsets.UTF_8)) {
            String prefix = "java -javaagent:secret-agent.jar=";
            if (line.startsWith(prefix)) {
                args.add(line.substring(prefix.length(), line.indexOf(' ', prefix.length())));
            }
        }
        assertThat(args).as("README's app-team examples").hasSizeGreaterThanOrEqualTo(2);
        for (String a : args) {
            // paths in README are relative to the repository's root
            String resolved = a.replace("config=examples/", "config=" + root.resolve("examples") + "/");
            AgentConfig c = AgentConfig.load(resolved, new Properties(), Map.of());
            assertThat(c.values()).as(a).isNotEmpty();
        }
        // the first example turns the audit trail on: README's claim that it needs exactly this one setting
        assertThat(args.get(0)).contains("audit.file=");
    }
}
