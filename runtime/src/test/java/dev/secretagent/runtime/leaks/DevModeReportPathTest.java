package dev.secretagent.runtime.leaks;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DevModeReportPathTest {
    @Test
    void pidTokenBecomesThisProcessId() {
        String pid = Long.toString(ProcessHandle.current().pid());
        assertThat(DevMode.reportPath("target/secret-agent/leaks-{pid}.sarif")).isEqualTo("target/secret-agent/leaks-" + pid + ".sarif");
        assertThat(DevMode.reportPath("target/leaks.sarif")).isEqualTo("target/leaks.sarif");
        assertThat(DevMode.reportPath(null)).isNull();
    }
}
