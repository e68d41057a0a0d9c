package dev.secretagent.runtime.audit;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AuditJsonTest {
    @Test
    void escapesEverythingJsonRequiresAndLineBreakers() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("a", "q\"b\\n\nr\rt\tc\u0001x\u2028y\ud800z\uD83D\uDE00");
        f.put("n", 42);
        f.put("b", true);
        f.put("l", Arrays.asList("A", "B\""));
        f.put("skipped", null);
        assertThat(AuditJson.line(f)).isEqualTo("{\"a\":\"q\\\"b\\\\n\\nr\\rt\\tc\\u0001x\\u2028y\\ud800z\uD83D\uDE00\","
                + "\"n\":42,\"b\":true,\"l\":[\"A\",\"B\\\"\"]}");
    }
}
