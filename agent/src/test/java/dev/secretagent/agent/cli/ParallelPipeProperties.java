package dev.secretagent.agent.cli;

import dev.secretagent.runtime.Settings;
import dev.secretagent.runtime.redact.Redaction;
import dev.secretagent.runtime.secret.Secret;
import dev.secretagent.runtime.secret.SecretRegistry;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The parallel {@code redact} pipe against one scan of the whole input: random texts full of secret forms
 * (raw, base64, URL-encoded, behind sensitive names, bearer tokens), cut into random small blocks with
 * margins wider than any line — every cut lands somewhere a form could be split.
 */
class ParallelPipeProperties {
    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static String secretA;
    private static String secretB;

    static synchronized void setUp() {
        if (secretA != null) {
            return;
        }
        Random r = new Random();
        secretA = random(r, "pA", 18);
        secretB = random(r, "pB", 24) + "+/=&";
        Settings.install(new Settings(new HashMap<>(), Collections.<String, List<Map<String, Object>>>emptyMap()));
        SecretRegistry.put(new Secret("A_SECRET", "1", secretA, "test"));
        SecretRegistry.put(new Secret("B_SECRET", "1", secretB, "test"));
    }

    static String random(Random r, String prefix, int n) {
        StringBuilder sb = new StringBuilder(prefix);
        for (int i = 0; i < n; i++) {
            sb.append(ALNUM.charAt(r.nextInt(ALNUM.length())));
        }
        return sb.toString();
    }

