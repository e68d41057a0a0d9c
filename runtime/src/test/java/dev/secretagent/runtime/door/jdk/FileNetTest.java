package dev.secretagent.runtime.door.jdk;

import dev.secretagent.runtime.redact.ExitDrain;
import dev.secretagent.runtime.redact.Redaction;
import dev.secretagent.runtime.redact.TestSupport;
import dev.secretagent.runtime.secret.SecretRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The last-line net's door, driven as the hooks drive it (the JDK classes here are not instrumented: the door's
 * nested write goes straight to the file, as the hooked one does when it sees the net's own emitter).
 */
class FileNetTest {
    @TempDir
    Path dir;
    private final List<String> redactions = new ArrayList<>();
    private String secret;

    @BeforeEach
    void setUp() {
        SecretRegistry.reset();
        TestSupport.settings();
        secret = TestSupport.random("n-", 24);
        TestSupport.secret("S", secret);
        Redaction.setListener((id, channel) -> redactions.add(id + "@" + channel));
        LogFileNames.configure(Arrays.asList(LogFileNames.DEFAULT.split(";")), Collections.<String>emptyList());
    }

    @AfterEach
    void tearDown() {
        Redaction.setListener(null);
        SecretRegistry.reset();
        LogFileNames.configure(Arrays.asList(LogFileNames.DEFAULT.split(";")), Collections.<String>emptyList());
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private String read(Path p) throws Exception {
        return new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
    }

    /** What the constructor hook does. */
    private static Object open(Object stream, String path) {
        return FileNet.opened(stream, new Object(), path, null);
    }

    @Test
    void theDefaultGlobsCatchWhatServersAndAppsNameTheirLogs() {
        for (String log : new String[] {"app.log", "/var/log/app/spring.log", "app.log.1", "app.log.2024-01-31",
                "java0.log.0", "localhost_access_log.2024-01-31.txt", "access_log.2024-01-31.log", "access_log.log",
                "2024_01_31.request.log", "catalina.out", "nohup.out", "catalina.2024-01-31.log", "access.log"}) {
            assertThat(LogFileNames.channelFor(log)).as(log).startsWith("file:").endsWith(log.substring(log.lastIndexOf('/') + 1));
        }
        for (String data : new String[] {"app.log.gz", "app.log.1.gz", "app-2024-01-31.log.zip", "orders.db",
                "cache.dat", "Foo.class", "app.jar", "audit.jsonl", "report.json", "notes.txt", "app.log.lck", "app.mv.db"}) {
            assertThat(LogFileNames.channelFor(data)).as(data).isNull();
        }
    }

    @Test
    void theAgentsOwnFilesAndExclusionsAreNeverNetted() {
        LogFileNames.configure(Arrays.asList("*.log", "*.jsonl", "!*-data.log", "/srv/*/trace-*.txt"),
                Arrays.asList(dir.resolve("audit.jsonl").toString(), dir.resolve("agent.log").toString()));
        assertThat(LogFileNames.channelFor(dir.resolve("audit.jsonl").toString())).isNull();
        assertThat(LogFileNames.channelFor(dir.resolve("audit.jsonl.1").toString())).isNull(); // its rotation
        assertThat(LogFileNames.channelFor(dir.resolve("agent.log").toString())).isNull();
        assertThat(LogFileNames.channelFor(dir.resolve("orders-data.log").toString())).isNull();
        assertThat(LogFileNames.channelFor(dir.resolve("app.log").toString())).isEqualTo("file:" + dir.resolve("app.log"));
        assertThat(LogFileNames.channelFor("/srv/orders/trace-1.txt")).isEqualTo("file:/srv/orders/trace-1.txt");
        assertThat(LogFileNames.channelFor("/srv/orders/trace-1.log.gz")).isNull();
        LogFileNames.configure(Collections.<String>emptyList(), Collections.<String>emptyList());
        assertThat(LogFileNames.channelFor("app.log")).isNull();
    }

    @Test
    void aDataFileKeepsItsLockAndItsWritesGoThrough() throws Exception {
        Path data = dir.resolve("orders.dat");
        try (FileOutputStream out = new FileOutputStream(data.toFile())) {
            Object plain = new Object();
            assertThat(FileNet.opened(out, plain, data.toString(), null)).isSameAs(plain);
            assertThat(FileNet.write(plain, utf8(secret), 0, secret.length())).isFalse();
            assertThat(FileNet.write(plain, 'x')).isFalse();
            assertThat(FileNet.write(plain, ByteBuffer.wrap(utf8(secret)))).isEqualTo(-1);
        }
        assertThat(redactions).isEmpty();
    }

    @Test
    void theConsoleDescriptorsAreNettedWhateverTheirPath() {
        Object out = FileNet.opened(new Object(), new Object(), null, FileDescriptor.out);
        Object err = FileNet.opened(new Object(), new Object(), null, FileDescriptor.err);
        Object other = FileNet.opened(new Object(), new Object(), null, new FileDescriptor());
        assertThat(((NetStream) out).channel).isEqualTo("fd:1");
        assertThat(((NetStream) err).channel).isEqualTo("fd:2");
        assertThat(other).isNotInstanceOf(NetStream.class);
    }

    @Test
    void aSecretSplitAcrossTwoWritesIsMaskedWholeAndTheTailIsWrittenAtClose() throws Exception {
        Path log = dir.resolve("app.log");
        FileOutputStream out = new FileOutputStream(log.toFile());
        Object lock = open(out, log.toString());
        assertThat(FileNet.write(lock, utf8("key " + secret.substring(0, 9)), 0, 13)).isTrue();
        assertThat(FileNet.write(lock, utf8(secret.substring(9) + "\nlast " + secret.substring(0, 5)))).isTrue();
        assertThat(read(log)).isEqualTo("key [REDACTED:S]\nlast "); // the start of a secret waits
        FileNet.closing(lock);
        out.close();
        assertThat(read(log)).isEqualTo("key [REDACTED:S]\nlast " + secret.substring(0, 5));
        assertThat(redactions).containsExactly("S@file:" + log);
    }

    @Test
    void whatAStreamNeverClosedHoldsIsWrittenAtExit() throws Exception {
        Path log = dir.resolve("exit.log");
        FileOutputStream out = new FileOutputStream(log.toFile());
        Object lock = open(out, log.toString());
        FileNet.write(lock, utf8("bye " + secret), 0, 4 + secret.length());
        ExitDrain.run();
        assertThat(read(log)).isEqualTo("bye [REDACTED:S]");
        out.close();
    }

    @Test
    void randomAccessFilesAndChannelsAreNettedToo() throws Exception {
        Path raf = dir.resolve("raf.log");
        try (RandomAccessFile file = new RandomAccessFile(raf.toFile(), "rw")) {
            Object lock = open(file, raf.toString());
            assertThat(FileNet.writeLatin1(lock, "raf " + secret + "\n")).isTrue();
            assertThat(FileNet.write(lock, 'z')).isTrue();
            FileNet.closing(lock);
        }
        assertThat(read(raf)).isEqualTo("raf [REDACTED:S]\nz");
        Path ch = dir.resolve("channel.log");
        try (FileChannel channel = FileChannel.open(ch, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            Object lock = open(channel, ch.toString());
            ByteBuffer heap = ByteBuffer.wrap(utf8("heap " + secret + "\n"));
            assertThat(FileNet.write(lock, heap)).isEqualTo(6 + secret.length());
            assertThat(heap.hasRemaining()).isFalse();
            ByteBuffer direct = ByteBuffer.allocateDirect(64);
            direct.put(utf8("direct " + secret)).flip();
            FileNet.write(lock, direct);
            FileNet.closing(lock, null);
        }
        assertThat(read(ch)).isEqualTo("heap [REDACTED:S]\ndirect [REDACTED:S]");
    }

    @Test
    void bytesAHookRedactedPassUnscannedEvenAsABuffersCopy() throws Exception {
        Path log = dir.resolve("appender.log");
        FileOutputStream out = new FileOutputStream(log.toFile());
        Object lock = open(out, log.toString());
        // marks stand for a hook's output: here raw on purpose, to show the net does not scan them again
        byte[] one = utf8("one " + secret + "\n");
        byte[] two = utf8("two\n");
        TestSupport.markRedacted(one);
        TestSupport.markRedacted(two);
        byte[] buffer = new byte[one.length + two.length + 10]; // a BufferedOutputStream's array: a copy of both
        System.arraycopy(one, 0, buffer, 3, one.length);
        System.arraycopy(two, 0, buffer, 3 + one.length, two.length);
        FileNet.write(lock, buffer, 3, one.length + two.length);
        FileNet.write(lock, buffer, 3, one.length); // the marks are used up: scanned
        FileNet.closing(lock);
        out.close();
        assertThat(read(log)).isEqualTo("one " + secret + "\ntwo\none [REDACTED:S]\n");
    }

    @Test
    void aPromptOnAConsoleDescriptorAppearsAtOnceWhileALogFileWaitsForTheValue() throws Exception {
        Path console = dir.resolve("console.txt"); // stands for descriptor 1: the channel decides, not the path
        Path log = dir.resolve("prompt.log");
        try (FileOutputStream fd1 = new FileOutputStream(console.toFile());
             FileOutputStream file = new FileOutputStream(log.toFile())) {
            Object fdLock = FileNet.opened(fd1, new Object(), null, FileDescriptor.out);
            assertThat(((NetStream) fdLock).channel).isEqualTo("fd:1");
            Object fdNet = new NetStream(fd1, "fd:1");
            Object logLock = open(file, log.toString());
            FileNet.write(fdNet, utf8("Password: "), 0, 10);
            FileNet.write(logLock, utf8("Password: "), 0, 10);
            assertThat(read(console)).isEqualTo("Password: ");
            assertThat(read(log)).isEmpty(); // a name rule's value may follow: held
            FileNet.write(logLock, utf8("hunter2hunter2\n"));
            assertThat(read(log)).isEqualTo("Password: [REDACTED:key:password]\n");
            // a known secret's first characters still wait on the console
            FileNet.write(fdNet, utf8("key " + secret.substring(0, 6)), 0, 10);
            assertThat(read(console)).isEqualTo("Password: key ");
            FileNet.write(fdNet, utf8(secret.substring(6) + "\n"));
            assertThat(read(console)).isEqualTo("Password: key [REDACTED:S]\n");
        }
    }
}
