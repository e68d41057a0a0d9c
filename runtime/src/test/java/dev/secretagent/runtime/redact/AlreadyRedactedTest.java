package dev.secretagent.runtime.redact;

import dev.secretagent.runtime.secret.SecretRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A hook's redacted bytes (its own array or a copy of them) reach System.out's stream or a net once, unscanned, when
 * nothing is held; everything else is scanned as always.
 */
class AlreadyRedactedTest {
    private final List<String> redactions = new ArrayList<>();
    private final ByteArrayOutputStream sink = new ByteArrayOutputStream();
    private String secret;

    @BeforeEach
    void setUp() {
        SecretRegistry.reset();
        TestSupport.settings();
        secret = TestSupport.random("s-", 24);
        TestSupport.secret("S", secret);
        Redaction.setListener((id, channel) -> redactions.add(id + "@" + channel));
    }

    @AfterEach
    void tearDown() {
        Redaction.setListener(null);
        SecretRegistry.reset();
    }

    /** A console's redacting stream (System.out's or System.err's) writing to {@link #sink}. */
    private OutputStream console(String channel) {
        return Redaction.redactingStream(sink, channel);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** The same bytes but the first. */
    private static byte[] changedCopy(byte[] a) {
        byte[] c = a.clone();
        c[0]++;
        return c;
    }

    @Test
    void theHooksArrayIsWrittenAsItIsAndCountedOnce() throws Exception {
        OutputStream console = console("stdout");
        byte[] line = Redaction.redactUtf8ForWrite(utf8("INFO password " + secret + "\n"), () -> "logback:demo");
        console.write(line, 0, line.length);
        console.flush();
        assertThat(sink.toString(StandardCharsets.UTF_8)).isEqualTo("INFO password [REDACTED:S]\n");
        assertThat(redactions).containsExactly("S@logback:demo");
    }

    @Test
    void onlyMarkedBytesOnlyOnceAndOnlyWhenNothingIsHeld() throws Exception {
        OutputStream console = console("stdout");
        byte[] raw = utf8("raw " + secret + "\n");
        AlreadyRedacted.mark(changedCopy(raw)); // other bytes than the write's: scanned
        console.write(raw, 0, raw.length);
        AlreadyRedacted.mark(raw);
        console.write(utf8("x"), 0, 1); // a different write first: the mark stays for raw
        console.write(utf8(secret.substring(0, 5)), 0, 5); // the start of a secret: held
        console.write(raw, 0, raw.length); // marked, but the stream holds bytes: scanned with them
        console.write(raw, 0, raw.length); // the mark was used up: scanned
        console.close();
        assertThat(sink.toString(StandardCharsets.UTF_8)).doesNotContain(secret);
    }

    // The marks below stand for a hook's output; marking unredacted bytes shows whether the stream scanned them.

    @Test
    void theConsoleLetsAMarkedCopyThroughUnscannedAndScansAChangedOne() throws Exception {
        OutputStream console = console("stdout");
        byte[] probe = utf8("probe " + secret + "\n");
        AlreadyRedacted.mark(probe.clone());
        console.write(probe, 0, probe.length); // a copy of the marked bytes: as it is
        assertThat(sink.toByteArray()).isEqualTo(probe);
        assertThat(redactions).isEmpty();

        sink.reset();
        AlreadyRedacted.mark(changedCopy(probe));
        console.write(probe, 0, probe.length); // one byte differs: scanned
        console.flush();
        assertThat(sink.toString(StandardCharsets.UTF_8)).isEqualTo("probe [REDACTED:S]\n");
        assertThat(redactions).containsExactly("S@stdout");
    }

    @Test
    void julsConsoleHandlerEncodesTheHooksTextIntoItsOwnArrayAndTheConsoleTakesItOnce() throws Exception {
        OutputStream console = console("stderr");
        String written = Redaction.redactForWrite("INFO caf\u00e9 password " + secret + "\n", "jul:demo");
        byte[] encoder = new byte[8192]; // the StreamEncoder's buffer: the record at its start, then stale bytes
        byte[] line = utf8(written);
        System.arraycopy(line, 0, encoder, 0, line.length);
        encoder[line.length] = 'x';
        console.write(encoder, 0, line.length);
        assertThat(sink.toString(StandardCharsets.UTF_8)).isEqualTo(written);
        assertThat(redactions).containsExactly("S@jul:demo");
        assertThat(AlreadyRedacted.takeCopy(line, 0, line.length)).isFalse(); // used up
    }

    @Test
    void theConsoleTakesOnlyTheNewestRunAndLeavesAFileAppendersMarksForTheNet() throws Exception {
        OutputStream console = console("stdout");
        byte[] fileLine = utf8("2026-12-02 file line\n"); // a buffered file appender's line, still in its buffer
        byte[] head = utf8("<log>\n");
        byte[] record = utf8("<record>ok</record>\n");
        AlreadyRedacted.mark(fileLine);
        AlreadyRedacted.mark(head);
        AlreadyRedacted.mark(record);
        byte[] flushed = utf8("<log>\n<record>ok</record>\n"); // the console handler's encoder: head and record
        console.write(flushed, 0, flushed.length);
        assertThat(sink.toByteArray()).isEqualTo(flushed);
        assertThat(AlreadyRedacted.takeNewest(record, 0, record.length)).isFalse(); // used up
        byte[] buffered = fileLine.clone();
        assertThat(AlreadyRedacted.takeCopy(buffered, 0, buffered.length)).isTrue(); // the net's mark stayed
    }

    @Test
    void aBufferedAppendersEightKibOfShortLinesIsLetThroughAfterTheRingWrapped() {
        // more marks than the ring holds first (a thread whose log files the net does not watch), then a
        // BufferedOutputStream's 8 KiB worth of 80-byte lines: the copy matches the newest marks in order
        for (int i = 0; i < AlreadyRedacted.MAX_MARKS + 7; i++) {
            AlreadyRedacted.mark(utf8("unwatched line " + i + "\n"));
        }
        java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < 105; i++) {
            byte[] line = utf8(String.format("2026-12-02 01:40:00,%03d INFO  [main] demo.Bench order %05d processed for c-%04d%n",
                    i, i, i));
            AlreadyRedacted.mark(line);
            buffer.write(line, 0, line.length);
        }
        byte[] copy = buffer.toByteArray();
        assertThat(copy.length).isGreaterThan(8000);
        assertThat(AlreadyRedacted.takeCopy(copy, 0, copy.length)).isTrue();
        assertThat(AlreadyRedacted.takeCopy(copy, 0, copy.length)).isFalse(); // once
    }

