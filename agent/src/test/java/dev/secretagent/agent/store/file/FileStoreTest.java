package dev.secretagent.agent.store.file;

import dev.secretagent.agent.store.spi.StoreException;
import dev.secretagent.agent.store.spi.StoreException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileStoreTest {
    @TempDir
    Path dir;

    FileStore keyStore() throws Exception {
        Path f = dir.resolve("s.store");
        Path key = FileStore.defaultKeyFile(f);
        KeySource.createKeyFile(key);
        FileStore s = new FileStore(f, KeySource.keyFile(key));
        s.init();
        return s;
    }

    @Test
    void versionsRevocationAndDestruction() throws Exception {
        FileStore s = keyStore();
        s.update(c -> c.put("a", "value-one-1", 1));
        s.update(c -> c.put("a", "value-two-2", 2));
        assertThat(s.read("a", null).value()).isEqualTo("value-two-2");
        assertThat(s.read("a", null).version()).isEqualTo("2");
        assertThat(s.read("a", "1").value()).isEqualTo("value-one-1");
        s.update(c -> c.destroy("a", 2));
        assertThat(s.read("a", null).version()).as("current falls back to the newest live version").isEqualTo("1");
        assertThatThrownBy(() -> s.read("a", "2")).isInstanceOfSatisfying(StoreException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.DESTROYED));
        s.update(c -> c.revoke("a"));
        assertThatThrownBy(() -> s.read("a", null)).isInstanceOfSatisfying(StoreException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.REVOKED));
        s.update(c -> c.put("a", "value-three-3", 3));
        assertThat(s.read("a", null).version()).isEqualTo("3");
        assertThatThrownBy(() -> s.read("b", null)).isInstanceOfSatisfying(StoreException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND));
    }

    @Test
    void theFileHoldsNoPlaintext() throws Exception {
        FileStore s = keyStore();
        s.update(c -> c.put("prod/db/password", "plain-needle-value", 1));
        String bytes = new String(Files.readAllBytes(s.file()), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(bytes).doesNotContain("plain-needle-value").doesNotContain("prod/db/password");
    }

    @Test
    void passphraseStoreOpensOnlyWithThePassphrase() throws Exception {
        Path f = dir.resolve("p.store");
        new FileStore(f, KeySource.passphrase("correct horse battery".toCharArray(), "test")).init();
        new FileStore(f, KeySource.passphrase("correct horse battery".toCharArray(), "test"))
                .update(c -> c.put("x", "value-x-123", 1));
        assertThat(new FileStore(f, KeySource.passphrase("correct horse battery".toCharArray(), "test")).read("x", null).value())
                .isEqualTo("value-x-123");
        assertThatThrownBy(() -> new FileStore(f, KeySource.passphrase("wrong".toCharArray(), "test")).read("x", null))
                .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.reason()).isEqualTo(Reason.CORRUPT));
    }

    @Test
    void keyFileReadableByOthersIsRefused() throws Exception {
        FileStore s = keyStore();
        Path key = FileStore.defaultKeyFile(s.file());
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> new FileStore(s.file(), KeySource.keyFile(key)).read("a", null))
                .isInstanceOfSatisfying(StoreException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.CONFIG);
                    assertThat(e.getMessage()).contains("chmod 600");
                });
    }

    @Test
    void initNeverReplacesAStore() throws Exception {
        FileStore s = keyStore();
        s.update(c -> c.put("a", "value-a-123", 1));
        assertThatThrownBy(s::init).hasMessageContaining("already exists");
        assertThat(s.read("a", null).value()).isEqualTo("value-a-123");
    }

    @Test
    void concurrentWritersInOneJvmAllSurvive() throws Exception {
        FileStore s = keyStore();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> fs = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            final int w = t;
            fs.add(pool.submit(() -> {
                for (int i = 0; i < 10; i++) {
                    final int n = i;
                    // each writer its own FileStore instance, as separate processes would have
                    new FileStore(s.file(), KeySource.keyFile(FileStore.defaultKeyFile(s.file())))
                            .update(c -> c.put("w" + w + "/" + n, "v-" + w + "-" + n + "-xxxx", n));
                }
                return null;
            }));
        }
        for (Future<?> f : fs) {
            f.get();
        }
        pool.shutdown();
        assertThat(s.content().entries()).hasSize(40);
    }
}
