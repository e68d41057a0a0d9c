package dev.secretagent.runtime.audit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class AuditWriterTest {
    /** A sink that records lines, and can be made to hold the writer thread. */
    static final class ListSink implements AuditSink {
        final List<String> lines = Collections.synchronizedList(new ArrayList<>());
        volatile CountDownLatch gate;

        @Override
        public boolean write(String line) {
            CountDownLatch g = gate;
            if (g != null) {
                try {
                    g.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            lines.add(line);
            return true;
        }

        @Override
        public void flush() {
        }

        @Override
        public String pendingLossReport() {
            return null;
        }

        @Override
        public void close() {
        }
    }

    static AuditEvent read(String id) {
        return AuditEvent.action("read").secret(id, "1").caller("C", "m", 1, "/x.jar").build();
    }

    @Test
    void identicalEventsInAWindowAreOneLineWithACount() {
        ListSink sink = new ListSink();
        AuditWriter w = new AuditWriter(new AuditContext("svc", 7, "u"), List.of(sink), 16, 60_000, false);
        w.start();
        for (int i = 0; i < 1000; i++) {
            w.record(read("A"));
        }
        w.record(read("B"));
        w.close(5000);
        assertThat(sink.lines).hasSize(2);
        assertThat(sink.lines.get(0)).contains("\"event.count\":1000", "\"secret.id\":\"A\"", "\"service.name\":\"svc\"",
                "\"process.pid\":7", "\"user.name\":\"u\"");
        assertThat(sink.lines.get(1)).contains("\"event.count\":1", "\"secret.id\":\"B\"");
    }

    @Test
    void theProcessIdIsLookedUpWhenTheFirstLineIsWrittenNotAtStart() {
        AuditContext context = AuditContext.fromSystem(new dev.secretagent.runtime.Settings(
                Collections.emptyMap(), Collections.emptyMap()));
        ListSink sink = new ListSink();
        AuditWriter w = new AuditWriter(context, List.of(sink), 16, 0, false);
        w.start();
        w.record(read("A"));
        w.close(5000);
        assertThat(sink.lines).hasSize(1);
        assertThat(sink.lines.get(0)).contains("\"process.pid\":" + ProcessHandle.current().pid() + ",");
    }

    @Test
    void overflowIsCountedAndReportedInItsOwnLine() {
        ListSink sink = new ListSink();
        sink.gate = new CountDownLatch(1);
        AuditWriter w = new AuditWriter(new AuditContext("svc", 7, "u"), List.of(sink), 2, 0, false);
        w.start();
        for (int i = 0; i < 50; i++) {
            w.record(read("S" + i));
        }
        sink.gate.countDown();
        sink.gate = null;
        w.close(5000);
        long written = sink.lines.stream().filter(l -> l.contains("\"event.action\":\"read\"")).count();
        String loss = sink.lines.stream().filter(l -> l.contains("audit-loss")).findFirst().orElseThrow();
        long lost = Long.parseLong(loss.replaceAll(".*\"event.count\":(\\d+).*", "$1"));
        assertThat(written + lost).as("every event is written or counted").isEqualTo(50);
        assertThat(loss).contains("\"event.outcome\":\"failure\"", "audit queue full");
    }

    @Test
    void blockModeMakesTheCallerWaitInsteadOfDropping() throws Exception {
        ListSink sink = new ListSink();
        sink.gate = new CountDownLatch(1);
        AuditWriter w = new AuditWriter(new AuditContext("svc", 7, "u"), List.of(sink), 2, 0, true);
        w.start();
        Thread producer = new Thread(() -> {
            for (int i = 0; i < 20; i++) {
                w.record(read("S" + i));
            }
        });
        producer.start();
        await().until(() -> producer.getState() == Thread.State.WAITING);
        sink.gate.countDown();
        producer.join();
        w.close(5000);
        assertThat(sink.lines).hasSize(20).noneMatch(l -> l.contains("audit-loss"));
    }

    @Test
    void fileSinkRotatesKeeps0600AndReportsLossAfterRecovery(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("a/audit.jsonl");
        Files.writeString(dir.resolve("a"), "blocks the directory");
        FileSink sink = new FileSink(file, 200, 2, (n, reason) -> "{\"loss\":" + n + ",\"why\":\"" + reason + "\"}");
        assertThat(sink.write("{\"n\":1}")).isFalse();
        assertThat(sink.pendingLossReport()).startsWith("1 audit line(s) lost");
        Files.delete(dir.resolve("a"));
        await().until(() -> sink.write("{\"n\":2}"));
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).startsWith("{\"loss\":").contains("audit file not writable");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("{\"n\":2}");
        assertThat(sink.pendingLossReport()).isNull();
        for (int i = 0; i < 40; i++) {
            assertThat(sink.write("{\"line\":" + i + ",\"pad\":\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"}")).isTrue();
        }
        sink.close();
        assertThat(Files.exists(dir.resolve("a/audit.jsonl.1"))).isTrue();
        assertThat(Files.exists(dir.resolve("a/audit.jsonl.2"))).isTrue();
        assertThat(Files.exists(dir.resolve("a/audit.jsonl.3"))).isFalse();
        assertThat(Files.size(file)).isLessThanOrEqualTo(200);
        for (String f : new String[] {"audit.jsonl", "audit.jsonl.1", "audit.jsonl.2"}) {
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(dir.resolve("a").resolve(f)))).isEqualTo("rw-------");
        }
    }
}
