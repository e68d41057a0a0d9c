package dev.secretagent.e2e;

import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 4, java.util.logging and the console: ConsoleHandler, FileHandler, rotating FileHandler, SimpleFormatter,
 * XMLFormatter (escaped form), System.Logger, exceptions with cause and suppressed, printStackTrace,
 * System.getenv() dump; System.out split prints, char-by-char prints, setOut, a prompt without a newline.
 */
class LoggingJulIT {
    static final LoggingScenario JUL = new LoggingScenario("jul-app", "demo.jul.JulApp", true,
            "stdout", "stderr", "app.log", "app.xml", "rolling.log");

    @Test
    void secretsFromTheEnvironment() throws Exception {
        String plain = ChildJvm.randomSecret("pw-");
        String special = LoggingScenario.specialSecret("tk-");
        JUL.runAndCheck(c -> c.env("APP_PASSWORD", plain).env("APP_TOKEN", special), plain, special);
    }

    @Test
    void secretFromConfiguration() throws Exception {
        String plain = ChildJvm.randomSecret("cf-");
        // JUL's console handler writes to stderr; stdout only has the environment dump, which holds no property
        new LoggingScenario("jul-app", "demo.jul.JulApp", true, "stderr", "app.log", "app.xml", "rolling.log")
                .runAndCheck(c -> c.jvmArg("-Ddb.password=" + plain), plain);
    }

    @Test
    void redactionsAreAuditedPerLogger() throws Exception {
        String plain = ChildJvm.randomSecret("pw-");
        JUL.checkAuditedChannels(c -> c.env("APP_PASSWORD", plain), "APP_PASSWORD", "jul:demo.Rolling", "stdout");
    }

    @Test
    void attachedLate() throws Exception {
        JUL.attachLateAndCheck("APP_PASSWORD", ChildJvm.randomSecret("late-"));
    }

    @Test
    void consoleSplitCharByCharOwnStreamAndPrompt() throws Exception {
        String secret = ChildJvm.randomSecret("con-");
        ChildJvm.Running app = ChildJvm.app("jul-app", "demo.jul.ConsoleApp").env("APP_PASSWORD", secret).withAgent().start();
        // the prompt has no newline and the app now waits for the answer: it must be visible already
        await().atMost(60, TimeUnit.SECONDS).until(() -> app.stdout().endsWith("Password: "));
        app.send("hunter2");
        assertThat(app.finish()).isZero();
        String out = app.stdout();
        assertThat(out).contains("own stream: [REDACTED:").contains("got 7 chars");
        assertThat(LogOutputs.withoutAgentLines(app.stderr())).doesNotContain(secret).contains("stderr: [REDACTED:");
        assertThat(out.lines().count()).isEqualTo(4); // split, chars, own stream, "Password: got 7 chars"
        for (String prefix : new String[] {"split: ", "chars: "}) {
            String line = out.lines().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow();
            if (line.contains(secret)) {
                throw new AssertionError("secret printed across calls reached stdout: " + prefix);
            }
        }
    }
}
