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

    @Test
    void aSecretPrintedInHexAndSplitByColourEscapesIsRedactedOnConsole() throws Exception {
        String secret = ChildJvm.randomSecret("pw-");
        ChildJvm.Result r = ChildJvm.app("hello-app", "demo.TerminalPrinter", "DB_PASSWORD").withAgent()
                .env("DB_PASSWORD", secret).run();

        assertThat(r.exit).as(r.toString()).isZero();
        assertThat(r.stdout()).contains("hex [REDACTED:DB_PASSWORD] HEX [REDACTED:DB_PASSWORD]")
                .contains("colour \u001b[32m[REDACTED:DB_PASSWORD]\u001b[0m end").contains("done");
        int half = secret.length() / 2;
        assertThat(r.stdout()).doesNotContain(hex(secret, "%02x")).doesNotContain(hex(secret, "%02X"))
                .doesNotContain(secret.substring(0, half) + "\u001b[1;31m" + secret.substring(half));
    }

    @Test
    void withoutTheAgentTheHexAndColouredSecretArePrinted() throws Exception {
        // the control: proves the test above can fail
        String secret = ChildJvm.randomSecret("pw-");
        ChildJvm.Result r = ChildJvm.app("hello-app", "demo.TerminalPrinter", "DB_PASSWORD").env("DB_PASSWORD", secret)
                .run();
        int half = secret.length() / 2;
        assertThat(r.stdout()).contains(hex(secret, "%02x")).contains(hex(secret, "%02X"))
                .contains(secret.substring(0, half) + "\u001b[1;31m" + secret.substring(half));
    }

    private static String hex(String v, String format) {
        StringBuilder sb = new StringBuilder();
        for (byte b : v.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            sb.append(String.format(format, b & 0xFF));
        }
        return sb.toString();
    }
}
