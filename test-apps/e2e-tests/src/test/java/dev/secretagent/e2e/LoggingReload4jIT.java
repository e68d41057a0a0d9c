package dev.secretagent.e2e;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 4, Log4j 1.2 API on reload4j: message, MDC, NDC, exception message, cause, suppressed, pattern and XML
 * layouts, file, rolling file, async appender, System.getenv() dump, printStackTrace; appenders that format with the
 * layout and send the text elsewhere (JDBC into a real in-memory database, the application's own appender).
 */
class LoggingReload4jIT {
    static final LoggingScenario RELOAD4J = new LoggingScenario("reload4j-app", "demo.reload4j.Reload4jApp", false,
            "stdout", "stderr", "app.log", "app.xml", "rolling.log", "async.log");

    @Test
    void secretsFromTheEnvironment() throws Exception {
        String plain = ChildJvm.randomSecret("pw-");
        String special = LoggingScenario.specialSecret("tk-");
        RELOAD4J.runAndCheck(c -> c.env("APP_PASSWORD", plain).env("APP_TOKEN", special), plain, special);
    }

    @Test
    void secretFromConfiguration() throws Exception {
        String plain = ChildJvm.randomSecret("cf-");
        RELOAD4J.runAndCheck(c -> c.jvmArg("-Ddb.password=" + plain), plain);
    }

    @Test
    void attachedLate() throws Exception {
        RELOAD4J.attachLateAndCheck("APP_PASSWORD", ChildJvm.randomSecret("late-"));
    }

    /**
     * reload4j's JDBCAppender (rows of an in-memory H2 table, read back by the application) and an application's own
     * AppenderSkeleton that formats with a PatternLayout, next to a plain file appender on the same logger: the
     * control run holds the secret in each output; with the agent, no form of it anywhere, the same lines, and each
     * secret masked exactly where the control had it, every redaction audited once (the file appender's lines are
     * redacted by its QuietWriter only, not once more at the layout).
     */
    @Test
    void appendersThatFormatWithTheLayout() throws Exception {
        // randomSecret: letters and digits after a prefix. Safe for Log4j 1.2.17's JDBCAppender, which pasted the
        // text into the SQL (a quote would break it); reload4j's binds it as a parameter, so the special secret
        // (quotes, <, &, backslash) is used too.
        String plain = ChildJvm.randomSecret("pw-");
        String special = LoggingScenario.specialSecret("tk-");
        String[] outputs = {"file.log", "jdbc.log", "custom.log"};
        LoggingScenario scenario = new LoggingScenario("reload4j-app", "demo.reload4j.LayoutAppendersApp", false, outputs);

        Path controlDir = LogOutputs.freshDir("reload4j-layouts-control");
        ChildJvm.Result control = scenario.jvm(controlDir).env("APP_PASSWORD", plain).env("APP_TOKEN", special).run();
        assertThat(control.exit).as(control.toString()).isZero();
        LogOutputs c = LogOutputs.of(control, controlDir);
        c.assertEveryOutputHolds(plain, outputs);
        c.assertEveryOutputHolds(special, outputs);

        Path agentDir = LogOutputs.freshDir("reload4j-layouts-agent");
        Path audit = LogOutputs.freshDir("reload4j-layouts-audit").resolve("audit.jsonl");
        ChildJvm.Result run = scenario.jvm(agentDir).env("APP_PASSWORD", plain).env("APP_TOKEN", special)
                .withAgent("audit.file=" + audit).run();
        assertThat(run.exit).as(run.toString()).isZero();
        LogOutputs a = LogOutputs.of(run, agentDir);
        assertThat(a.lineCounts()).as("lines per output, agent vs control").isEqualTo(c.lineCounts());
        a.assertNoSecret(plain, special);

        Map<String, Integer> expected = new TreeMap<>();
        Map<String, Integer> masked = new TreeMap<>();
        int total = 0;
        for (String o : outputs) {
            expected.put(o, occurrences(c.outputs.get(o), plain) + occurrences(c.outputs.get(o), special));
            masked.put(o, occurrences(a.outputs.get(o), "[REDACTED:APP_PASSWORD]")
                    + occurrences(a.outputs.get(o), "[REDACTED:APP_TOKEN]"));
            total += masked.get(o);
        }
        assertThat(masked).as("masks per output, where the control held a secret").isEqualTo(expected);
        List<Map<String, Object>> redactions = AccessAudit.withAction(AccessAudit.lines(audit), "redact");
        assertThat(redactions).as("audited redactions").allSatisfy(r ->
                assertThat(r.get("log.channel")).isEqualTo("log4j1:demo.Layouts"));
        // repeated redactions are audited as one line with event.count
        long audited = redactions.stream().mapToLong(r -> ((Number) r.getOrDefault("event.count", 1)).longValue()).sum();
        assertThat(audited).as("one audited redaction per mask, none twice").isEqualTo(total);
    }

    private static int occurrences(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length())) {
            n++;
        }
        return n;
    }
}
