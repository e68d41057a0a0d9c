package dev.secretagent.agent.cli;

import dev.secretagent.runtime.redact.WindowScan;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;

/**
 * {@code redact}'s pipe on every core: the input is cut into blocks that end at a line's end (when the block
 * holds one); each block is scanned by a worker together with {@link #before} bytes of the text before it (a
 * value's name, a line's start) and {@link #after} bytes of the text after it (a value that runs past the cut),
 * and keeps the masks that start inside its block; the writer puts the blocks out in input order, skipping what a
 * mask of the block before already covered. So the output is the same as one scan of the whole input whenever no
 * mask needs more context than those margins (name rules hold at most 64 KB; known secret forms and detector
 * matches are far shorter).
 *
 * <p>Memory is bounded and allocated once: a fixed set of {@link Window} buffers ({@link #windows}: at most
 * {@code 2 x threads} in flight, plus the one being read) is reused for the whole input, whatever its size. The
 * input is read straight into a window; the next window starts with a copy of the margin bytes it shares with this
 * one, so each input byte is read once and copied at most once more (the margins: a few percent). Unchanged text
 * is written straight from the window, never re-encoded.
 */
final class ParallelPipe {
    /**
     * Blocks are as large as the memory bound allows, up to 8 MB: the margins are scanned twice (by the block
     * on either side), so the larger the block the smaller that share (64 + 64 KB of 8 MB: 1.6%). The windows
     * are allocated once and reused, so their being humongous for G1 costs nothing per block. Measured on 2 cores
     * (eighth session): the workers spent 30-40% more CPU with 2 MB or 4 MB blocks than with 8 MB.
     */
    static final int MAX_BLOCK = 8 << 20;
    static final int MIN_BLOCK = 1 << 20;
    /** What all windows together may hold, so that RSS stays far below 256 MB on any number of cores. */
    static final int WINDOW_MEMORY = 96 << 20;
    static final int DEFAULT_BEFORE = 64 << 10;
    /** As far as the streaming path holds a name rule's value open (HoldBackRedactor.MAX_RULE_HOLD). */
    static final int DEFAULT_AFTER = 64 << 10;
    /**
     * The most bytes one read or write call moves. Why: a stream's native read or write of more than 8 KB goes
     * through a buffer the JDK allocates (malloc) for that call; at 8 MB every call mapped fresh pages, and their
     * page faults cost about 0.8 CPU-seconds per 316 MB (eighth session, docs/performance.md). At 1 MB the allocator
     * keeps reusing the same memory.
     */
    static final int IO_SLICE = 1 << 20;

    private final int block;
    private final int before;
    private final int after;
    private final int threads;
    private final int slice;

    ParallelPipe(int block, int before, int after, int threads) {
        this(block, before, after, threads, IO_SLICE);
    }

    /** {@code slice}: the most bytes one read or write call moves ({@link #IO_SLICE}). */
    ParallelPipe(int block, int before, int after, int threads, int slice) {
        this.block = Math.max(1, block);
        this.before = before;
        this.after = after;
        this.threads = Math.max(1, threads);
        this.slice = Math.max(1, slice);
    }

    static ParallelPipe defaults() {
        return defaults(Runtime.getRuntime().availableProcessors());
    }

    /**
     * On {@code cores} cores: a worker per core, but no more than the memory bound allows windows of the smallest
     * block (so the windows stay within {@link #WINDOW_MEMORY} on a machine with many cores too).
     */
    static ParallelPipe defaults(int cores) {
        int mostThreads = (WINDOW_MEMORY / (MIN_BLOCK + DEFAULT_BEFORE + DEFAULT_AFTER) - 1) / 2;
        int threads = Math.max(1, Math.min(cores, mostThreads));
        int margins = DEFAULT_BEFORE + DEFAULT_AFTER;
        int block = Math.max(MIN_BLOCK, Math.min(MAX_BLOCK, WINDOW_MEMORY / windows(threads) - margins));
        return new ParallelPipe(block, DEFAULT_BEFORE, DEFAULT_AFTER, threads);
    }

    /** What all windows together hold at most. */
    long windowBytes() {
        return (long) windows(threads) * (before + block + after);
    }

    /** The most windows in use at once: {@code 2 x threads} in flight and the one being read. */
    static int windows(int threads) {
        return 2 * Math.max(1, threads) + 1;
    }

    /**
     * One window, reused: {@code bytes[0, length)} holds input positions {@code [origin, origin + length)}; the
     * block it keeps is {@code [keepFrom, keepTo)} in window coordinates; {@code scan} is set by the worker.
     */
    private static final class Window {
        final byte[] bytes;
        int length;
        long origin;
        int keepFrom;
        int keepTo;
        /** The input ended inside this window: it is the last. */
        boolean last;
        WindowScan scan;

        Window(int capacity) {
            this.bytes = new byte[capacity];
        }
    }

