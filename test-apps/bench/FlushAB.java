import dev.secretagent.bench.LogLineBenchmark;

import java.io.File;
import java.io.FileOutputStream;
import java.lang.reflect.Field;
import java.util.Arrays;

/**
 * Does the system call a flushing appender makes after each line make the agent's work on the next line dearer?
 * (issue 19 part 1.) In one JVM, blocks of the bench's 100 lines (101 secrets, {@code LogLineBenchmark}), two kinds
 * alternating in every round: the work alone, and a system call before each work call; only the work call is timed
 * (a {@code System.nanoTime()} pair around each, the same in both kinds; an interval longer than 50 µs, a
 * preemption, is left out and counted). Prints the medians of the mean ns per call. Not a test: no assertion on time.
 *
 * <p>work: {@code door} ({@code doorLogbackMix}: subAppend enter, writeBytes' scan and mark, exit), {@code engine}
 * ({@code engineMix}: the scan alone), {@code hooks} (enter/exit, no scan), {@code touch} (reads one byte of each of
 * {@code pages} 4 KiB pages: what a TLB miss per page costs). sys: {@code write} (the line to a {@code .dat} file in
 * {@code dir}), {@code yield} (a system call that moves no data).
 * Run (after packaging test-apps/benchmarks): {@code java -cp test-apps/benchmarks/target/benchmarks.jar
 * test-apps/bench/FlushAB.java [dir] [rounds] [calls per block] [work] [sys] [pages]}
 */
public class FlushAB {
    public static void main(String[] args) throws Exception {
        File dir = new File(args.length > 0 ? args[0] : "/dev/shm");
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 21;
        int calls = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
        String work = args.length > 3 ? args[3] : "door";
        String sys = args.length > 4 ? args[4] : "write";
        int pages = args.length > 5 ? Integer.parseInt(args[5]) : 16;
        String only = args.length > 6 ? args[6] : "both"; // alone | sys: one kind only (for a profiler)
        LogLineBenchmark b = new LogLineBenchmark();
        b.setUp();
        Field linesField = LogLineBenchmark.class.getDeclaredField("lines");
        linesField.setAccessible(true);
        byte[][] lines = (byte[][]) linesField.get(b);
        byte[] touched = new byte[pages * 4096];
        File f = File.createTempFile("flushab", ".dat", dir);
        f.deleteOnExit();
        double[][] ns = new double[2][rounds];
        long dropped = 0;
        long sink = 0;
        try (FileOutputStream out = new FileOutputStream(f)) {
            for (int r = -5; r < rounds; r++) { // 5 rounds of warm-up
                for (int k = 0; k < 2; k++) {
                    boolean withSys = only.equals("both") ? (k == 0) == ((r & 1) == 0) : only.equals("sys");
                    long sum = 0;
                    int n = 0;
                    for (int i = 0; i < calls; i++) {
                        byte[] line = lines[i % 100];
                        if (withSys) {
                            if (sys.equals("yield")) {
                                Thread.yield();
                            } else {
                                out.write(line);
                            }
                        }
                        long t0 = System.nanoTime();
                        switch (work) {
                            case "door": sink += b.doorLogbackMix().length; break;
                            case "engine": sink += b.engineMix().length; break;
                            case "hooks": sink += b.doorLogbackOnly() == null ? 0 : 1; break;
                            case "engine8":
                                sink += dev.secretagent.runtime.redact.Redaction.redactUtf8(line, line.length - 8, 8,
                                        "logback:demo.Bench").length;
                                break;
                            case "none": break;
                            default:
                                for (int p = 0; p < touched.length; p += 4096) {
                                    sink += touched[p];
                                }
                        }
                        long t = System.nanoTime() - t0;
                        if (t < 50_000) {
                            sum += t;
                            n++;
                        } else if (r >= 0) {
                            dropped++;
                        }
                    }
                    if (r >= 0) {
                        ns[withSys ? 1 : 0][r] = sum / (double) n;
                    }
                    out.getChannel().truncate(0);
                }
            }
        }
        System.out.println(String.format("%s ns/call (nanoTime pair included), medians of %d rounds x %d: alone %.1f,"
                + " after each %s %.1f: +%.1f (%d preempted calls left out; sink %d)", work, rounds, calls,
                median(ns[0]), sys, median(ns[1]), median(ns[1]) - median(ns[0]), dropped, sink & 1));
    }

    private static double median(double[] a) {
        double[] s = a.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
