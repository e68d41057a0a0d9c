package dev.secretagent.e2e;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Zero-config: a secret-looking environment variable printed to stdout and stderr never reaches either. */
class RedactionSmokeIT {
    @Test
    void secretEnvironmentVariableIsRedactedOnConsole() throws Exception {
        String secret = ChildJvm.randomSecret("pw-");
        ChildJvm.Result r = ChildJvm.app("hello-app", "demo.EnvPrinter", "DB_PASSWORD").withAgent()
                .env("DB_PASSWORD", secret).run();

        assertThat(r.exit).as(r.toString()).isZero();
        assertThat(r.stdout()).doesNotContain(secret).contains("connecting with DB_PASSWORD=[REDACTED:DB_PASSWORD]");
        assertThat(r.stderr()).doesNotContain(secret).contains("debug: DB_PASSWORD is [REDACTED:DB_PASSWORD]");
        assertThat(r.stdout().lines()).hasSize(2);
    }

    @Test
    void withoutTheAgentTheSecretIsPrinted() throws Exception {
        // the control: proves the test above can fail
        String secret = ChildJvm.randomSecret("pw-");
        ChildJvm.Result r = ChildJvm.app("hello-app", "demo.EnvPrinter", "DB_PASSWORD").env("DB_PASSWORD", secret).run();
        assertThat(r.stdout()).contains(secret);
    }
}
