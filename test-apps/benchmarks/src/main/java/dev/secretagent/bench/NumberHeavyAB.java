package dev.secretagent.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;

/**
 * Clean-text cost on number-heavy log lines (13-26-digit ids and times, ~70% digits), where the benchmark's text has
 * few digits: the builds in the given benchmarks jars (each in its own class loader, 1,000 secrets as in
 * {@link RedactionBenchmark}) alternate; thread CPU time of {@code Redaction.redact} and {@code redactUtf8} per MB,
 * medians of 11 rounds; also the known-value matcher alone ({@code skip}: the engine's {@code SkipMatcher.scan}, read
 * reflectively). Why: forms whose q-grams are all digits (hex of a value) stall the matcher only on such text.
 * Run: {@code java -cp test-apps/benchmarks/target/benchmarks.jar dev.secretagent.bench.NumberHeavyAB old.jar new.jar}
 */
public final class NumberHeavyAB {
    private NumberHeavyAB() {
    }

    public static void main(String[] a) throws Exception {
        StringBuilder sb = new StringBuilder();
        java.util.Random r = new java.util.Random(7);
        while (sb.length() < (1 << 20)) {
            sb.append("1733112").append(100000 + r.nextInt(900000)).append(" id=").append(Math.abs(r.nextLong()))
              .append(" bytes=").append(r.nextInt(99999999)).append(" trace=").append(Long.toString(Math.abs(r.nextLong()), 10))
              .append(r.nextInt(10000000)).append(" ok\n");
        }
        String text = sb.substring(0, 1 << 20);
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        Method[] rb = new Method[a.length], rs = new Method[a.length];
        // the known-value matcher alone (Engine.chars / Engine.bytes, SkipMatcher.scan), apart from the rules
        Object[] mc = new Object[a.length], mb = new Object[a.length];
        Method[] sc = new Method[a.length], sb2 = new Method[a.length];
        for (int j = 0; j < a.length; j++) {
            ClassLoader l = new URLClassLoader(new URL[]{Paths.get(a[j]).toUri().toURL()}, ClassLoader.getPlatformClassLoader());
            Class<?> bench = Class.forName("dev.secretagent.bench.RedactionBenchmark", true, l);
            Object b = bench.getConstructor().newInstance();
            bench.getField("secrets").setInt(b, 1000);
            bench.getMethod("setUp").invoke(b);
            Class<?> red = Class.forName("dev.secretagent.runtime.redact.Redaction", true, l);
            rb[j] = red.getMethod("redactUtf8", byte[].class, int.class, int.class, String.class);
            rs[j] = red.getMethod("redact", String.class, String.class);
            Object o = rs[j].invoke(null, text, "x");
            if (o != text) System.out.println("jar " + j + ": text not clean!");
            Method engine = red.getDeclaredMethod("engine");
            engine.setAccessible(true);
            Object e = engine.invoke(null);
            java.lang.reflect.Field fc = e.getClass().getDeclaredField("chars"), fb = e.getClass().getDeclaredField("bytes");
            fc.setAccessible(true);
            fb.setAccessible(true);
            mc[j] = fc.get(e);
            mb[j] = fb.get(e);
            Class<?> spans = Class.forName("dev.secretagent.runtime.redact.Spans", true, l);
            sc[j] = mc[j].getClass().getDeclaredMethod("scan", String.class, int.class, int.class, spans);
            sb2[j] = mc[j].getClass().getDeclaredMethod("scan", byte[].class, int.class, int.class, spans);
            sc[j].setAccessible(true);
            sb2[j].setAccessible(true);
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        String[] kinds = {" chars ", " bytes ", " chars skip ", " bytes skip "};
        long[][] t = new long[a.length * 4][11];
        for (int round = 0; round < 14; round++) {
            for (int j = 0; j < a.length; j++) {
                for (int k = 0; k < 4; k++) {
                    long c0 = mx.getCurrentThreadCpuTime();
                    for (int i = 0; i < 40; i++) {
                        if (k == 0) rs[j].invoke(null, text, "x");
                        else if (k == 1) rb[j].invoke(null, bytes, 0, bytes.length, "x");
                        else if (k == 2) sc[j].invoke(mc[j], text, 0, text.length(), null);
                        else sb2[j].invoke(mb[j], bytes, 0, bytes.length, null);
                    }
                    long us = (mx.getCurrentThreadCpuTime() - c0) / 40 / 1000;
                    if (round >= 3) t[j * 4 + k][round - 3] = us;
                }
            }
        }
        for (int j = 0; j < a.length; j++) for (int k = 0; k < 4; k++) {
            long[] x = t[j * 4 + k].clone(); java.util.Arrays.sort(x);
            System.out.println(a[j] + kinds[k] + x[5] + " us/MB (median of 11)");
        }
    }
}
