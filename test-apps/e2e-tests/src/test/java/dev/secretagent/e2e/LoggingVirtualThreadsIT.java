package dev.secretagent.e2e;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue 17: 10,000 virtual threads, three Logback lines each, to a file (the logback-app's VirtualThreadsApp, JDK
 * 21+). The agent pools its scan buffers for virtual threads and drops a thread's call state and marks when its
 * appender call ends; the lines must still be redacted, none lost or doubled, whether the file appender buffers
 * (its flushes mix many threads' lines) or flushes each line (the net meets the line its own thread marked), and a
 * line no hook saw, written into the same buffer among the appender's lines, must still be masked by the net.
 */
class LoggingVirtualThreadsIT {
    private static final int THREADS = 10_000;

    @Test
    void bufferedFileAppender() throws Exception {
        runAndCheck(false);
    }

    @Test
    void fileAppenderFlushingEachLine() throws Exception {
        runAndCheck(true);
    }

    @Test
    void aLineNoHookSawInABufferedFlushIsMaskedByTheNet() throws Exception {
        assumeTrue(childFeatureVersion() >= 21, "virtual threads need a JDK 21+ child (-De2e.java.home)");
        String secret = ChildJvm.randomSecret("vt-");
        Path controlDir = LogOutputs.freshDir("vt-raw-control");
        ChildJvm.Result control = vthreads(controlDir, secret, false, "raw").run();
        assertThat(control.exit).as(control.toString()).isZero();
        LogOutputs without = LogOutputs.of(control, controlDir);
        assertThat(rawLines(without.outputs.get("bench.log"), secret)).isEqualTo(THREADS / 100); // the leak

        Path dir = LogOutputs.freshDir("vt-raw-agent");
        ChildJvm.Result run = vthreads(dir, secret, false, "raw").withAgent().run();
        assertThat(run.exit).as(run.toString()).isZero();
        LogOutputs with = LogOutputs.of(run, dir);
        with.assertNoSecret(secret);
        assertThat(with.lineCounts()).isEqualTo(without.lineCounts());
        String log = with.outputs.get("bench.log");
        assertThat(rawLines(log, "[REDACTED:APP_PASSWORD]")).isEqualTo(THREADS / 100);
        assertThat(count(log, "connecting with [REDACTED:APP_PASSWORD]")).isEqualTo(THREADS / 100);
    }

    private static void runAndCheck(boolean immediateFlush) throws Exception {
        assumeTrue(childFeatureVersion() >= 21, "virtual threads need a JDK 21+ child (-De2e.java.home)");
        String secret = ChildJvm.randomSecret("vt-");
        Path controlDir = LogOutputs.freshDir("vt-control");
        ChildJvm.Result control = vthreads(controlDir, secret, immediateFlush).run();
        assertThat(control.exit).as(control.toString()).isZero();
        LogOutputs without = LogOutputs.of(control, controlDir);
        without.assertEveryOutputHolds(secret, "bench.log"); // the control run shows the leak

        Path dir = LogOutputs.freshDir("vt-agent");
        ChildJvm.Result run = vthreads(dir, secret, immediateFlush).withAgent().run();
        assertThat(run.exit).as(run.toString()).isZero();
        LogOutputs with = LogOutputs.of(run, dir);
        with.assertNoSecret(secret);
        Map<String, Long> lines = with.lineCounts();
        assertThat(lines).isEqualTo(without.lineCounts());
        assertThat(lines.get("bench.log")).isEqualTo(3L * THREADS);
        String log = with.outputs.get("bench.log");
        assertThat(count(log, "connecting with [REDACTED:APP_PASSWORD]")).isEqualTo(THREADS / 100);
    }

    /** Lines the app wrote past Logback ({@code raw}), each whole and ending in {@code tail}. */
    private static long rawLines(String log, String tail) {
        return log.lines().filter(l -> l.matches("raw write \\d+ with .*") && l.endsWith(" with " + tail)).count();
    }

    private static ChildJvm vthreads(Path dir, String secret, boolean immediateFlush, String... more) {
        String[] args = new String[2 + more.length];
        args[0] = dir.toString();
        args[1] = String.valueOf(THREADS);
        System.arraycopy(more, 0, args, 2, more.length);
        return ChildJvm.app("logback-app", "demo.logback.VirtualThreadsApp", args)
                .env("APP_PASSWORD", secret).jvmArg("-Dbench.immediateFlush=" + immediateFlush);
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length())) {
            n++;
        }
        return n;
    }

    /** The child JVM's feature version, from its release file (JAVA_VERSION="25.0.3"). */
    private static int childFeatureVersion() throws Exception {
        for (String line : Files.readAllLines(Path.of(ChildJvm.JAVA_HOME, "release"))) {
            if (line.startsWith("JAVA_VERSION=")) {
                String v = line.substring(line.indexOf('"') + 1);
                return Integer.parseInt(v.split("[.\"]")[0]);
            }
        }
        return Runtime.version().feature();
    }
}
