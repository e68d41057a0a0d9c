package dev.secretagent.runtime.audit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The default service.name: the first word of the command, read without a regex (the old split on \s+). */
class ServiceNameTest {
    @Test
    void theFirstWordOfTheCommandAsTheSplitGaveIt() {
        String[] commands = {"com.acme.Main", "com.acme.Main x y", "  com.acme.Main\tx", "/srv/orders.jar --port 1",
                "C:\\apps\\orders.jar\nx", "a\u000Bb", "a\fb", "a\rb", "a\u00A0b c", "x.jar", "  solo  "};
        for (String command : commands) {
            String first = command.trim().split("\\s+")[0];
            String expected = first.endsWith(".jar")
                    ? first.substring(Math.max(first.lastIndexOf('/'), first.lastIndexOf('\\')) + 1) : first;
            assertThat(AuditContext.defaultServiceName(command)).as(command).isEqualTo(expected);
        }
        assertThat(AuditContext.defaultServiceName("  ")).isEqualTo("unknown");
    }
}