    /** Copies {@code in} to {@code out} redacted; counts masks per id into {@code counts}; returns the bytes read. */
    long pipe(InputStream in, OutputStream out, Map<String, Integer> counts) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(threads, daemon());
        ArrayDeque<Future<Window>> inFlight = new ArrayDeque<>();
        ArrayDeque<Window> free = new ArrayDeque<>();
        int capacity = before + block + after;
        try {
            Writer writer = new Writer(out, counts, slice);
            Window previous = null;
            while (true) {
                Window w = free.isEmpty() ? new Window(capacity) : free.poll();
                if (!next(previous, w, in)) {
                    free.add(w);
                    break;
                }
                inFlight.add(pool.submit(() -> scanOrFail(w)));
                previous = w;
                // a window leaves the free list only after the writer has put it out, and the one just read
                // stays readable for the next window's margin copy (it is at the tail of inFlight)
                while (inFlight.size() > 2 * threads) {
                    free.add(writer.write(get(inFlight.poll())));
                }
                if (w.last) {
                    break;
                }
            }
            while (!inFlight.isEmpty()) {
                writer.write(get(inFlight.poll()));
            }
            out.flush();
            return previous == null ? 0 : previous.origin + previous.keepTo;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Fills {@code w} with the window after {@code prev} (or the first one): its block starts where {@code prev}'s
     * ended; the bytes both windows hold (the margins) are copied from {@code prev}, the rest read from {@code in}.
     * False when the input has no more bytes.
     */
    private boolean next(Window prev, Window w, InputStream in) throws IOException {
        long start = prev == null ? 0 : prev.origin + prev.keepTo;
        int head = prev == null ? 0 : (int) Math.min(before, start - prev.origin);
        int have = 0;
        if (prev != null) {
            int from = prev.keepTo - head;
            have = prev.length - from;
            System.arraycopy(prev.bytes, from, w.bytes, 0, have);
        }
        boolean ended = prev != null && prev.last;
        int want = head + block + after;
        while (!ended && have < want) {
            int r = in.read(w.bytes, have, Math.min(want - have, slice));
            if (r < 0) {
                ended = true;
            } else {
                have += r;
            }
        }
        if (have <= head) {
            return false;
        }
        w.origin = start - head;
        w.length = have;
        w.keepFrom = head;
        w.last = ended && have <= head + block;
        w.keepTo = w.last ? have : lineEnd(w.bytes, head, head + block);
        w.scan = null;
        return true;
    }

    /**
     * Where a block {@code [from, to)} ends: after its last line feed in the second half of the block, so that a
     * line (and the name-value pairs in it) is scanned whole by one worker; else at {@code to}.
     */
    private static int lineEnd(byte[] b, int from, int to) {
        for (int i = to - 1, stop = from + (to - from) / 2; i >= stop; i--) {
            if (b[i] == '\n') {
                return i + 1;
            }
        }
        return to;
    }

    /** The scan of a window's block, or null on a scan failure: the writer puts the fail-closed marker there. */
    private static Window scanOrFail(Window w) {
        try {
            w.scan = WindowScan.scan(w.bytes, 0, w.length, w.keepFrom, w.keepTo);
        } catch (Throwable t) {
            w.scan = null;
        }
        return w;
    }

    /** Puts blocks out in order; {@code emitted} is the input position up to which output was written. */
    private static final class Writer {
        private final OutputStream out;
        private final Map<String, Integer> counts;
        private final int slice;
        private long emitted;
        /** The output ends in a mask that reaches {@code emitted}: a match starting by then joins it. */
        private boolean inMask;
        /** The ids counted for the current mask: its own, and each known secret folded into it. */
        private final java.util.List<String> maskIds = new java.util.ArrayList<>();

        Writer(OutputStream out, Map<String, Integer> counts, int slice) {
            this.out = out;
            this.counts = counts;
            this.slice = slice;
        }

        /** Writes the window's block and returns the window, free again. */
        Window write(Window w) throws IOException {
            long blockStart = w.origin + w.keepFrom;
            long blockEnd = w.origin + w.keepTo;
            WindowScan scan = w.scan;
            if (scan == null) {
                out.write(WindowScan.failedMarker());
                emitted = Math.max(emitted, blockEnd);
                inMask = false;
                return w;
            }
            for (int i = 0; i < scan.count; i++) {
                long start = w.origin + scan.start(i);
                long end = w.origin + scan.end(i);
                if (inMask && start <= emitted) {
                    // overlaps or touches the mask just written (perhaps by the block before): one mask, as one
                    // scan of the whole text folds them; a known secret inside it is still reported, once
                    emitted = Math.max(emitted, end);
                    if (scan.secret(i) && !maskIds.contains(scan.id(i))) {
                        maskIds.add(scan.id(i));
                        counts.merge(scan.id(i), 1, Integer::sum);
                    }
                    continue;
                }
                copy(w, emitted, start);
                out.write(scan.mask(i));
                counts.merge(scan.id(i), 1, Integer::sum);
                maskIds.clear();
                maskIds.add(scan.id(i));
                emitted = end;
                inMask = true;
            }
            if (emitted < blockEnd) {
                copy(w, Math.max(emitted, blockStart), blockEnd);
                emitted = blockEnd;
                inMask = false;
            }
            w.scan = null;
            return w;
        }

        private void copy(Window w, long from, long to) throws IOException {
            for (long at = from; at < to; at += slice) {
                out.write(w.bytes, (int) (at - w.origin), (int) Math.min(slice, to - at));
            }
        }
    }

    private static Window get(Future<Window> f) throws IOException {
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
