package dev.secretagent.agent.cli;

import dev.secretagent.runtime.redact.WindowScan;
import dev.secretagent.runtime.secret.Secret;
import dev.secretagent.runtime.secret.SecretRegistry;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where {@code redact}'s time goes, in one warm JVM (a benchmark, not a test; docs/performance.md): in every round,
 * in turn, the engine alone over the file read in 8 MB pieces on one thread, the parallel pipe on every core and
 * on one worker, and the streaming pipe, each from the file to /dev/null; process CPU time per MB (it suffers less
 * from a loaded machine than wall time) and wall MB/s; medians over the rounds after the first (warm-up).
 * {@code java -cp agent/target/secret-agent.jar:agent/target/secret-agent-tests.jar dev.secretagent.agent.cli.PipeParts
 * <values file> <log file> <rounds>}
 */
public final class PipeParts {
    private PipeParts() {
    }

    private static final com.sun.management.OperatingSystemMXBean OS = (com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    public static void main(String[] a) throws Exception {
        List<Secret> list = new ArrayList<>();
        int i = 0;
        for (String v : Files.readAllLines(Paths.get(a[0]))) {
            list.add(new Secret("values-file:" + (++i), "1", v, "file"));
        }
        SecretRegistry.putAll(list);
        Path file = Paths.get(a[1]);
        long size = Files.size(file);
        byte[] window = new byte[ParallelPipe.MAX_BLOCK];
        int rounds = Integer.parseInt(a[2]);
        Map<String, List<Double>> res = new TreeMap<>();
        for (int r = 0; r < rounds; r++) {
            for (String what : new String[] {"engine-1-thread", "parallel-pipe", "streaming-pipe",
                "parallel-1-thread"}) {
                long c0 = OS.getProcessCpuTime(), t0 = System.nanoTime();
                if (what.equals("engine-1-thread")) {
                    // the floor: read each 8 MB and scan it, no margins, nothing written
                    try (InputStream in = new FileInputStream(file.toFile())) {
                        for (int n = in.readNBytes(window, 0, window.length); n > 0;
                             n = in.readNBytes(window, 0, window.length)) {
                            WindowScan.scan(window, 0, n, 0, n);
                        }
                    }
                } else {
                    try (InputStream in = new FileInputStream(file.toFile());
                         OutputStream out = new FileOutputStream("/dev/null")) {
                        if (what.equals("streaming-pipe")) {
                            RedactCommand.pipe(in, out);
                        } else {
                            ParallelPipe p = what.equals("parallel-pipe") ? ParallelPipe.defaults()
                                    : new ParallelPipe(ParallelPipe.MAX_BLOCK, ParallelPipe.DEFAULT_BEFORE,
                                    ParallelPipe.DEFAULT_AFTER, 1);
                            p.pipe(((FileInputStream) in).getChannel(), ((FileOutputStream) out).getChannel(),
                                    new TreeMap<>());
                        }
                    }
                }
                long c1 = OS.getProcessCpuTime(), t1 = System.nanoTime();
                double mb = size / 1048576.0;
                if (r > 0) {
                    res.computeIfAbsent(what + " MB/CPU-s", k -> new ArrayList<>()).add(mb / ((c1 - c0) / 1e9));
                    res.computeIfAbsent(what + " MB/s wall", k -> new ArrayList<>()).add(mb / ((t1 - t0) / 1e9));
                }
            }
            System.out.println("round " + r + " load "
                    + new String(Files.readAllBytes(Paths.get("/proc/loadavg"))).trim());
        }
        for (Map.Entry<String, List<Double>> e : res.entrySet()) {
            List<Double> v = e.getValue();
            Collections.sort(v);
            System.out.printf("%-32s median %.0f  (%s)%n", e.getKey(), v.get(v.size() / 2),
                    v.toString().replaceAll("(\\.\\d)\\d+", ""));
        }
    }
}
