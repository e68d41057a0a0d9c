package dev.secretagent.agent.cli;

import dev.secretagent.runtime.redact.WindowScan;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Puts {@link ParallelPipe}'s scanned blocks out in input order: the masks from the scans, the unmasked runs
 * between them straight from the input file ({@link FileChannel#transferTo}: copied by the kernel, never through
 * this JVM's memory). {@code emitted} is the input position up to which output was written.
 */
final class OrderedWriter {
    private final FileChannel in;
    private final WritableByteChannel out;
    private final Map<String, Integer> counts;
    private long emitted;
    /** The output ends in a mask that reaches {@code emitted}: a match starting by then joins it. */
    private boolean inMask;
    /** The ids counted for the current mask: its own, and each known secret folded into it. */
    private final List<String> maskIds = new ArrayList<>();

    /** {@code start}: where the input starts in the file (stdin's position): nothing before it is written. */
    OrderedWriter(FileChannel in, long start, WritableByteChannel out, Map<String, Integer> counts) {
        this.in = in;
        this.emitted = start;
        this.out = out;
        this.counts = counts;
    }

    /** Writes one block; blocks come in input order, each starting where the one before ended. */
    void write(ParallelPipe.Scanned b) throws IOException {
        WindowScan scan = b.scan;
        if (scan == null) {
            put(WindowScan.failedMarker());
            emitted = Math.max(emitted, b.end);
            inMask = false;
            return;
        }
        for (int i = 0; i < scan.count; i++) {
            long start = b.origin + scan.start(i);
            long end = b.origin + scan.end(i);
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
            copy(emitted, start);
            put(scan.mask(i));
            counts.merge(scan.id(i), 1, Integer::sum);
            maskIds.clear();
            maskIds.add(scan.id(i));
            emitted = end;
            inMask = true;
        }
        if (emitted < b.end) {
            copy(Math.max(emitted, b.start), b.end);
            emitted = b.end;
            inMask = false;
        }
    }

    /** The input's bytes {@code [from, to)}, unchanged. transferTo may move fewer bytes than asked: it loops. */
    private void copy(long from, long to) throws IOException {
        while (from < to) {
            long n = in.transferTo(from, to - from, out);
            if (n <= 0) {
                throw new IOException("the input file shrank while it was read");
            }
            from += n;
        }
    }

    private void put(byte[] mask) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(mask);
        while (b.hasRemaining()) {
            out.write(b);
        }
    }
}