    @Test
    void aCopyMatchesOnlyWholeMarksInOrder() {
        byte[] a = utf8("alpha\n");
        byte[] b = utf8("beta\n");
        AlreadyRedacted.mark(a);
        AlreadyRedacted.mark(b);
        byte[] ba = utf8("beta\nalpha\n");
        assertThat(AlreadyRedacted.takeCopy(ba, 0, ba.length)).isFalse(); // out of order
        assertThat(AlreadyRedacted.takeCopy(a, 0, 3)).isFalse(); // a piece
        byte[] ab = utf8("alpha\nbeta\n");
        assertThat(AlreadyRedacted.takeCopy(ab, 0, ab.length)).isTrue();
        assertThat(AlreadyRedacted.takeCopy(ab, 0, ab.length)).isFalse(); // once
    }

    @Test
    void textAWriterEncodesIsMarkedAsItsUtf8Bytes() {
        // JUL's and Log4j 1.2's hooks redact text a Writer encodes; the bytes that Writer flushes to a log file are
        // the redacted text's UTF-8: the net lets exactly those through, once, and nothing else
        String written = Redaction.redactForWrite("INFO caf\u00e9 password " + secret + "\n", "jul:demo");
        assertThat(written).isEqualTo("INFO caf\u00e9 password [REDACTED:S]\n");
        byte[] latin1 = written.getBytes(StandardCharsets.ISO_8859_1);
        assertThat(AlreadyRedacted.takeCopy(latin1, 0, latin1.length)).isFalse(); // another charset: scanned
        byte[] flushed = utf8(written);
        assertThat(AlreadyRedacted.takeCopy(flushed, 0, flushed.length)).isTrue();
        assertThat(AlreadyRedacted.takeCopy(flushed, 0, flushed.length)).isFalse();
        assertThat(redactions).containsExactly("S@jul:demo");
    }

