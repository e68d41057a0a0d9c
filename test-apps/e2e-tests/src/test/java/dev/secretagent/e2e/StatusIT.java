package dev.secretagent.e2e;

import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Issue 8: `status <pid>` reads dev.secretagent:type=Agent from a running JVM; `status` alone checks the configuration. */
class StatusIT {
    @Test
    void statusOfARunningJvmShowsModeSecretIdsAndRedactionsPerChannel() throws Exception {
        String secret = ChildJvm.randomSecret("st-");
        // a name of its own: other JVMs running demo.LongRunning on this machine must not match
        String name = "STATUS_" + Long.toHexString(System.nanoTime()).toUpperCase() + "_PASSWORD";
        ChildJvm.Running app = ChildJvm.app("hello-app", "demo.LongRunning", name)
                .withAgent("service.name=orders").env(name, secret).start();
        try {
            await().atMost(30, TimeUnit.SECONDS).until(() -> app.stdout().contains("ready"));
            app.send("1");
            app.send("2");
            await().atMost(30, TimeUnit.SECONDS).until(() -> app.stdout().contains("tick 2:"));

            ChildJvm.Result r = AttachIT.cli("status", String.valueOf(app.process.pid()));
            assertThat(r.exit).as(r.toString()).isZero();
            assertThat(r.stdout()).contains("secret-agent 0.1.0 in JVM " + app.process.pid())
                    .containsPattern("mode:\\s+enforce")
                    .containsPattern("service.name:\\s+orders")
                    .containsPattern("known secrets:\\s+1\\s+" + name)
                    .containsPattern("redactions:\\s+2\\s+stdout=2")
                    .containsPattern("last rotation:\\s+none since start")
                    .contains("audit queue:");
            assertThat(r.stdout()).doesNotContain(secret);
            assertThat(r.stderr()).doesNotContain(secret);

            // by main class, and a second time (the bean is registered once)
            ChildJvm.Result again = AttachIT.cli("status", name);
            assertThat(again.exit).as(again.toString()).isZero();
            assertThat(again.stdout()).containsPattern("redactions:\\s+2");
        } finally {
            app.finish();
        }
        assertThat(app.stdout()).doesNotContain(secret);
    }

    @Test
    void statusOfAJvmWithoutTheAgentSaysSo() throws Exception {
        ChildJvm.Running app = ChildJvm.app("hello-app", "demo.LongRunning", "APP_PASSWORD").start();
        try {
            await().atMost(30, TimeUnit.SECONDS).until(() -> app.stdout().contains("ready"));
            ChildJvm.Result r = AttachIT.cli("status", String.valueOf(app.process.pid()));
            assertThat(r.exit).isEqualTo(1);
            assertThat(r.stderr()).contains("does not run secret-agent");
        } finally {
            app.finish();
        }
    }

    @Test
    void statusWithoutATargetChecksTheConfiguration() throws Exception {
        ChildJvm.Result ok = AttachIT.cli("status", "--options", "mode=audit,service.name=orders");
        assertThat(ok.exit).as(ok.toString()).isZero();
        assertThat(ok.stdout()).startsWith("secret-agent 0.1.0").contains("configuration:  valid")
                .containsPattern("mode\\s+audit\\s+\\(--options\\)");

        ChildJvm.Result bad = AttachIT.cli("status", "--options", "mode=loud");
        assertThat(bad.exit).isEqualTo(2);
        assertThat(bad.stdout()).contains("configuration:  INVALID");
        assertThat(bad.stderr()).contains("mode");
    }
}
