package dev.secretagent.e2e;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Issue 2: `java -jar secret-agent.jar attach` switches redaction on in a JVM that is already running. */
class AttachIT {
    @Test
    void attachByMainClassRedactsFromThenOn() throws Exception {
        String secret = ChildJvm.randomSecret("att-");
        ChildJvm.Running app = ChildJvm.app("hello-app", "demo.LongRunning", "APP_PASSWORD")
                .env("APP_PASSWORD", secret).start();
        try {
            await().atMost(30, TimeUnit.SECONDS).until(() -> app.stdout().contains("ready"));
            app.send("1");
            await().atMost(30, TimeUnit.SECONDS).until(() -> app.stdout().contains("tick 1: APP_PASSWORD=" + secret));

            ChildJvm.Result attach = cli("attach", String.valueOf(app.process.pid()));
            assertThat(attach.exit).as(attach.toString()).isZero();
            assertThat(attach.stdout()).contains("attached to JVM " + app.process.pid());

            app.send("2");
            await().atMost(30, TimeUnit.SECONDS).until(() -> app.stdout().contains("tick 2:"));
            assertThat(app.stdout()).contains("tick 2: APP_PASSWORD=[REDACTED:APP_PASSWORD]");
            assertThat(app.stdout().substring(app.stdout().indexOf("tick 2"))).doesNotContain(secret);

            ChildJvm.Result again = cli("attach", "demo.LongRunning");
            assertThat(again.exit).isEqualTo(1);
            assertThat(again.stderr()).contains("already runs secret-agent");
        } finally {
            app.finish();
        }
    }

    @Test
    void badOptionsAtAttachAreReportedAndTheTargetKeepsRunning() throws Exception {
        ChildJvm.Running app = ChildJvm.app("hello-app", "demo.LongRunning", "APP_PASSWORD").start();
        try {
            await().atMost(30, TimeUnit.SECONDS).until(() -> app.stdout().contains("ready"));
            ChildJvm.Result attach = cli("attach", String.valueOf(app.process.pid()), "no.such.key=1");
            assertThat(attach.exit).as(attach.toString()).isZero();
            await().atMost(30, TimeUnit.SECONDS).until(() -> app.stderr().contains("unknown key 'no.such.key'"));
            assertThat(app.stderr()).contains("not attached");
            app.send("1");
            await().atMost(30, TimeUnit.SECONDS).until(() -> app.stdout().contains("tick 1"));
            // the agent did not start, so a corrected attach still works
            ChildJvm.Result again = cli("attach", String.valueOf(app.process.pid()), "mode=audit");
            assertThat(again.exit).as(again.toString()).isZero();
        } finally {
            assertThat(app.finish()).isZero();
        }
    }

    @Test
    void attachToNothingSaysWhy() throws Exception {
        ChildJvm.Result r = cli("attach", "no.such.MainClassAnywhere");
        assertThat(r.exit).isEqualTo(1);
        assertThat(r.stderr()).contains("no running JVM of this user has a main class or jar containing 'no.such.MainClassAnywhere'");
    }

    @Test
    void helpAndVersion() throws Exception {
        ChildJvm.Result help = cli("--help");
        assertThat(help.exit).isZero();
        assertThat(help.stdout()).contains("attach");
        ChildJvm.Result attachHelp = cli("attach", "--help");
        assertThat(attachHelp.stdout()).contains("EnableDynamicAgentLoading");
        ChildJvm.Result version = cli("--version");
        assertThat(version.stdout()).startsWith("secret-agent 0.1.0");
    }

    static ChildJvm.Result cli(String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(ChildJvm.javaBin());
        cmd.add("-jar");
        cmd.add(ChildJvm.AGENT_JAR.toString());
        for (String a : args) {
            cmd.add(a);
        }
        return Cli.run(cmd);
    }
}
