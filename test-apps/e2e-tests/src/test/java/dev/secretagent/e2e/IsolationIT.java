package dev.secretagent.e2e;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application with its own Byte Buddy 1.14, ASM 9.6, SLF4J 1.7, Logback 1.2 and Jackson 2.17
 * runs with the agent: each library is the application's version and works, and the agent works too.
 */
class IsolationIT {
    @Test
    void applicationsOwnLibrariesAndTheAgentBothWork() throws Exception {
        String secret = ChildJvm.randomSecret("iso-");
        ChildJvm.Result r = ChildJvm.app("isolation-app", "isolation.IsolationApp").withAgent()
                .env("APP_PASSWORD", secret).run();

        assertThat(r.exit).as(r.toString()).isZero();
        String out = r.stdout();
        assertThat(out).contains("bytebuddy 1.14.19: made by the app's Byte Buddy");
        assertThat(out).contains("asm app.jar: read isolation/IsolationApp");
        assertThat(out).contains("jackson 2.17.2: {\"user\":\"alice\",\"password\":\"[REDACTED:APP_PASSWORD]\"}");
        assertThat(out).contains("INFO IsolationApp - logback 1.2.13 logging a password [REDACTED:APP_PASSWORD]");
        assertThat(out).endsWith("done" + System.lineSeparator());
        assertThat(out + r.stderr()).doesNotContain(secret);
    }
}
