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

/** A hook's redacted array reaches System.out's stream once, unscanned; everything else is scanned as always. */
class AlreadyRedactedTest {
    private final List<String> redactions = new ArrayList<>();
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

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theHooksArrayIsWrittenAsItIsAndCountedOnce() throws Exception {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        OutputStream console = Redaction.redactingStream(sink, "stdout");
        byte[] line = Redaction.redactUtf8ForWrite(utf8("INFO password " + secret + "\n"), () -> "logback:demo");
        console.write(line, 0, line.length);
        console.flush();
        assertThat(sink.toString(StandardCharsets.UTF_8)).isEqualTo("INFO password [REDACTED:S]\n");
        assertThat(redactions).containsExactly("S@logback:demo");
    }

    @Test
    void onlyThatArrayOnlyOnceAndOnlyWhenNothingIsHeld() throws Exception {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        OutputStream console = Redaction.redactingStream(sink, "stdout");
        byte[] raw = utf8("raw " + secret + "\n");
        AlreadyRedacted.mark(raw.clone()); // another array with the same bytes: scanned
        console.write(raw, 0, raw.length);
        AlreadyRedacted.mark(raw);
        console.write(utf8("x"), 0, 1); // a different write first: the mark stays for raw
        console.write(utf8(secret.substring(0, 5)), 0, 5); // the start of a secret: held
        console.write(raw, 0, raw.length); // marked, but the stream holds bytes: scanned with them
        console.write(raw, 0, raw.length); // the mark was used up: scanned
        console.close();
        assertThat(sink.toString(StandardCharsets.UTF_8)).doesNotContain(secret);
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
