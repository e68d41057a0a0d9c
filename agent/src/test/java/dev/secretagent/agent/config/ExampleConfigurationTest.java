package dev.secretagent.agent.config;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.nio.file.Paths;
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
}
