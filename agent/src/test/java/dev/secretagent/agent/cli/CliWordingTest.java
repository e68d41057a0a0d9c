package dev.secretagent.agent.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 20: help that reads whole sentences; status that names where a setting came from. */
class CliWordingTest {
    @Test
    void everyCommandsSummaryIsAWholeSentence() {
        for (CommandLine c : NoEchoTest.allCommands(new CommandLine(new Main()))) {
            String[] d = c.getCommandSpec().usageMessage().description();
            assertThat(d).as(c.getCommandSpec().qualifiedName()).isNotEmpty();
            // the root --help lists only this first element: it must end a sentence
            assertThat(d[0]).as(c.getCommandSpec().qualifiedName()).endsWith(".");
        }
        NoEchoTest.Run r = NoEchoTest.run("--help");
        assertThat(r.out).contains("redact  Copy stdin to stdout with every known secret and detected credential\n            masked.")
                .contains("status  Show what secret-agent is doing in a running JVM, or check a\n            configuration.");
    }

    @Test
    void statusNamesTheOptionASettingCameFrom(@TempDir Path dir) throws Exception {
        Path yaml = dir.resolve("agent.yaml");
        Files.writeString(yaml, "mode: audit\n");
        NoEchoTest.Run r = NoEchoTest.run("status", "--config", yaml.toString(), "--options", "service.name=orders");
        assertThat(r.exit).as(r.err).isZero();
        assertThat(r.out).containsPattern("config +" + java.util.regex.Pattern.quote(yaml.toString()) + "  \\(--config\\)")
                .containsPattern("service.name +orders  \\(--options\\)")
                .contains("(every other key at its default: see docs/configuration.md for every key)")
                .doesNotContain("agent argument").doesNotContain("--help");
    }
}
