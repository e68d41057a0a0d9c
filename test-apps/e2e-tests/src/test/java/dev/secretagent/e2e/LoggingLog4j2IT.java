package dev.secretagent.e2e;

import org.junit.jupiter.api.Test;

/**
 * Issue 4, Log4j2: message, arguments, ThreadContext, exception message, cause, suppressed, JSON template layout,
 * file and rolling file (garbage-free encoders by default), async appender, System.getenv() dump, printStackTrace.
 */
class LoggingLog4j2IT {
    static final LoggingScenario LOG4J2 = new LoggingScenario("log4j2-app", "demo.log4j2.Log4j2App", false,
            "stdout", "stderr", "app.log", "app.json", "rolling.log", "async.log");

    @Test
    void secretsFromTheEnvironment() throws Exception {
        String plain = ChildJvm.randomSecret("pw-");
        String special = LoggingScenario.specialSecret("tk-");
        LOG4J2.runAndCheck(c -> c.env("APP_PASSWORD", plain).env("APP_TOKEN", special), plain, special);
    }

    @Test
    void secretFromConfiguration() throws Exception {
        String plain = ChildJvm.randomSecret("cf-");
        LOG4J2.runAndCheck(c -> c.jvmArg("-Ddb.password=" + plain), plain);
    }

    @Test
    void withoutDirectEncoders() throws Exception {
        String plain = ChildJvm.randomSecret("pw-");
        LOG4J2.runAndCheck(c -> c.env("APP_PASSWORD", plain).jvmArg("-Dlog4j2.enableDirectEncoders=false"), plain);
    }

    @Test
    void attachedLate() throws Exception {
        LOG4J2.attachLateAndCheck("APP_PASSWORD", ChildJvm.randomSecret("late-"));
    }
}
