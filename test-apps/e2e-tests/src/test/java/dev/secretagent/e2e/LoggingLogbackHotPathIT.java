package dev.secretagent.e2e;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19, Logback's hot path: a line whose prefix (date, level, thread, logger) the thread found clean before has
 * only its rest scanned. {@code HotPathApp} writes clean lines before each case, so that the prefix is known clean when
 * the case comes: a secret in an argument, in the template, split between template and argument, in a throwable,
 * in the MDC, in a custom converter's output, in the thread name, in the logger name; a name in one argument and
 * its value in the next; a bearer token; a value that becomes a secret while the application runs, written on the
 * next line. The control run holds every one of them; with the agent none is left, and no line is lost.
 */
class LoggingLogbackHotPathIT {
    private static final String[] OUTPUTS = {"hot.log", "hot-buffered.log", "hot-mdc.log", "hot-tip.log"};

    @Test
    void everyCaseAfterAKnownCleanPrefixIsMasked() throws Exception {
        String secret = ChildJvm.randomSecret("hp-");
        String ruleValue = ChildJvm.randomSecret("rv-");
        String bearer = ChildJvm.randomSecret("br-");
        String next = ChildJvm.randomSecret("nx-");
        UnaryOperator<ChildJvm> setup = c -> c.env("APP_PASSWORD", secret).env("HOT_RULE_VALUE", ruleValue)
                .env("HOT_BEARER_VALUE", bearer).env("HOT_NEXT_VALUE", next);
        String split = "split " + secret.substring(0, secret.length() / 2) + secret.substring(secret.length() / 2)
                + " across";

        Path controlDir = LogOutputs.freshDir("logback-hotpath-control");
        ChildJvm.Result control = setup.apply(app(controlDir)).run();
        assertThat(control.exit).as(control.toString()).isZero();
        LogOutputs c = LogOutputs.of(control, controlDir);
        for (String log : new String[] {"hot.log", "hot-buffered.log"}) {
            assertThat(c.outputs.get(log)).contains("argument " + secret, "template constant " + secret, split,
                    "bad password " + secret, "[worker-" + secret + "]", "demo.hot." + secret,
                    "password=" + ruleValue, "Bearer " + bearer, "rotated to " + next, "[worker-" + next + "]");
        }
        assertThat(c.outputs.get("hot-mdc.log")).contains("session.token=" + secret);
        assertThat(c.outputs.get("hot-tip.log")).contains("tip=" + secret);

        Path agentDir = LogOutputs.freshDir("logback-hotpath-agent");
        ChildJvm.Result run = setup.apply(app(agentDir)).withAgent().run();
        assertThat(run.exit).as(run.toString()).isZero();
        LogOutputs a = LogOutputs.of(run, agentDir);
        assertThat(a.lineCounts()).as("lines per output, agent vs control").isEqualTo(c.lineCounts());
        a.assertNoSecret(secret, ruleValue, bearer, next);
        for (String log : new String[] {"hot.log", "hot-buffered.log"}) {
            assertThat(a.outputs.get(log)).contains("argument [REDACTED:APP_PASSWORD]",
                    "template constant [REDACTED:APP_PASSWORD]", "split [REDACTED:APP_PASSWORD] across",
                    "[worker-[REDACTED:APP_PASSWORD]]", "demo.hot.[REDACTED:APP_PASSWORD]",
                    "rotated to [REDACTED:hot.api.token]", "[worker-[REDACTED:hot.api.token]]",
                    "clean line 2 of order 1002");
        }
        assertThat(a.outputs.get("hot-mdc.log")).contains("session.token=[REDACTED:APP_PASSWORD]");
        assertThat(a.outputs.get("hot-tip.log")).contains("tip=[REDACTED:APP_PASSWORD]");
    }

    private static ChildJvm app(Path out) {
        return ChildJvm.app("logback-app", "demo.logback.HotPathApp").jvmArg("-Dout=" + out);
    }
}
