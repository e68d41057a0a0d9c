package dev.secretagent.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code redact} on a file (an argument, or stdin redirected from one) reads it on every core in blocks (the default;
 * {@code --parallel} says so explicitly, {@code --streaming} opts out); the result must be byte for byte what the
 * one-core stream gives for the same text fed through a pipe. The file is
 * larger than several blocks (8 MB), and secrets sit everywhere, also right around the block boundaries.
 */
class RedactFileIT {
    @Test
    void aFileOnEveryCoreIsRedactedExactlyAsThroughAPipe(@TempDir Path dir) throws Exception {
        String secret = ChildJvm.randomSecret("blk-");
        String basic = Base64.getEncoder().encodeToString(("svc:" + secret).getBytes(StandardCharsets.UTF_8));
        Path values = dir.resolve("values.txt");
        Files.write(values, (secret + "\n").getBytes(StandardCharsets.UTF_8));
        byte[] text = log(secret, basic, 26 << 20, new Random());
        Path in = dir.resolve("in.log");
        Files.write(in, text);
        // control: the text holds the secret, raw and inside base64, many times
        String raw = new String(text, StandardCharsets.UTF_8);
        assertThat(count(raw, secret)).isGreaterThan(1000);
        assertThat(count(raw, basic)).isGreaterThan(100);

        List<String> redact = List.of(ChildJvm.javaBin(), "-jar", ChildJvm.AGENT_JAR.toString(), "redact", "--no-env",
                "--values-file", values.toString());
        Path argOut = dir.resolve("arg.out");
        Path argStdout = dir.resolve("arg.stdout");
        run(with(redact, "--parallel", in.toString(), "-o", argOut.toString()), null, argStdout.toFile());
        Path redirOut = dir.resolve("redirect.out");
        run(redact, in.toFile(), redirOut.toFile());
        Path streamingOut = dir.resolve("streaming.out");
        run(with(redact, "--streaming", in.toString(), "-o", streamingOut.toString()), null,
                dir.resolve("streaming.stdout").toFile());
        Path pipedOut = dir.resolve("piped.out");
        runPiped(redact, in, pipedOut.toFile());

        String streamed = new String(Files.readAllBytes(pipedOut), StandardCharsets.UTF_8);
        assertThat(streamed).doesNotContain(secret).doesNotContain(basic).contains("[REDACTED:values-file:1]")
                .contains("Authorization: Basic [REDACTED:");
        assertThat(new String(Files.readAllBytes(argOut), StandardCharsets.UTF_8)).isEqualTo(streamed);
        assertThat(new String(Files.readAllBytes(redirOut), StandardCharsets.UTF_8)).isEqualTo(streamed);
        assertThat(new String(Files.readAllBytes(streamingOut), StandardCharsets.UTF_8)).isEqualTo(streamed);
        // the summary counts the same redactions, the secret inside the base64 of a header too
        String summary = summary(pipedOut);
        assertThat(summary).contains("values-file:1=").contains("header:Authorization=").doesNotContain(secret);
        assertThat(summary(argStdout)).isEqualTo(summary);
        assertThat(argStdout).isEmptyFile();
        assertThat(summary(redirOut)).isEqualTo(summary);
    }

    /** The "redactions {...}" part of the summary the run wrote to stderr. */
    private static String summary(Path out) throws Exception {
        String err = new String(Files.readAllBytes(Path.of(out + ".err")), StandardCharsets.UTF_8);
        assertThat(err).contains("redactions {");
        return err.substring(err.indexOf("redactions {")).trim();
    }

    /**
     * Log lines of random length, with the secret raw or behind a header every few lines, and also placed so
     * that it starts or ends on either side of each 8 MB boundary (and of each 1 MB one, the smallest block).
     */
    private static byte[] log(String secret, String basic, int size, Random r) {
        StringBuilder sb = new StringBuilder(size + 4096);
        int line = 0;
        while (sb.length() < size) {
            int next = (sb.length() / (1 << 20) + 1) << 20;
            int gap = next - sb.length();
            if (gap > 0 && gap < secret.length() + 40) {
                // around a boundary: the secret straddles it, or ends right at it
                sb.append("x".repeat(Math.max(0, gap - r.nextInt(secret.length() + 1) - 1))).append(' ').append(secret)
                        .append('\n');
                continue;
            }
            sb.append("2026-12-02 01:").append(line % 60).append(" [worker-").append(line % 7).append("] INFO order ")
                    .append(line).append(" é ").append("w".repeat(r.nextInt(120)));
            switch (r.nextInt(40)) {
                case 0: sb.append(" password ").append(secret); break;
                case 1: sb.append(" Authorization: Basic ").append(basic); break;
                case 2: sb.append(' ').append(secret).append(' ').append(secret); break;
                default: break;
            }
            sb.append('\n');
            line++;
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Runs {@code cmd} with stdin redirected from a file (or nothing), stdout to a file. */
    private static void run(List<String> cmd, File stdin, File stdout) throws Exception {
        ProcessBuilder pb = start(cmd, stdout);
        if (stdin != null) {
            pb.redirectInput(stdin);
        }
        finish(pb.start(), cmd);
    }

    /** Runs {@code cmd} with {@code stdin}'s bytes fed through a pipe (so it streams), stdout to a file. */
    private static void runPiped(List<String> cmd, Path stdin, File stdout) throws Exception {
        Process p = start(cmd, stdout).start();
        try (java.io.OutputStream pipe = p.getOutputStream()) {
            Files.copy(stdin, pipe); // stdout goes to a file, so the child never waits for us to read it
        }
        finish(p, cmd);
    }

    /** stdout to {@code stdout}, stderr (the summary) beside it as {@code <stdout>.err}. */
    private static ProcessBuilder start(List<String> cmd, File stdout) {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(new File(stdout + ".err"));
        pb.environment().keySet().removeIf(k -> k.startsWith("SECRETAGENT_") || k.equals("JAVA_TOOL_OPTIONS"));
        pb.redirectOutput(stdout);
        return pb;
    }

    private static void finish(Process p, List<String> cmd) throws Exception {
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("did not finish: " + cmd);
        }
        assertThat(p.exitValue()).isZero();
    }

    private static List<String> with(List<String> cmd, String... more) {
        List<String> all = new ArrayList<>(cmd);
        all.addAll(List.of(more));
        return all;
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
