package dev.secretagent.agent.cli;

import dev.secretagent.runtime.redact.WindowScan;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;

/**
 * {@code redact}'s pipe on every core, for a file (an argument, or stdin redirected from one). The input is cut
 * into blocks at nominal positions every {@link #block} bytes, each cut moved back to just after the last line feed
 * shortly before it (when there is one), so that a line is scanned whole by one worker; each block is scanned by a
 * worker together with {@link #before} bytes of the text before it (a value's name, a line's start) and
 * {@link #after} bytes after it (a value that runs past the cut), and keeps the masks that start inside it; the
 * {@link OrderedWriter} puts the blocks out in input order, skipping what a mask of the block before already
 * covered. So the output is the same as one scan of the whole input whenever no mask needs more context than those
 * margins (name rules hold at most 64 KB; known secret forms and detector matches are far shorter).
 *
 * <p>Who does what, and why (docs/performance.md, ninth session): the main thread only plans the blocks' nominal
 * ranges and writes the results in order; each worker reads its own window with positional reads, finds its two
 * cuts from the bytes it read (every worker finds a cut from the same bytes, so neighbours agree without talking),
 * and scans it. The unmasked runs go from the input file to the output with {@link FileChannel#transferTo}: the
 * kernel copies them, the main thread never touches them. Before, the main thread read every byte into a window and
 * wrote it back out through the JDK's per-call buffers, and first touched 5 windows of 8 MB: that was about 1.2
 * CPU-seconds per GB on the critical path.
 *
 * <p>Memory is bounded and allocated once per worker: a worker's window is reused for every block it scans (a scan
 * keeps positions, not bytes, so the window is free as soon as the scan returns): {@code threads} windows, whatever
 * the input size.
 */
