package dev.secretagent.e2e;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 4 load: 8 threads x 100,000 lines through a Logback / Log4j2 file appender while the application
 * rotates its API token 50 times (publishing each as the secret-looking system property load.api.token, which
 * the agent registers before setProperty returns; old values stay redacted). No token value, no password in
 * the file; every (thread, n) line exactly once.
 */
class LoggingLoadIT {
    static final int THREADS = 8;
    static final int LINES = Integer.getInteger("load.lines", 100_000);
    static final Pattern LINE = Pattern.compile(
            ".* demo\\.Load t=(\\d+) n=(\\d+) token=\\[REDACTED:load\\.api\\.token\\] pw=\\[REDACTED:APP_PASSWORD\\]");

    @ParameterizedTest
    @CsvSource({"logback-app, demo.logback.LoadApp", "log4j2-app, demo.log4j2.LoadApp"})
    void noLeakNoLostNoDoubledLineWhileSecretsRotate(String module, String main) throws Exception {
        Path out = LogOutputs.freshDir(module + "-load");
        String seed = ChildJvm.randomSecret("rot-");
        String password = ChildJvm.randomSecret("pw-");
        long rotateEvery = (long) THREADS * LINES / 50;
        ChildJvm.Result r = ChildJvm.app(module, main, out.toString(), seed, String.valueOf(THREADS),
                String.valueOf(LINES), String.valueOf(rotateEvery)).env("APP_PASSWORD", password).withAgent().run();
        assertThat(r.exit).as(r.toString()).isZero();
        assertThat(r.stdout()).contains("lines=" + (long) THREADS * LINES + " rotations=51");

        BitSet[] seen = new BitSet[THREADS];
        for (int t = 0; t < THREADS; t++) {
            seen[t] = new BitSet(LINES);
        }
        long count = 0;
        try (BufferedReader in = Files.newBufferedReader(out.resolve("load.log"), StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                count++;
                assertThat(line).doesNotContain(seed).doesNotContain(password);
                Matcher m = LINE.matcher(line);
                assertThat(m.matches()).as("unexpected line: %s", line).isTrue();
                int t = Integer.parseInt(m.group(1));
                int n = Integer.parseInt(m.group(2));
                assertThat(seen[t].get(n)).as("line t=%d n=%d doubled", t, n).isFalse();
                seen[t].set(n);
            }
        }
        assertThat(count).isEqualTo((long) THREADS * LINES);
        for (int t = 0; t < THREADS; t++) {
            assertThat(seen[t].cardinality()).as("lines of thread %d", t).isEqualTo(LINES);
        }
        assertThat(r.stdout() + r.stderr()).doesNotContain(seed).doesNotContain(password);
    }
}
