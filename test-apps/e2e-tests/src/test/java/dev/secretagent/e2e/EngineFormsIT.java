package dev.secretagent.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15, the engine: credentials that follow no header name (a bare Bearer/Basic credential, an Oracle URL,
 * Go/Makefile assignments, call arguments, typed declarations, a jsessionid path parameter) logged by a real Logback
 * app as structured arguments, with the built agent and no configuration: none reaches the console or the log
 * file, and the text around each stays. The control run without the agent shows every one of them.
 */
class EngineFormsIT {
    /** The lines the app logs, {i} the i-th value; values are generated per run. */
    private static final List<String> LINES = Arrays.asList(
            "auth=Bearer {0}",
            "url=jdbc:oracle:thin:scott/{1}@//db.example.com:1521/ORCL",
            "DB_PASSWORD := \"{2}\"",
            "System.setProperty(\"X_TOKEN\", \"{3}\");",
            "Location: http://localhost:8080/owners/11;jsessionid={4}",
            "var apiToken string = \"{5}\"",
            "access_token={6}, client=web",
            "upstream rejected Basic {7}");

    private static String[] values() {
        String[] v = new String[8];
        for (int i = 0; i < v.length; i++) {
            v[i] = ChildJvm.randomSecret("v" + i);
        }
        v[7] = Base64.getEncoder().encodeToString(("svc:" + ChildJvm.randomSecret("")).getBytes(StandardCharsets.UTF_8));
        return v;
    }

    private static Path linesFile(Path dir, String[] v) throws Exception {
        StringBuilder sb = new StringBuilder();
        for (String line : LINES) {
            String l = line;
            for (int i = 0; i < v.length; i++) {
                l = l.replace("{" + i + "}", v[i]);
            }
            sb.append(l).append('\n');
        }
        Path f = dir.resolve("lines.txt");
        Files.write(f, sb.toString().getBytes(StandardCharsets.UTF_8));
        return f;
    }

    @Test
    void credentialsWithoutAHeaderNameAreMaskedAndTheTextAroundThemStays(@TempDir Path dir) throws Exception {
        String[] v = values();
        Path out = Files.createDirectories(dir.resolve("out"));
        ChildJvm.Result r = ChildJvm.app("logback-app", "demo.logback.CodeLinesApp", linesFile(dir, v).toString())
                .jvmArg("-Dout=" + out).withAgent().run();

        assertThat(r.exit).as(r.toString()).isZero();
        String log = new String(Files.readAllBytes(out.resolve("app.log")), StandardCharsets.UTF_8);
        for (String text : new String[] {r.stdout(), log}) {
            for (String value : v) {
                assertThat(text).as(r.toString()).doesNotContain(value);
            }
            assertThat(text).contains("auth=Bearer [REDACTED:auth:bearer]")
                    .contains("jdbc:oracle:thin:scott/[REDACTED:url:oracle]@//db.example.com:1521/ORCL")
                    .contains("DB_PASSWORD := \"[REDACTED:key:password]\"")
                    .contains("System.setProperty(\"X_TOKEN\", \"[REDACTED:key:token]\");")
                    .contains("/owners/11;jsessionid=[REDACTED:query:jsessionid]")
                    .contains("var apiToken string = \"[REDACTED:key:token]\"")
                    .contains("access_token=[REDACTED:query:access_token], client=web")
                    .contains("upstream rejected Basic [REDACTED:auth:basic]");
        }
        assertThat(r.stderr()).as(r.toString()).doesNotContain(v[0]);
    }

    @Test
    void withoutTheAgentEveryValueIsLogged(@TempDir Path dir) throws Exception {
        // the control: proves the test above can fail
        String[] v = values();
        Path out = Files.createDirectories(dir.resolve("out"));
        ChildJvm.Result r = ChildJvm.app("logback-app", "demo.logback.CodeLinesApp", linesFile(dir, v).toString())
                .jvmArg("-Dout=" + out).run();
        assertThat(r.exit).as(r.toString()).isZero();
        String log = new String(Files.readAllBytes(out.resolve("app.log")), StandardCharsets.UTF_8);
        for (String value : v) {
            assertThat(r.stdout()).contains(value);
            assertThat(log).contains(value);
        }
    }
}