final class ParallelPipe {
    /**
     * Blocks are as large as the memory bound allows, up to 8 MB: the margins are scanned twice (by the block
     * on either side), so the larger the block the smaller that share (64 + 64 KB of 8 MB: 1.6%). Measured on 2 cores
     * (eighth session): the workers spent 30-40% more CPU with 2 MB or 4 MB blocks than with 8 MB.
     */
    static final int MAX_BLOCK = 8 << 20;
    static final int MIN_BLOCK = 1 << 20;
    /** What all windows together may hold, so that RSS stays far below 256 MB on any number of cores. */
    static final int WINDOW_MEMORY = 96 << 20;
    static final int DEFAULT_BEFORE = 64 << 10;
    /** As far as the streaming path holds a name rule's value open (HoldBackRedactor.MAX_RULE_HOLD). */
    static final int DEFAULT_AFTER = 64 << 10;
    /** How far before a nominal cut a line feed is looked for (at most half a block): a longer line is cut inside. */
    static final int LINE_SEARCH = 64 << 10;
    /**
     * The most bytes one positional read moves. Why: a read into a heap array goes through a temporary direct buffer
     * of the read's size, which the JDK keeps per thread: at 1 MB each worker keeps one small buffer whose pages are
     * touched once (first touch of a page is expensive on this VM: eighth session, docs/performance.md).
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

    /** {@code slice}: the most bytes one read moves ({@link #IO_SLICE}). */
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
        int margins = LINE_SEARCH + DEFAULT_BEFORE + DEFAULT_AFTER;
        int threads = Math.max(1, Math.min(cores, WINDOW_MEMORY / (MIN_BLOCK + margins)));
        int block = Math.max(MIN_BLOCK, Math.min(MAX_BLOCK, WINDOW_MEMORY / threads - margins));
        return new ParallelPipe(block, DEFAULT_BEFORE, DEFAULT_AFTER, threads);
    }

    /** What all windows together hold at most: one per worker. */
    long windowBytes() {
        return (long) threads * capacity();
    }

    private int search() {
        return Math.min(LINE_SEARCH, block / 2);
    }

    private int capacity() {
        return search() + before + block + after;
    }

    /**
     * One block to scan: nominal cuts {@code from} and {@code to}. A cut is exact (the input's start, or where the
     * file ended when planned: {@code *Search} equals the cut) or moves back to just after the last line feed in
     * {@code [*Search, cut)}, else stays. Bytes outside {@code [floor, ceiling)} are not the input's (before
     * stdin's position, past the planned end).
     */
    private static final class Plan {
        final long fromSearch;
        final long from;
        final long toSearch;
        final long to;
        final long floor;
        final long ceiling;

        Plan(long fromSearch, long from, long toSearch, long to, long floor, long ceiling) {
            this.fromSearch = fromSearch;
            this.from = from;
            this.toSearch = toSearch;
            this.to = to;
            this.floor = floor;
            this.ceiling = ceiling;
        }
    }

    /** A block scanned: its cuts in input positions, and the matches ({@code scan} null: the scan failed). */
    static final class Scanned {
        final long origin;
        final long start;
        final long end;
        final WindowScan scan;

        Scanned(long origin, long start, long end, WindowScan scan) {
            this.origin = origin;
            this.start = start;
            this.end = end;
            this.scan = scan;
        }
    }

    /**
     * Copies {@code in} from its current position to its end into {@code out}, redacted; counts masks per id into
     * {@code counts}; returns the bytes read. A file that grows meanwhile is read on to its new end (a live log);
     * one that shrinks is an error (what was planned can no longer be read).
     */
    long pipe(FileChannel in, WritableByteChannel out, Map<String, Integer> counts) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(threads, daemon());
        ConcurrentLinkedQueue<byte[]> windows = new ConcurrentLinkedQueue<>();
        ArrayDeque<Future<Scanned>> inFlight = new ArrayDeque<>();
        long floor = in.position();
        OrderedWriter writer = new OrderedWriter(in, floor, out, counts);
        try {
            long from = floor;
            long fromSearch = floor;
            for (long limit = in.size(); from < limit; limit = in.size()) {
                while (from < limit) {
                    // nominal cuts on a grid from the start; a block's end and the next one's start are the same cut
                    // with the same search range, so both workers resolve it to the same line end. The range starts
                    // after the block's own nominal start: cuts always move forward
                    long to = from + block - (from - floor) % block;
                    long toSearch = Math.max(from, to - search());
                    if (to >= limit) {
                        to = limit;
                        toSearch = limit;
                    }
                    Plan p = new Plan(fromSearch, from, toSearch, to, floor, limit);
                    inFlight.add(pool.submit(() -> scan(in, p, windows)));
                    from = to;
                    fromSearch = toSearch;
                    // results are small (positions), the windows are per worker: this only keeps the workers fed
                    while (inFlight.size() > 2 * threads) {
                        writer.write(get(inFlight.poll()));
                    }
                }
            }
            while (!inFlight.isEmpty()) {
                writer.write(get(inFlight.poll()));
            }
            return from - floor;
        } finally {
            pool.shutdownNow();
        }
    }

    /** A worker's part: read the block's window, find its cuts, scan it. */
    private Scanned scan(FileChannel in, Plan p, ConcurrentLinkedQueue<byte[]> windows) throws IOException {
        byte[] w = windows.poll();
        if (w == null) {
            w = new byte[capacity()]; // at most one per worker: a worker returns its window before its next block
        }
        try {
            long lo = Math.max(p.floor, p.fromSearch - before);
            long hi = Math.min(p.ceiling, p.to + after);
            read(in, w, lo, (int) (hi - lo));
            long start = lo + lineEnd(w, (int) (p.fromSearch - lo), (int) (p.from - lo));
            long end = lo + lineEnd(w, (int) (p.toSearch - lo), (int) (p.to - lo));
            long scanFrom = Math.max(lo, start - before);
            long scanTo = Math.min(hi, end + after);
            WindowScan scan;
            try {
                scan = WindowScan.scan(w, (int) (scanFrom - lo), (int) (scanTo - lo), (int) (start - lo),
                        (int) (end - lo));
            } catch (Throwable t) {
                scan = null; // the writer puts the fail-closed marker in the block's place
            }
            return new Scanned(lo, start, end, scan);
        } finally {
            windows.add(w);
        }
    }

    /** Reads {@code b[0, n)} from the input at {@code position}, at most {@link #slice} bytes a call. */
    private void read(FileChannel in, byte[] b, long position, int n) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(b, 0, n);
        while (buf.hasRemaining()) {
            int at = buf.position();
            buf.limit(Math.min(n, at + slice));
            if (in.read(buf, position + at) < 0) {
                throw new IOException("the input file shrank while it was read");
            }
            buf.limit(n);
        }
    }

    /**
     * Where a cut near {@code to} falls, in window coordinates: after the last line feed in {@code [from, to)}, so
     * that a line (and the name-value pairs in it) is scanned whole by one worker; else at {@code to}.
     */
    private static int lineEnd(byte[] b, int from, int to) {
        for (int i = to - 1; i >= from; i--) {
            if (b[i] == '\n') {
                return i + 1;
            }
        }
        return to;
    }

    private static Scanned get(Future<Scanned> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof IOException) {
                throw (IOException) e.getCause();
            }
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
