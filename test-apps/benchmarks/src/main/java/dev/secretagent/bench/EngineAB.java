package dev.secretagent.bench;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Paths;
import java.util.Arrays;

/**
 * The engine's parts (see {@code EngineParts}) of two builds of this benchmarks jar, side by side in one JVM:
 * each build in its own class loader, the two measured in alternating rounds, so that the machine's swings
 * (a shared VM here: ±10–25% between runs minutes apart) hit both alike. Reports the medians and the median
 * of the per-round ratio new/old. Run:
 * {@code java -cp test-apps/benchmarks/target/benchmarks.jar dev.secretagent.bench.EngineAB old.jar new.jar [rounds] [secrets]}
 */
public final class EngineAB {
    private EngineAB() {
    }

    /** Class {@code name} of the build in {@code jar}, in a class loader of its own (statics and JIT state apart). */
    static Class<?> fromBuild(String jar, String name) throws Exception {
        ClassLoader loader = new URLClassLoader(new URL[] {Paths.get(jar).toUri().toURL()},
                ClassLoader.getPlatformClassLoader());
        return Class.forName(name, true, loader);
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: EngineAB <old benchmarks.jar> <new benchmarks.jar> [rounds] [secrets]");
            System.exit(2);
        }
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 15;
        int secrets = args.length > 3 ? Integer.parseInt(args[3]) : 1000;
        Method[] time = new Method[2];
        String[] names = null;
        for (int j = 0; j < 2; j++) {
            Class<?> parts = fromBuild(args[j], "dev.secretagent.runtime.redact.EngineParts");
            parts.getMethod("setUp", int.class).invoke(null, secrets);
            time[j] = parts.getMethod("cpuNanosPerPass", int.class, int.class);
            names = (String[]) parts.getField("NAMES").get(null);
        }
        for (int warm = 0; warm < 3; warm++) {
            for (int j = 0; j < 2; j++) {
                for (int p = 0; p < names.length; p++) {
                    time[j].invoke(null, p, 150);
                }
            }
        }
        long[][][] t = new long[2][names.length][rounds];
        for (int r = 0; r < rounds; r++) {
            for (int p = 0; p < names.length; p++) {
                for (int k = 0; k < 2; k++) {
                    int j = r % 2 == 0 ? k : 1 - k; // who goes first alternates
                    t[j][p][r] = (Long) time[j].invoke(null, p, 20);
                }
            }
        }
        System.out.printf("%-12s %10s %10s %9s   (us/MB of thread CPU time, medians of %d alternating rounds)%n",
                "part", "old", "new", "new/old", rounds);
        for (int p = 0; p < names.length; p++) {
            long[] a = t[0][p].clone();
            long[] b = t[1][p].clone();
            double[] ratio = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                ratio[r] = (double) t[1][p][r] / t[0][p][r];
            }
            Arrays.sort(a);
            Arrays.sort(b);
            Arrays.sort(ratio);
            System.out.printf("%-12s %10.1f %10.1f %9.3f%n", names[p], a[rounds / 2] / 1000.0, b[rounds / 2] / 1000.0,
                    ratio[rounds / 2]);
        }
    }
}
