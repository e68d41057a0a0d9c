package dev.secretagent.e2e;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Issue 7 fault tests on the file store, through the real command line in separate processes. */
class StoreFaultsIT {
    @TempDir
    Path dir;
    Path store;

    @BeforeEach
    void init() throws Exception {
        store = dir.resolve("secrets.store");
        assertThat(run(null, "init").exit).isZero();
        assertThat(run("first-" + ChildJvm.randomSecret(""), "put", "a").exit).isZero();
    }

    ChildJvm.Result run(String value, String sub, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(ChildJvm.javaBin(), "-jar", ChildJvm.AGENT_JAR.toString(),
                "store", sub, "--store", store.toString()));
        cmd.addAll(Arrays.asList(args));
        return Cli.run(cmd, java.util.Map.of(), value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void truncatedStoreIsRefusedAndLeftUnchanged() throws Exception {
        byte[] whole = Files.readAllBytes(store);
        byte[] cut = Arrays.copyOf(whole, whole.length - 5);
        Files.write(store, cut);
        ChildJvm.Result r = run("another-value-123", "put", "b");
        assertThat(r.exit).isEqualTo(1);
        assertThat(r.stderr()).contains("refused").contains("left as it is");
        assertThat(Files.readAllBytes(store)).isEqualTo(cut);
        assertThat(run(null, "list").exit).isEqualTo(1);
    }

    @Test
    void bitFlippedStoreIsRefusedAndLeftUnchanged() throws Exception {
        byte[] b = Files.readAllBytes(store);
        for (int pos : new int[] {5, b.length / 2, b.length - 1}) {
            byte[] flipped = b.clone();
            flipped[pos] ^= 0x01;
            Files.write(store, flipped);
            ChildJvm.Result r = run("another-value-123", "put", "b");
            assertThat(r.exit).as("flip at %d: %s", pos, r).isEqualTo(1);
            assertThat(Files.readAllBytes(store)).isEqualTo(flipped);
        }
    }

    @Test
    void wrongKeyIsRefused() throws Exception {
        Path other = dir.resolve("other.key");
        assertThat(Cli.run(List.of(ChildJvm.javaBin(), "-jar", ChildJvm.AGENT_JAR.toString(), "store", "init",
                "--store", dir.resolve("other.store").toString(), "--key-file", other.toString()), java.util.Map.of(), null).exit).isZero();
        byte[] before = Files.readAllBytes(store);
        ChildJvm.Result r = run("v-123456789", "put", "b", "--key-file", other.toString());
        assertThat(r.exit).isEqualTo(1);
        assertThat(r.stderr()).contains("fails authentication").contains("wrong key");
        assertThat(Files.readAllBytes(store)).isEqualTo(before);
    }

    @Test
    void twoWritersAtOnceBothSurvive() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<ChildJvm.Result>> results = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                final int writer = w;
                results.add(pool.submit(() -> {
                    ChildJvm.Result last = null;
                    for (int i = 0; i < 5; i++) {
                        last = run("value-" + writer + "-" + i + "-padding", "put", "w" + writer + "/k" + i);
                        if (last.exit != 0) {
                            return last;
                        }
                    }
                    return last;
                }));
            }
            for (Future<ChildJvm.Result> f : results) {
                ChildJvm.Result r = f.get();
                assertThat(r.exit).as(r.toString()).isZero();
            }
        } finally {
            pool.shutdown();
        }
        String list = run(null, "list").stdout();
        for (int w = 0; w < 2; w++) {
            for (int i = 0; i < 5; i++) {
                assertThat(list).contains("w" + w + "/k" + i + "  version 1");
            }
        }
    }

    @Test
    void killMinus9DuringAWriteLeavesTheLastCommittedVersion() throws Exception {
        // a large value makes the write take long enough to be caught in the middle
        Path big = dir.resolve("big");
        byte[] junk = new byte[60 * 1024 * 1024];
        Arrays.fill(junk, (byte) 'x');
        Files.write(big, junk);
        String committed = run(null, "get", "a", "--reveal").stdout().trim();
        List<String> cmd = List.of(ChildJvm.javaBin(), "-jar", ChildJvm.AGENT_JAR.toString(), "store", "put",
                "--store", store.toString(), "a", "--from-file", big.toString());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("writer.log").toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("SECRETAGENT_"));
        Process writer = pb.start();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(5))
                .until(() -> tempFiles().length > 0 || !writer.isAlive());
        writer.destroyForcibly(); // SIGKILL on Linux
        writer.waitFor();

        ChildJvm.Result versions = run(null, "versions", "a");
        assertThat(versions.exit).as(versions.toString()).isZero();
        ChildJvm.Result v1 = run(null, "get", "a", "--version", "1", "--reveal");
        assertThat(v1.exit).isZero();
        assertThat(v1.stdout().trim()).isEqualTo(committed);
        // the next writer cleans up what the killed one left
        assertThat(run("after-kill-123456", "put", "c").exit).isZero();
        assertThat(tempFiles()).isEmpty();
    }

    private Path[] tempFiles() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".tmp")).toArray(Path[]::new);
        }
    }
}
