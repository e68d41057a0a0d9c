package dev.secretagent.e2e;

import org.junit.jupiter.api.Test;

/**
 * Issue 4, Logback: message, arguments, MDC, exception message, cause, suppressed, JSON encoder, file, rolling
 * file, async appender, System.getenv() dump, printStackTrace, jul-to-slf4j and log4j-to-slf4j (one line each,
 * redacted once): no form of a secret in any byte, same lines as without the agent. Also the cases a shortcut that
 * scans an event's parts instead of the layout's bytes would have to get right (issue 19): a secret split between
 * the template and an argument, and a custom converter ({@code %tip}) writing secrets no part of the event holds.
 */
class LoggingLogbackIT {
    static final LoggingScenario LOGBACK_15 = new LoggingScenario("logback-app", "demo.logback.LogbackApp", false,
            "stdout", "stderr", "app.log", "app.json", "rolling.log", "async.log", "converter.log");
    static final LoggingScenario LOGBACK_12 = new LoggingScenario("logback12-app", "demo.logback.LogbackApp", false,
            "stdout", "stderr", "app.log", "rolling.log", "async.log");

    @Test
    void logback15SecretsFromTheEnvironment() throws Exception {
        String plain = ChildJvm.randomSecret("pw-");
        String special = LoggingScenario.specialSecret("tk-");
        LOGBACK_15.runAndCheck(c -> c.env("APP_PASSWORD", plain).env("APP_TOKEN", special), plain, special);
    }

    @Test
    void logback15SecretFromConfiguration() throws Exception {
        String plain = ChildJvm.randomSecret("cf-");
        LOGBACK_15.runAndCheck(c -> c.jvmArg("-Ddb.password=" + plain), plain);
    }

    @Test
    void logback12SecretsFromTheEnvironment() throws Exception {
        String plain = ChildJvm.randomSecret("pw-");
        String special = LoggingScenario.specialSecret("tk-");
        LOGBACK_12.runAndCheck(c -> c.env("APP_PASSWORD", plain).env("APP_TOKEN", special), plain, special);
    }

    @Test
    void logback15RedactionsAreAuditedPerLogger() throws Exception {
        String plain = ChildJvm.randomSecret("pw-");
        LOGBACK_15.checkAuditedChannels(c -> c.env("APP_PASSWORD", plain), "APP_PASSWORD",
                "logback:demo.Orders", "logback:demo.Async", "logback:demo.Rolling", "logback:demo.Converter");
    }

    @Test
    void logback15AttachedLate() throws Exception {
        LOGBACK_15.attachLateAndCheck("APP_PASSWORD", ChildJvm.randomSecret("late-"));
    }
}
