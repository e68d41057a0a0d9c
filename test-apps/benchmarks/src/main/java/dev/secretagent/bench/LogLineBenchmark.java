package dev.secretagent.bench;

import dev.secretagent.runtime.Settings;
import dev.secretagent.runtime.door.log4j2.Log4j2Door;
import dev.secretagent.runtime.door.logback.LogbackDoor;
import dev.secretagent.runtime.redact.Redaction;
import dev.secretagent.runtime.secret.Secret;
import dev.secretagent.runtime.secret.SecretRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * The per-line cost of redaction on the exact lines of {@code test-apps/bench/logging-bench.sh} (pattern
 * {@code %d %-5level [%thread] %logger %msg%n}, 101 known secrets shaped like the bench's), to split what the
 * logging bench adds per line between the engine ({@code engine*}: {@code Redaction.redactUtf8} alone) and the
 * adapters' door around it ({@code door*}: what the Logback / Log4j2 hooks call per event). {@code *Mix} cycles
 * through 100 lines of which one carries a secret, like the bench. Compare with the bench's added ns per line:
 * 1e9 / agent lines/s - 1e9 / none lines/s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
public class LogLineBenchmark {
    /** Stands in for a Logback classic LoggingEvent (what the subAppend hook sees). */
    public static final class Event {
        final String loggerName;

        Event(String loggerName) {
            this.loggerName = loggerName;
        }

        public String getLoggerName() {
            return loggerName;
        }
    }

    byte[][] lines = new byte[100][];
    byte[] clean;
    byte[] dirty;
    Event event = new Event("demo.Bench");
    int i;

    @Setup(Level.Trial)
    public void setUp() {
        Settings.install(new Settings(Collections.<String, String>emptyMap(),
                Collections.<String, List<Map<String, Object>>>emptyMap()));
        SecretRegistry.reset();
        Random rnd = new Random(7);
        List<Secret> list = new ArrayList<Secret>();
        for (int k = 1; k <= 100; k++) {
            String n = String.format("%03d", k);
            list.add(new Secret("BENCH_SECRET_" + n + "_TOKEN", "1", "bs" + n + "-" + alnum(rnd, 24), "env"));
        }
        String password = "pw-" + alnum(rnd, 24);
        list.add(new Secret("APP_PASSWORD", "1", password, "env"));
        SecretRegistry.putAll(list);
        for (int k = 0; k < 100; k++) {
            String msg = k == 0 ? "order " + k + " paid, connecting with " + password
                    : "order " + (1000 + k) + " processed for customer c-" + (k & 1023) + " amount 17.5";
            lines[k] = ("2026-11-27 21:22:21,123 INFO  [main] demo.Bench " + msg + "\n").getBytes(StandardCharsets.UTF_8);
        }
        dirty = lines[0];
        clean = lines[1];
        if (Redaction.redactUtf8(clean, 0, clean.length, "bench") != clean
                || Redaction.redactUtf8(dirty, 0, dirty.length, "bench") == dirty) {
            throw new IllegalStateException("bench lines not as expected");
        }
    }

    static String alnum(Random rnd, int n) {
        String a = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < n; k++) {
            sb.append(a.charAt(rnd.nextInt(a.length())));
        }
        return sb.toString();
    }

    @Benchmark
    public byte[] engineClean() {
        return Redaction.redactUtf8(clean, 0, clean.length, "logback:demo.Bench");
    }

    @Benchmark
    public byte[] engineDirty() {
        return Redaction.redactUtf8(dirty, 0, dirty.length, "logback:demo.Bench");
    }

    @Benchmark
    public byte[] engineMix() {
        byte[] b = lines[i++ % 100];
        return Redaction.redactUtf8(b, 0, b.length, "logback:demo.Bench");
    }

    /** The Logback hooks per event: subAppend enter, writeBytes, subAppend exit. */
    @Benchmark
    public byte[] doorLogbackMix() {
        byte[] b = lines[i++ % 100];
        Object previous = LogbackDoor.enterLogbackAppender(event);
        try {
            return LogbackDoor.logbackBytes(b, false);
        } finally {
            LogbackDoor.exitLogbackAppender(previous);
        }
    }

    /**
     * The Logback hooks' own work alone, no scan: the thread-local set/reset (the logger name and the channel are
     * worked out only for a line that is redacted).
     */
    @Benchmark
    public Object doorLogbackOnly() {
        Object previous = LogbackDoor.enterLogbackAppender(event);
        LogbackDoor.exitLogbackAppender(previous);
        return previous;
    }

    /** The Log4j2 hook per event (after the layout's bytes). */
    @Benchmark
    public byte[] doorLog4j2Mix() {
        byte[] b = lines[i++ % 100];
        return Log4j2Door.log4j2Bytes(b, "demo.Bench");
    }
}