    static String text(long seed, int pieces) {
        Random r = new Random(seed);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < pieces; i++) {
            // pieces apart and short lines: no match or name-value context longer than the margins below
            sb.append(i % 6 == 5 ? '\n' : ' ');
            switch (r.nextInt(9)) {
                case 0: sb.append(secretA); break;
                case 1: sb.append(Base64.getEncoder().encodeToString(secretB.getBytes(StandardCharsets.UTF_8))); break;
                case 2: sb.append(java.net.URLEncoder.encode(secretB, StandardCharsets.UTF_8)); break;
                case 3: sb.append("password=").append(random(r, "v", 10)); break;
                case 4: sb.append("Authorization: Bearer ").append(random(r, "t", 30)); break;
                case 5: sb.append('\n'); break;
                case 6: sb.append(" token: \"").append(random(r, "q", 12)).append('"'); break;
                case 7: sb.append("é€ "); break;
                default: sb.append(random(r, "w", r.nextInt(12))).append(' ');
            }
        }
        return sb.toString();
    }

    static String parallel(String text, int block, int threads) throws Exception {
        return parallel(block, threads, text.getBytes(StandardCharsets.UTF_8), new TreeMap<>());
    }

    /** The pipe from a file holding {@code b} into a file, as the command runs it (the kernel copies the runs). */
    static String parallel(int block, int threads, byte[] b, Map<String, Integer> counts) throws Exception {
        Path in = Files.write(Files.createTempFile("pipe-in", ".log"), b);
        Path out = Files.createTempFile("pipe-out", ".log");
        try (FileChannel i = FileChannel.open(in); FileChannel o = FileChannel.open(out, StandardOpenOption.WRITE)) {
            // margins: wider than any form in these texts and than a line's name-value context
            assertThat(new ParallelPipe(block, 400, 400, threads).pipe(i, o, counts)).isEqualTo(b.length);
            return new String(Files.readAllBytes(out), StandardCharsets.UTF_8);
        } finally {
            Files.delete(in);
            Files.delete(out);
        }
    }

    /**
     * The pipe from a file holding {@code prefix + b}, read from after the prefix (stdin redirected from a file whose
     * start a script already read), in reads of at most {@code slice} bytes, into a channel that takes a random
     * number of bytes per write, as a pipe or a slow disk does (transferTo and the mask writes then move less than
     * asked).
     */
    static String parallelSliced(int block, int threads, int slice, byte[] prefix, byte[] b, long seed)
            throws Exception {
        Path in = Files.createTempFile("pipe-in", ".log");
        Files.write(in, prefix);
        Files.write(in, b, StandardOpenOption.APPEND);
        Random r = new Random(seed);
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        WritableByteChannel choppy = new WritableByteChannel() {
            @Override
            public int write(ByteBuffer src) {
                int n = Math.min(src.remaining(), 1 + r.nextInt(r.nextBoolean() ? 7 : 700));
                for (int k = 0; k < n; k++) {
                    got.write(src.get());
                }
                return n;
            }

            @Override
            public boolean isOpen() {
                return true;
            }

            @Override
            public void close() {
            }
        };
        try (FileChannel i = FileChannel.open(in)) {
            i.position(prefix.length);
            new ParallelPipe(block, 400, 400, threads, slice).pipe(i, choppy, new TreeMap<>());
            return new String(got.toByteArray(), StandardCharsets.UTF_8);
        } finally {
            Files.delete(in);
        }
    }

    /** Returns at most a random number of bytes per read, as a pipe or a slow disk does: windows fill in pieces. */
    static InputStream choppy(byte[] b, long seed) {
        Random r = new Random(seed);
        return new ByteArrayInputStream(b) {
            @Override
            public synchronized int read(byte[] dst, int off, int len) {
                return super.read(dst, off, Math.min(len, 1 + r.nextInt(r.nextBoolean() ? 7 : 700)));
            }
        };
    }

    static String whole(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return new String(Redaction.redactUtf8(b, 0, b.length, "test"), StandardCharsets.UTF_8);
    }

    @Property(tries = 300)
    void sameAsOneScanOfTheWhole(@ForAll long seed, @ForAll @IntRange(min = 400, max = 1000) int block,
                                 @ForAll @IntRange(min = 1, max = 3) int threads) throws Exception {
        setUp();
        String text = text(seed, 200);
        assertSameAsWhole(parallel(text, block, threads), text);
    }

    static void assertSameAsWhole(String got, String text) {
        assertThat(got).doesNotContain(secretA).doesNotContain(secretB);
        assertThat(got).isEqualTo(whole(text));
    }

    /**
     * Blocks smaller than the margins (a window's context then spans several blocks; a line feed search shorter than
     * a line), reads cut anywhere, writes that move less than asked, and an input that starts after a prefix (stdin
     * at a position): the prefix is never written and never gives a match its context.
     */
    @Property(tries = 200)
    void sameAsOneScanWithTinyBlocksSlicedReadsAndShortWrites(@ForAll long seed,
                                                              @ForAll @IntRange(min = 1, max = 500) int block,
                                                              @ForAll @IntRange(min = 1, max = 300) int slice,
                                                              @ForAll @IntRange(min = 1, max = 3) int threads)
            throws Exception {
        setUp();
        String text = text(seed, 120);
        byte[] prefix = ("password=" + secretA.substring(0, 5)).getBytes(StandardCharsets.UTF_8);
        assertSameAsWhole(parallelSliced(block, threads, slice, prefix, text.getBytes(StandardCharsets.UTF_8), seed),
                text);
    }

    /** Large blocks read in sliced calls: a slice ends anywhere in a window, a form or a mask's run. */
    @Property(tries = 100)
    void sameAsOneScanWithSlicedReads(@ForAll long seed, @ForAll @IntRange(min = 1, max = 1000) int block,
                                      @ForAll @IntRange(min = 1, max = 300) int slice,
                                      @ForAll @IntRange(min = 1, max = 3) int threads) throws Exception {
        setUp();
        String text = text(seed, 150);
        assertSameAsWhole(parallelSliced(block, threads, slice, new byte[0], text.getBytes(StandardCharsets.UTF_8),
                seed), text);
    }

    /** The streaming pipe (a pipe's path) gathers what a choppy input already holds: still one scan's output. */
    @Property(tries = 100)
    void theStreamingPipeGathersReadsAndStaysTheSame(@ForAll long seed) throws Exception {
        setUp();
        String text = text(seed, 150);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RedactCommand.pipe(choppy(text.getBytes(StandardCharsets.UTF_8), seed), out);
        assertSameAsWhole(new String(out.toByteArray(), StandardCharsets.UTF_8), text);
    }

    /** The summary's counts: what the engine reports for one scan of the whole, known secrets inside masks too. */
    @Property(tries = 100)
    void countsTheRedactionsAsOneScanReportsThem(@ForAll long seed, @ForAll @IntRange(min = 1, max = 1000) int block,
                                                  @ForAll @IntRange(min = 1, max = 3) int threads) throws Exception {
        setUp();
        // a known secret inside a name rule's value: one mask, two ids reported
        String text = text(seed, 150) + " Authorization: Basic "
                + Base64.getEncoder().encodeToString(("svc:" + secretA).getBytes(StandardCharsets.UTF_8)) + "\n";
        Map<String, Integer> got = new TreeMap<>();
        parallel(block, threads, text.getBytes(StandardCharsets.UTF_8), got);
        Map<String, Integer> expected = new TreeMap<>();
        Redaction.setListener((id, channel) -> expected.merge(id, 1, Integer::sum));
        try {
            whole(text);
        } finally {
            Redaction.setListener(null);
        }
        assertThat(got).isEqualTo(expected).containsKey("A_SECRET");
    }

    @Test
    void theWindowsStayWithinTheMemoryBoundOnAnyNumberOfCores() {
        for (int cores = 1; cores <= 512; cores++) {
            assertThat(ParallelPipe.defaults(cores).windowBytes()).as("%d cores", cores)
                    .isLessThanOrEqualTo(ParallelPipe.WINDOW_MEMORY);
        }
        assertThat(ParallelPipe.defaults(2).windowBytes()).as("8 MB blocks on 2 cores, one window per worker")
                .isGreaterThan(2L * ParallelPipe.MAX_BLOCK);
    }

    @Test
    void cleanTextPassesByteForByteAndNothingIsLost() throws Exception {
        setUp();
        StringBuilder sb = new StringBuilder();
        Random r = new Random(7);
        while (sb.length() < 3_000_000) {
            sb.append(random(r, "line ", 40)).append(" é\n");
        }
        String text = sb.toString();
        assertThat(parallel(text, 65_536, 2)).isEqualTo(text);
        assertThat(parallel(text.substring(0, 1000), 1 << 20, 2)).isEqualTo(text.substring(0, 1000));
        assertThat(parallel("", 1024, 2)).isEmpty();
    }
}
