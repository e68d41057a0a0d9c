package dev.secretagent.bench;

import dev.secretagent.runtime.door.jdk.FileNet;
import dev.secretagent.runtime.redact.Redaction;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.io.FileOutputStream;
import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * The last-line net's door on its own (no system call in the way, which on a file costs microseconds and hides
 * nanoseconds), with the 101 secrets and the lines of {@link LogLineBenchmark}:
 * <ul>
 * <li>{@code dataStream}: what a data file's write adds: the door called with the stream's plain lock (the hook's
 * field read, a static call, a type check). {@code baseline}: the same call shape doing nothing.</li>
 * <li>{@code hookAlone}, {@code hookThenNet}, {@code hookThenNetScanning}: a Logback/Log4j2 file appender's line as
 * the hook redacts it and a buffer's copy of it reaches the file: without the net, with the net (compared with the
 * hook's marked bytes, not scanned), and with a net that scanned again.</li>
 * <li>{@code bufferThenNet}, {@code bufferThenNetScanning}: the same for a buffered appender, whose 8 KiB buffer
 * gathers ~90 lines before one write (per op: the 90 lines' hook calls and that one write). With the former bound
 * of 32 marks the net could never match such a buffer and scanned it again.</li>
 * </ul>
 * The log stream writes to /dev/null through a {@code FileOutputStream} that is not instrumented here, so those two
 * include a native write.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
public class FileNetBenchmark {
    private final LogLineBenchmark lines = new LogLineBenchmark();
    private final Object plainLock = new Object();
    private Object logLock;
    private FileOutputStream devNull;
    private byte[] line;
    private byte[] copy;
    /** Clean lines as many as fit in an 8 KiB buffer, and that buffer's content. */
    private byte[][] bufferLines;
    private byte[] buffer;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        lines.setUp();
        line = lines.clean;
        copy = line.clone();
        int n = 8192 / line.length;
        bufferLines = new byte[n][];
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        for (int k = 0; k < n; k++) {
            bufferLines[k] = lines.lines[1 + k % 99]; // the clean ones
            all.write(bufferLines[k], 0, bufferLines[k].length);
        }
        buffer = all.toByteArray();
        devNull = new FileOutputStream("/dev/null");
        dev.secretagent.runtime.door.jdk.LogFileNames.configure(java.util.Arrays.asList("null"),
                java.util.Collections.<String>emptyList());
        logLock = FileNet.opened(devNull, new Object(), "/dev/null", null);
        if (logLock == plainLock || logLock.getClass() == Object.class) {
            throw new IllegalStateException("the log stream is not netted");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        devNull.close();
    }

    private static boolean nothing(Object lock, byte[] b, int off, int len) {
        return lock == null && b.length < off + len;
    }

    @Benchmark
    public boolean baseline() {
        return nothing(plainLock, line, 0, line.length);
    }

    @Benchmark
    public boolean dataStream() throws IOException {
        return FileNet.write(plainLock, line, 0, line.length);
    }

    /** A hook's redaction and the file write, no net: what a Logback/Log4j2 file appender's line cost before. */
    @Benchmark
    public void hookAlone() throws IOException {
        byte[] out = Redaction.redactUtf8(line, 0, line.length, "bench");
        devNull.write(copy, 0, out.length);
    }

    /** The same with the net: the hook marks its bytes, the net compares the buffer's copy with them. */
    @Benchmark
    public boolean hookThenNet() throws IOException {
        byte[] out = Redaction.redactUtf8ForWrite(line, "bench");
        return FileNet.write(logLock, copy, 0, out.length);
    }

    /** The same if the hook did not mark: the net scans the line a second time. */
    @Benchmark
    public boolean hookThenNetScanning() throws IOException {
        byte[] out = Redaction.redactUtf8(line, 0, line.length, "bench");
        return FileNet.write(logLock, copy, 0, out.length);
    }

    /** A buffered appender: each line redacted and marked by the hook, then the buffer's one write to the net. */
    @Benchmark
    public boolean bufferThenNet() throws IOException {
        for (byte[] b : bufferLines) {
            Redaction.redactUtf8ForWrite(b, "bench");
        }
        return FileNet.write(logLock, buffer, 0, buffer.length);
    }

    /** The same if the net scanned the buffer again. */
    @Benchmark
    public boolean bufferThenNetScanning() throws IOException {
        for (byte[] b : bufferLines) {
            Redaction.redactUtf8(b, 0, b.length, "bench");
        }
        return FileNet.write(logLock, buffer, 0, buffer.length);
    }
}
