import java.io.*;
import java.lang.management.*;
import java.nio.file.*;
/** Writes 1 GiB sequentially to a data file in 64 KiB writes, 3 passes; prints wall MB/s and the thread's CPU ms per pass. */
public class DataWrite3 {
  public static void main(String[] a) throws Exception {
    Path p = Paths.get(a[0]);
    int size = a.length > 1 ? Integer.parseInt(a[1]) : 64 * 1024;
    byte[] buf = new byte[size];
    new java.util.Random(1).nextBytes(buf);
    long total = 1L << 30;
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    StringBuilder sb = new StringBuilder();
    for (int pass = 1; pass <= 3; pass++) {
      long c0 = mx.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      try (FileOutputStream out = new FileOutputStream(p.toFile())) {
        for (long w = 0; w < total; w += buf.length) out.write(buf);
      }
      long t1 = System.nanoTime();
      long c1 = mx.getCurrentThreadCpuTime();
      sb.append(String.format("p%d %.0fMB/s %dms ", pass, total / 1e6 / ((t1 - t0) / 1e9), (c1 - c0) / 1_000_000));
      Files.delete(p);
    }
    System.out.println(sb);
  }
}
