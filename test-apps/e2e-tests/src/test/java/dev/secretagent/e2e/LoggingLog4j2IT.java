package dev.secretagent.e2e;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 4, Log4j2: message, arguments, ThreadContext, exception message, cause, suppressed, JSON template layout,
 * file and rolling file (garbage-free encoders by default), async appender, System.getenv() dump, printStackTrace.
 * The same application and configuration on the current Log4j2 (log4j2-app) and on 2.17 (log4j2-217-app).
 */
class LoggingLog4j2IT {
    static LoggingScenario log4j2(String module) {
        return new LoggingScenario(module, "demo.log4j2.Log4j2App", false,
                "stdout", "stderr", "app.log", "app.json", "rolling.log", "async.log");
    }

    @ParameterizedTest
    @ValueSource(strings = {"log4j2-app", "log4j2-217-app"})
    void secretsFromTheEnvironment(String module) throws Exception {
        String plain = ChildJvm.randomSecret("pw-");
        String special = LoggingScenario.specialSecret("tk-");
        log4j2(module).runAndCheck(c -> c.env("APP_PASSWORD", plain).env("APP_TOKEN", special), plain, special);
    }

    @ParameterizedTest
    @ValueSource(strings = {"log4j2-app", "log4j2-217-app"})
    void secretFromConfiguration(String module) throws Exception {
        String plain = ChildJvm.randomSecret("cf-");
        log4j2(module).runAndCheck(c -> c.jvmArg("-Ddb.password=" + plain), plain);
    }

    @ParameterizedTest
    @ValueSource(strings = {"log4j2-app", "log4j2-217-app"})
    void withoutDirectEncoders(String module) throws Exception {
        String plain = ChildJvm.randomSecret("pw-");
        log4j2(module).runAndCheck(c -> c.env("APP_PASSWORD", plain).jvmArg("-Dlog4j2.enableDirectEncoders=false"), plain);
    }

    @ParameterizedTest
    @ValueSource(strings = {"log4j2-app", "log4j2-217-app"})
    void redactionsAreAuditedPerLogger(String module) throws Exception {
        String plain = ChildJvm.randomSecret("pw-");
        log4j2(module).checkAuditedChannels(c -> c.env("APP_PASSWORD", plain), "APP_PASSWORD",
                "log4j2:demo.Orders", "log4j2:demo.Async", "log4j2:demo.Rolling");
    }

    @ParameterizedTest
    @ValueSource(strings = {"log4j2-app", "log4j2-217-app"})
    void attachedLate(String module) throws Exception {
        log4j2(module).attachLateAndCheck("APP_PASSWORD", ChildJvm.randomSecret("late-"));
    }
}
