package dev.secretagent.agent.store.dir;

import dev.secretagent.agent.store.spi.StoreException;
import dev.secretagent.agent.store.spi.StoreException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DirStoreTest {
    @TempDir
    Path dir;

    @Test
    void dockerStyleFileWithTrailingNewline() throws Exception {
        Files.writeString(dir.resolve("db_password"), "docker-value-1\n");
        assertThat(new DirStore(dir).read("db_password", null).value()).isEqualTo("docker-value-1");
    }

    @Test
    void kubernetesVolumeFollowsTheAtomicDataSwap() throws Exception {
        // the layout the kubelet's AtomicWriter makes: ..<timestamp>/key, ..data -> ..<timestamp>, key -> ..data/key
        Path gen1 = Files.createDirectory(dir.resolve("..2024_01_01_00_00_00.1"));
        Files.writeString(gen1.resolve("password"), "k8s-gen-one");
        Files.createSymbolicLink(dir.resolve("..data"), gen1.getFileName());
        Files.createSymbolicLink(dir.resolve("password"), Path.of("..data/password"));
        DirStore s = new DirStore(dir);
        assertThat(s.read("password", null).value()).isEqualTo("k8s-gen-one");
        assertThat(s.read("password", null).version()).isEqualTo("..2024_01_01_00_00_00.1");

        Path gen2 = Files.createDirectory(dir.resolve("..2024_01_02_00_00_00.2"));
        Files.writeString(gen2.resolve("password"), "k8s-gen-two");
        Path tmpLink = dir.resolve("..data_tmp");
        Files.createSymbolicLink(tmpLink, gen2.getFileName());
        Files.move(tmpLink, dir.resolve("..data"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        assertThat(s.read("password", null).value()).isEqualTo("k8s-gen-two");
        assertThat(s.read("password", null).version()).isEqualTo("..2024_01_02_00_00_00.2");
    }

    @Test
    void missingFileMissingDirectoryAndEscapes() throws Exception {
        assertThatThrownBy(() -> new DirStore(dir).read("nope", null)).isInstanceOfSatisfying(StoreException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND));
        assertThatThrownBy(() -> new DirStore(dir.resolve("unmounted")).read("x", null)).isInstanceOfSatisfying(
                StoreException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE));
        assertThatThrownBy(() -> new DirStore(dir).read("../etc/passwd", null)).isInstanceOfSatisfying(
                StoreException.class, e -> assertThat(e.reason()).isEqualTo(Reason.CONFIG));
    }
}
