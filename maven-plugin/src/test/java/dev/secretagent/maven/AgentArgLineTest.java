package dev.secretagent.maven;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AgentArgLineTest {
    @Test
    void theAgentGoesFirstAndWhatWasThereStays() {
        String agent = AgentArgLine.javaagent("/repo/secret-agent-0.1.0.jar", List.of("mode=dev", "leaks.fail=false"));
        assertThat(agent).isEqualTo("-javaagent:/repo/secret-agent-0.1.0.jar=mode=dev,leaks.fail=false");
        assertThat(AgentArgLine.prepend(null, agent, "secret-agent-0.1.0.jar")).isEqualTo(agent);
        assertThat(AgentArgLine.prepend("-javaagent:/m2/jacoco.jar=destfile=x -Xmx1g", agent, "secret-agent-0.1.0.jar"))
                .isEqualTo(agent + " -javaagent:/m2/jacoco.jar=destfile=x -Xmx1g");
    }

    @Test
    void anEarlierSecretAgentArgumentIsReplacedNotRepeated() {
        String first = AgentArgLine.javaagent("/repo/secret-agent-0.1.0.jar", List.of("mode=dev"));
        String again = AgentArgLine.prepend(first + " -Xmx1g", AgentArgLine.javaagent("/repo/secret-agent-0.1.0.jar",
                List.of("mode=audit")), "secret-agent-0.1.0.jar");
        assertThat(again).isEqualTo("-javaagent:/repo/secret-agent-0.1.0.jar=mode=audit -Xmx1g");
    }

    @Test
    void aPathWithASpaceIsQuotedAndSplitAsOneArgument() {
        String agent = AgentArgLine.javaagent("/home/me/my repo/secret-agent-0.1.0.jar", List.of("mode=dev"));
        assertThat(agent).isEqualTo("\"-javaagent:/home/me/my repo/secret-agent-0.1.0.jar=mode=dev\"");
        assertThat(AgentArgLine.split(agent + " -Xmx1g")).containsExactly(agent, "-Xmx1g");
        assertThat(AgentArgLine.prepend(agent + " -Xmx1g", agent, "secret-agent-0.1.0.jar")).isEqualTo(agent + " -Xmx1g");
    }
}
