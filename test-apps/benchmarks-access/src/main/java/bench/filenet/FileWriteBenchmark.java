package bench.filenet;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;

/**
 * What the last-line net adds to a write call: run once plain and once with the agent in the fork
 * ({@code -jvmArgsAppend -javaagent:...}). All streams write to /dev/null (so the disk does not set the pace); the
 * "log" streams reach it through a symbolic link named {@code net.log}, which the default {@code log.files} matches.
 * A data stream's write is the net's fast path (one field read and a type check); {@code -prof gc} shows it
 * allocates nothing.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class FileWriteBenchmark {
    private final byte[] line = "2026-12-01 12:00:00.000 INFO  [main] o.e.Orders - order 12345 shipped to customer 678\n"
            .getBytes(StandardCharsets.UTF_8);
    private Path dir;
    private FileOutputStream data;
    private FileOutputStream log;
    private FileChannel dataChannel;
    private ByteBuffer buffer;

    @Setup(Level.Trial)
    public void open() throws IOException {
        dir = Files.createTempDirectory("bench-net");
        Path link = Files.createSymbolicLink(dir.resolve("net.log"), Paths.get("/dev/null"));
        data = new FileOutputStream("/dev/null");
        log = new FileOutputStream(link.toFile());
        dataChannel = FileChannel.open(Paths.get("/dev/null"), StandardOpenOption.WRITE);
        buffer = ByteBuffer.wrap(line);
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        data.close();
        log.close();
        dataChannel.close();
        Files.deleteIfExists(dir.resolve("net.log"));
        Files.deleteIfExists(dir);
    }

    @Benchmark
    public void dataFileWrite() throws IOException {
        data.write(line, 0, line.length);
    }

    @Benchmark
    public int dataChannelWrite() throws IOException {
        buffer.clear();
        return dataChannel.write(buffer);
    }

    @Benchmark
    public void logFileWrite() throws IOException {
        log.write(line, 0, line.length);
    }
}
