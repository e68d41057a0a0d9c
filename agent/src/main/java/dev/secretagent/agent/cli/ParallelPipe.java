package dev.secretagent.agent.cli;

import dev.secretagent.runtime.redact.WindowScan;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;

/**
 * {@code redact}'s pipe on every core: the input is read in blocks; each block is scanned by a worker
 * together with {@link #before} bytes of the block before it (a value's name, a line's start) and
 * {@link #after} bytes of the block after it (a value that runs past the cut), and keeps the masks
 * that start inside its block; the writer puts the blocks out in input order, skipping what a mask
 * of the block before already covered. So the output is the same as one scan of the whole input
 * whenever no mask needs more context than those margins (name rules hold at most 64 KB; known
 * secret forms and detector matches are far shorter). Memory is bounded: at most
 * {@code 2 x threads + 2} blocks are in flight, whatever the input's size.
 */
final class ParallelPipe {
    static final int DEFAULT_BLOCK = 8 << 20;
    static final int DEFAULT_BEFORE = 64 << 10;
    static final int DEFAULT_AFTER = 256 << 10;

    private final int block;
    private final int before;
    private final int after;
    private final int threads;

    ParallelPipe(int block, int before, int after, int threads) {
        // a window's margins come from the blocks on either side only, so a block is at least as long as each
        this.block = Math.max(block, Math.max(before, after));
        this.before = before;
        this.after = after;
        this.threads = Math.max(1, threads);
    }

    static ParallelPipe defaults() {
        return new ParallelPipe(DEFAULT_BLOCK, DEFAULT_BEFORE, DEFAULT_AFTER, Runtime.getRuntime().availableProcessors());
    }

    /** One block's window: {@code bytes[0, length)} holds input positions {@code [origin, origin + length)}. */
    private static final class Window {
        final byte[] bytes;
        final int length;
        final long origin;
        /** The block itself, in window coordinates. */
        final int keepFrom;
        final int keepTo;

        Window(byte[] bytes, int length, long origin, int keepFrom, int keepTo) {
            this.bytes = bytes;
            this.length = length;
            this.origin = origin;
            this.keepFrom = keepFrom;
            this.keepTo = keepTo;
        }
    }

    private static final class Scanned {
        final Window window;
        final WindowScan scan;

        Scanned(Window window, WindowScan scan) {
            this.window = window;
            this.scan = scan;
        }
    }

    /** Copies {@code in} to {@code out} redacted; counts masks per id into {@code counts}; returns the bytes read. */
    long pipe(InputStream in, OutputStream out, Map<String, Integer> counts) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(threads, daemon());
        ArrayDeque<Future<Scanned>> inFlight = new ArrayDeque<>();
        try {
            Writer writer = new Writer(out, counts);
            byte[] previous = null; // the block before the current one, for its tail
            byte[] current = readBlock(in);
            long origin = 0;
            long total = 0;
            while (current != null) {
                byte[] next = current.length == block ? readBlock(in) : null;
                total += current.length;
                final Window w = window(previous, current, next, origin);
                inFlight.add(pool.submit(() -> new Scanned(w, scanOrFail(w))));
                while (inFlight.size() > 2 * threads) {
                    writer.write(get(inFlight.poll()));
                }
                origin += current.length;
                previous = current;
                current = next;
            }
            while (!inFlight.isEmpty()) {
                writer.write(get(inFlight.poll()));
            }
            out.flush();
            return total;
        } finally {
            pool.shutdownNow();
        }
    }

    private Window window(byte[] previous, byte[] current, byte[] next, long origin) {
        int head = previous == null ? 0 : Math.min(before, previous.length);
        int tail = next == null ? 0 : Math.min(after, next.length);
        byte[] w = new byte[head + current.length + tail];
        if (head > 0) {
            System.arraycopy(previous, previous.length - head, w, 0, head);
        }
        System.arraycopy(current, 0, w, head, current.length);
        if (tail > 0) {
            System.arraycopy(next, 0, w, head + current.length, tail);
        }
        return new Window(w, w.length, origin - head, head, head + current.length);
    }

    /** Null on a scan failure: the writer puts the fail-closed marker in the block's place. */
    private static WindowScan scanOrFail(Window w) {
        try {
            return WindowScan.scan(w.bytes, 0, w.length, w.keepFrom, w.keepTo);
        } catch (Throwable t) {
            return null;
        }
    }

    /** Puts blocks out in order; {@code emitted} is the input position up to which output was written. */
    private static final class Writer {
        private final OutputStream out;
        private final Map<String, Integer> counts;
        private long emitted;
        /** The output ends in a mask that reaches {@code emitted}: a match starting by then joins it. */
        private boolean inMask;

        Writer(OutputStream out, Map<String, Integer> counts) {
            this.out = out;
            this.counts = counts;
        }

        void write(Scanned s) throws IOException {
            Window w = s.window;
            long blockStart = w.origin + w.keepFrom;
            long blockEnd = w.origin + w.keepTo;
            if (s.scan == null) {
                out.write(WindowScan.failedMarker());
                emitted = Math.max(emitted, blockEnd);
                inMask = false;
                return;
            }
            for (int i = 0; i < s.scan.count; i++) {
                long start = w.origin + s.scan.start(i);
                long end = w.origin + s.scan.end(i);
                if (inMask && start <= emitted) {
                    // overlaps or touches the mask just written (perhaps by the block before): one mask, as one
                    // scan of the whole text folds them
                    emitted = Math.max(emitted, end);
                    continue;
                }
                copy(w, emitted, start);
                out.write(s.scan.mask(i));
                counts.merge(s.scan.id(i), 1, Integer::sum);
                emitted = end;
                inMask = true;
            }
            if (emitted < blockEnd) {
                copy(w, Math.max(emitted, blockStart), blockEnd);
                emitted = blockEnd;
                inMask = false;
            }
        }

        private void copy(Window w, long from, long to) throws IOException {
            if (to > from) {
                out.write(w.bytes, (int) (from - w.origin), (int) (to - from));
            }
        }
    }

    private byte[] readBlock(InputStream in) throws IOException {
        byte[] b = new byte[block];
        int n = 0;
        while (n < block) {
            int r = in.read(b, n, block - n);
            if (r < 0) {
                break;
            }
            n += r;
        }
        return n == 0 ? null : n == block ? b : Arrays.copyOf(b, n);
    }

    private static Scanned get(Future<Scanned> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IOException("redaction failed: " + e.getCause().getClass().getSimpleName());
        }
    }

    private static ThreadFactory daemon() {
        return r -> {
            Thread t = new Thread(r, "secret-agent-redact");
            t.setDaemon(true);
            return t;
        };
    }
}