    @Test
    void aPlatformThreadKeepsItsMarksPastTheAppenderCallForTheBufferedFlush() {
        byte[] line = utf8("kept line\n");
        AlreadyRedacted.mark(line);
        Redaction.appenderCallEnded();
        byte[] flushed = line.clone(); // a BufferedOutputStream's copy, flushed later
        assertThat(AlreadyRedacted.takeCopy(flushed, 0, flushed.length)).isTrue();
    }

    @Test
    void aVirtualThreadUsesItsMarksInTheCallAndDropsThemWhenTheCallEnds() throws Exception {
        java.util.concurrent.atomic.AtomicReference<String> outcome = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.ExecutorService vt = dev.secretagent.runtime.thread.VirtualThreadsSupport.perTask();
        try {
            vt.submit(() -> {
                ByteArrayOutputStream sink = new ByteArrayOutputStream();
                OutputStream console = Redaction.redactingStream(sink, "stdout");
                // in the call: the console's stream lets the hook's array through unscanned, counted once
                byte[] line = Redaction.redactUtf8ForWrite(utf8("INFO password " + secret + "\n"), () -> "logback:vt");
                console.write(line, 0, line.length);
                console.flush();
                // a file appender's line, marked in the call, not yet flushed when the call ends: dropped
                byte[] fileLine = utf8("INFO buffered line\n");
                AlreadyRedacted.mark(fileLine);
                Redaction.appenderCallEnded();
                byte[] flushed = fileLine.clone();
                outcome.set(sink.toString(StandardCharsets.UTF_8) + "|taken after the call: "
                        + AlreadyRedacted.takeCopy(flushed, 0, flushed.length));
                return null;
            }).get();
        } finally {
            dev.secretagent.runtime.thread.VirtualThreadsSupport.awaitAll(vt);
        }
        assertThat(outcome.get()).isEqualTo("INFO password [REDACTED:S]\n|taken after the call: false");
        assertThat(redactions).containsExactly("S@logback:vt");
    }

    @Test
    void aVirtualThreadsRingDoesNotGrow() throws Exception {
        java.util.concurrent.atomic.AtomicInteger slots = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.ExecutorService vt = dev.secretagent.runtime.thread.VirtualThreadsSupport.perTask();
        try {
            vt.submit(() -> {
                for (int i = 0; i < 100; i++) {
                    AlreadyRedacted.mark(utf8("line " + i + "\n"));
                }
                // the oldest first (taking a mark uses up the older ones): a ring that grew would still hold it
                byte[] oldest = utf8("line 0\n");
                byte[] dropped = utf8("line " + (99 - AlreadyRedacted.FIRST_SLOTS) + "\n");
                byte[] kept = utf8("line " + (100 - AlreadyRedacted.FIRST_SLOTS) + "\n");
                boolean grew = AlreadyRedacted.takeCopy(oldest, 0, oldest.length)
                        || AlreadyRedacted.takeCopy(dropped, 0, dropped.length);
                slots.set(grew ? -1 : AlreadyRedacted.takeCopy(kept, 0, kept.length) ? AlreadyRedacted.FIRST_SLOTS : -2);
                return null;
            }).get();
        } finally {
            dev.secretagent.runtime.thread.VirtualThreadsSupport.awaitAll(vt);
        }
        assertThat(slots.get()).isEqualTo(AlreadyRedacted.FIRST_SLOTS);
    }
}
