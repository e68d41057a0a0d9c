package dev.secretagent.bench;

import dev.secretagent.runtime.Settings;
import dev.secretagent.runtime.redact.Encodings;
import dev.secretagent.runtime.redact.Redaction;
import dev.secretagent.runtime.secret.Secret;
import dev.secretagent.runtime.secret.SecretRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Throughput of the redaction engine on 1 MB of log-like text, clean and dirty (one secret form per
 * ~2 KB), chars and UTF-8 bytes, against a java.util.regex alternation of the same forms. Each op is one
 * pass over the 1 MB text, so MB/s = ops/s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class RedactionBenchmark {
    static final int SIZE = 1 << 20;
    static final String[] WORDS = ("INFO DEBUG WARN order payment user request response completed started "
            + "the of and to in is for with on at by from service handler thread pool connection database query "
            + "took ms id status ok accepted rejected retry timeout cache hit miss queue consumer producer "
            + "http GET POST /api/v1/orders 200 404 500 session customer invoice").split(" ");

    @Param({"1", "100", "1000", "10000"})
    public int secrets;

    public String clean;
    String dirty;
    public byte[] cleanBytes;
    byte[] dirtyBytes;
    Pattern regex;

    @Setup(Level.Trial)
    public void setUp() {
        Settings.install(new Settings(Collections.<String, String>emptyMap(),
                Collections.<String, List<Map<String, Object>>>emptyMap()));
        SecretRegistry.reset();
        Random rnd = new Random(42);
        List<Secret> list = new ArrayList<Secret>();
        List<String> forms = new ArrayList<String>();
        for (int i = 0; i < secrets; i++) {
            String v = randomValue(rnd);
            list.add(new Secret("SECRET_" + i, "1", v, "bench"));
            forms.addAll(Encodings.forms(v, 8));
        }
        SecretRegistry.putAll(list);
        clean = text(rnd, null);
        dirty = text(rnd, forms);
        cleanBytes = clean.getBytes(StandardCharsets.UTF_8);
        dirtyBytes = dirty.getBytes(StandardCharsets.UTF_8);
        StringBuilder alt = new StringBuilder();
        for (String f : forms) {
            if (alt.length() > 0) {
                alt.append('|');
            }
            alt.append(Pattern.quote(f));
        }
        regex = Pattern.compile(alt.toString());
        if (Redaction.redact(clean, "bench") != clean) {
            throw new IllegalStateException("clean text is not clean");
        }
    }

    static String randomValue(Random rnd) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        StringBuilder sb = new StringBuilder();
        int n = 16 + rnd.nextInt(17);
        for (int i = 0; i < n; i++) {
            sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    static String text(Random rnd, List<String> forms) {
        StringBuilder sb = new StringBuilder(SIZE + 200);
        int nextDirty = 2048;
        while (sb.length() < SIZE) {
            sb.append("2024-05-01 12:").append(10 + rnd.nextInt(50)).append(':').append(10 + rnd.nextInt(50))
                    .append(".123 [worker-").append(rnd.nextInt(16)).append("] ");
            int words = 8 + rnd.nextInt(12);
            for (int i = 0; i < words; i++) {
                sb.append(WORDS[rnd.nextInt(WORDS.length)]).append(' ');
                if (forms != null && sb.length() >= nextDirty) {
                    sb.append(forms.get(rnd.nextInt(forms.size()))).append(' ');
                    nextDirty += 2048;
                }
            }
            sb.append("latency=").append(rnd.nextInt(1000)).append("ms\n");
        }
        return sb.substring(0, SIZE);
    }

    @Benchmark
    public String charsClean() {
        return Redaction.redact(clean, "bench");
    }

    @Benchmark
    public String charsDirty() {
        return Redaction.redact(dirty, "bench");
    }

    @Benchmark
    public byte[] bytesClean() {
        return Redaction.redactUtf8(cleanBytes, 0, cleanBytes.length, "bench");
    }

    @Benchmark
    public byte[] bytesDirty() {
        return Redaction.redactUtf8(dirtyBytes, 0, dirtyBytes.length, "bench");
    }

    /** Memory-speed reference on the same (shared, loaded) machine: one pass touching every char. */
    @Benchmark
    public int referenceCharLoop() {
        int h = 0;
        String s = clean;
        for (int i = 0; i < s.length(); i++) {
            h += s.charAt(i);
        }
        return h;
    }

    @Benchmark
    public String regexClean() {
        Matcher m = regex.matcher(clean);
        return m.find() ? m.replaceAll("[REDACTED]") : clean;
    }

    @Benchmark
    public String regexDirty() {
        return regex.matcher(dirty).replaceAll("[REDACTED]");
    }
}
