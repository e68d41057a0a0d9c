package dev.secretagent.runtime.leaks;

import dev.secretagent.runtime.Settings;
import dev.secretagent.runtime.redact.Redaction;
import dev.secretagent.runtime.redact.RedactionListener;
import dev.secretagent.runtime.redact.RedactionListeners;
import dev.secretagent.runtime.secret.Secret;
import dev.secretagent.runtime.secret.SecretRegistry;
import example.leaks.LeakingCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LeakRecorderTest {
    private final LeakRecorder recorder = new LeakRecorder();
    private String value;

    @BeforeEach
    void setUp() {
        SecretRegistry.reset();
        Settings.install(new Settings(Collections.<String, String>emptyMap(), Collections.<String, List<Map<String, Object>>>emptyMap()));
        StringBuilder sb = new StringBuilder("v-");
        SecureRandom r = new SecureRandom();
        for (int i = 0; i < 20; i++) {
            sb.append((char) ('a' + r.nextInt(26)));
        }
        value = sb.toString();
        SecretRegistry.put(new Secret("DB_PASSWORD", "1", value, "test"));
        RedactionListeners.add(recorder);
    }

    @AfterEach
    void tearDown() {
        RedactionListeners.remove(recorder);
        SecretRegistry.reset();
    }

    private void leak(String channel) {
        LeakingCode.leak(value, channel);
    }

    private static int lineOf(String needle) throws Exception {
        List<String> lines = java.nio.file.Files.readAllLines(new File("src/test/java/example/leaks/LeakingCode.java").toPath());
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(needle) && !lines.get(i).contains("lineOf")) {
                return i + 1;
            }
        }
        throw new AssertionError(needle);
    }

    @Test
    void findingNamesTheCallSiteAndGroupsIdenticalOnes() throws Exception {
        for (int i = 0; i < 3; i++) {
            leak("stdout");
        }
        leak("logback:com.acme.Orders");
        List<LeakFinding> f = recorder.findings();
        assertThat(f).hasSize(2);
        LeakFinding top = f.get(0);
        assertThat(top.secretId()).isEqualTo("DB_PASSWORD");
        assertThat(top.channel()).isEqualTo("stdout");
        assertThat(top.count()).isEqualTo(3);
        assertThat(top.ruleId()).isEqualTo("known-secret");
        assertThat(top.site().className()).isEqualTo(LeakingCode.class.getName());
        assertThat(top.site().method()).isEqualTo("leak");
        assertThat(top.site().line()).isEqualTo(lineOf("Redaction.redact(\"password is \""));
        // the stack goes on from the call site: the next frame is this test (the agent's frames are only skipped above it)
        assertThat(top.stack().get(1).className()).isEqualTo(LeakRecorderTest.class.getName());
    }

    @Test
    void diagnosticsAreNotFindings() {
        Redaction.redact("x " + value, "diagnostics");
        assertThat(recorder.findings()).isEmpty();
    }

    @Test
    void reportsHoldIdsAndLocationsNeverTheValue() throws Exception {
        leak("stdout");
        LeakReport report = new LeakReport(recorder.findings(), new File("."), "test");
        String json = report.json();
        String sarif = report.sarif();
        assertThat(json).contains("\"secretId\": \"DB_PASSWORD\"").contains("\"count\": 1")
                .contains("\"path\": \"runtime/src/test/java/example/leaks/LeakingCode.java\"")
                .doesNotContain(value);
        assertThat(sarif).contains("\"version\": \"2.1.0\"").contains("\"ruleId\": \"known-secret\"")
                .contains("{\"uri\": \"runtime/src/test/java/example/leaks/LeakingCode.java\", \"uriBaseId\": \"SRCROOT\"}, \"region\": {\"startLine\": "
                        + lineOf("Redaction.redact(\"password is \"") + "}")
                .doesNotContain(value);
        assertThat(String.join("\n", report.summaryLines(null))).contains("1 leak found").contains("DB_PASSWORD")
                .contains("example.leaks.LeakingCode.leak(LeakingCode.java:").doesNotContain(value);
    }

    @Test
    void theSingleListenerSlotAndAddedListenersAllHear() {
        List<String> heard = new ArrayList<>();
        RedactionListener extra = (id, ch) -> heard.add("extra:" + id);
        Redaction.setListener((id, ch) -> heard.add("slot:" + id));
        RedactionListeners.add(extra);
        try {
            leak("stdout");
        } finally {
            Redaction.setListener(null);
            RedactionListeners.remove(extra);
        }
        assertThat(heard).containsExactly("slot:DB_PASSWORD", "extra:DB_PASSWORD");
        assertThat(recorder.findings()).hasSize(1);
    }

    @Test
    void ruleIdsPerKind() {
        assertThat(LeakFinding.ruleId("detector:aws")).isEqualTo("detector/aws");
        assertThat(LeakFinding.ruleId("header:Authorization")).isEqualTo("sensitive-header");
        assertThat(LeakFinding.ruleId("key:password")).isEqualTo("sensitive-key");
        assertThat(LeakFinding.ruleId("auth:bearer")).isEqualTo("auth-scheme-credential");
        assertThat(LeakFinding.ruleId("url:oracle")).isEqualTo("url-credentials");
        assertThat(LeakFinding.ruleId("APP_TOKEN")).isEqualTo("known-secret");
    }
}
