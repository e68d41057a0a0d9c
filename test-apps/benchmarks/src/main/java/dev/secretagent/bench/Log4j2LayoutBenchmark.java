package dev.secretagent.bench;

import dev.secretagent.runtime.Settings;
import dev.secretagent.runtime.door.log4j2.Log4j2Door;
import dev.secretagent.runtime.secret.Secret;
import dev.secretagent.runtime.secret.SecretRegistry;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.core.layout.ByteBufferDestination;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.apache.logging.log4j.message.ParameterizedMessage;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;

import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * The Log4j2 hook's trade, on the logging bench's layout and line: {@code layout.toByteArray(event)} (what the
 * hook asks for, one byte array per event) against {@code layout.encode(event, destination)} (the garbage-free
 * path the hook replaces), and the hook's whole work ({@code hook}: toByteArray + redaction, 101 secrets).
 * The destination discards what it is given, so only the layout's own work is measured.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
public class Log4j2LayoutBenchmark {
    /** A manager's buffer without the file: drained (discarded) when full, like OutputStreamManager's. */
    static final class Discard implements ByteBufferDestination {
        final ByteBuffer buffer = ByteBuffer.allocate(8192);
        long written;

        @Override
        public ByteBuffer getByteBuffer() {
            return buffer;
        }

        @Override
        public ByteBuffer drain(ByteBuffer buf) {
            written += buf.position();
            buf.clear();
            return buf;
        }

        @Override
        public void writeBytes(ByteBuffer data) {
            written += data.remaining();
            data.position(data.limit());
        }

        @Override
        public void writeBytes(byte[] data, int offset, int length) {
            written += length;
        }
    }

    PatternLayout layout;
    LogEvent event;
    final Discard destination = new Discard();

    @Setup(org.openjdk.jmh.annotations.Level.Trial)
    public void setUp() {
        Settings.install(new Settings(Collections.<String, String>emptyMap(),
                Collections.<String, List<Map<String, Object>>>emptyMap()));
        SecretRegistry.reset();
        Random rnd = new Random(7);
        List<Secret> list = new ArrayList<Secret>();
        for (int k = 1; k <= 101; k++) {
            list.add(new Secret("BENCH_SECRET_" + k + "_TOKEN", "1", "bs" + k + "-" + LogLineBenchmark.alnum(rnd, 24), "env"));
        }
        SecretRegistry.putAll(list);
        layout = PatternLayout.newBuilder().withPattern("%d %-5level [%t] %logger %msg%n").build();
        event = Log4jLogEvent.newBuilder().setLoggerName("demo.Bench").setLevel(Level.INFO)
                .setMessage(new ParameterizedMessage("order {} processed for customer {} amount {}", 1001, "c-1001", 17.5))
                .setThreadName("main").setTimeMillis(System.currentTimeMillis()).build();
    }

    @Benchmark
    public void encode() {
        layout.encode(event, destination);
    }

    @Benchmark
    public byte[] toByteArray() {
        return layout.toByteArray(event);
    }

    @Benchmark
    public byte[] hook() {
        return Log4j2Door.log4j2Bytes(layout.toByteArray(event), "demo.Bench");
    }
}
