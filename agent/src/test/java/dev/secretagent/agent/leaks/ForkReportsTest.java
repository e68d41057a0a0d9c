package dev.secretagent.agent.leaks;

import dev.secretagent.runtime.leaks.LeakReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Two forks' SARIF reports become one SARIF 2.1.0 log with renumbered rules, and rows for the build message. */
class ForkReportsTest {
    static String fork(String ruleId, String secretId, String channel, String fqn, String uri, int line) {
        return "{\"version\": \"2.1.0\", \"runs\": [{\"tool\": {\"driver\": {\"name\": \"secret-agent\", \"rules\": ["
                + "{\"id\": \"" + ruleId + "\", \"shortDescription\": {\"text\": \"t\"}}]}},"
                + " \"originalUriBaseIds\": {\"SRCROOT\": {\"uri\": \"file:///p/\"}},"
                + " \"results\": [{\"ruleId\": \"" + ruleId + "\", \"ruleIndex\": 0, \"level\": \"error\","
                + " \"message\": {\"text\": \"m\"}, \"locations\": [{\"physicalLocation\": {\"artifactLocation\":"
                + " {\"uri\": \"" + uri + "\", \"uriBaseId\": \"SRCROOT\"}, \"region\": {\"startLine\": " + line + "}},"
                + " \"logicalLocations\": [{\"fullyQualifiedName\": \"" + fqn + "\", \"kind\": \"function\"}]}],"
                + " \"properties\": {\"secretId\": \"" + secretId + "\", \"channel\": \"" + channel + "\", \"count\": 2}}]}]}";
    }

    @Test
    @SuppressWarnings("unchecked")
    void forksAreMergedIntoOneRun(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("leaks-11.sarif"), fork("known-secret", "DB_PASSWORD", "stderr",
                "example.OrderTest.connects", "src/test/java/example/OrderTest.java", 24));
        Files.writeString(dir.resolve("leaks-12.sarif"), fork("detector/aws", "detector:aws", "logback:example.Billing",
                "example.BillingTest.bills", "src/test/java/example/BillingTest.java", 9));
        Files.writeString(dir.resolve("notes.txt"), "not a report");
        List<Path> files = ForkReports.in(dir);
        assertThat(files).hasSize(2);

        ForkReports merged = ForkReports.merge(files, "0.1.0");
        assertThat(merged.reports()).isEqualTo(2);
        assertThat(merged.leaks()).extracting(ForkReports.Leak::text).containsExactly(
                "example.OrderTest.connects (src/test/java/example/OrderTest.java:24): DB_PASSWORD to stderr, 2 times",
                "example.BillingTest.bills (src/test/java/example/BillingTest.java:9): detector:aws to logback:example.Billing, 2 times");
        assertThat(merged.leaks().get(1).className()).isEqualTo("example.BillingTest");

        Map<String, Object> log = (Map<String, Object>) dev.secretagent.agent.json.Json.parse(merged.sarif());
        assertThat(log.get("version")).isEqualTo("2.1.0");
        List<Object> runs = (List<Object>) log.get("runs");
        assertThat(runs).hasSize(1);
        Map<String, Object> run = (Map<String, Object>) runs.get(0);
        List<Object> results = (List<Object>) run.get("results");
        assertThat(results).hasSize(2);
        assertThat(((Map<String, Object>) results.get(1)).get("ruleIndex")).isEqualTo(1L);
        List<Object> rules = (List<Object>) ((Map<String, Object>) ((Map<String, Object>) run.get("tool")).get("driver")).get("rules");
        assertThat(rules).hasSize(2);
        assertThat(merged.summary().get(0)).startsWith("secret-agent: 2 leaks in the output of 2 test JVMs");
    }

    @Test
    void anEmptyForkReportAsTheAgentWritesItMergesToNoLeaks(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("leaks-1.sarif"), new LeakReport(List.of(), dir.toFile(), "0.1.0").sarif());
        ForkReports merged = ForkReports.merge(ForkReports.in(dir), "0.1.0");
        assertThat(merged.leaks()).isEmpty();
        assertThat(merged.summary()).containsExactly("secret-agent: no leaks in the output of 1 test JVM");
        assertThat(merged.sarif()).contains("\"results\": []");
    }

    @Test
    void aFileThatIsNotSarifIsNamed(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("leaks-1.sarif");
        Files.writeString(bad, "{\"truncated\": ");
        assertThatThrownBy(() -> ForkReports.merge(List.of(bad), "0.1.0")).hasMessageContaining(bad.toString());
    }
}
