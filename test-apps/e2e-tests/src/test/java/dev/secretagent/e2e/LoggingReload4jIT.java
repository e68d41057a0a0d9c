package dev.secretagent.e2e;

import org.junit.jupiter.api.Test;

/**
 * Issue 4, Log4j 1.2 API on reload4j: message, MDC, NDC, exception message, cause, suppressed, pattern and XML
 * layouts, file, rolling file, async appender, System.getenv() dump, printStackTrace.
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
}
