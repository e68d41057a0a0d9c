package dev.secretagent.runtime.redact;

import dev.secretagent.runtime.thread.CallState;
import dev.secretagent.runtime.thread.VirtualThreads;

import java.util.Arrays;

/**
 * The byte arrays a framework hook has just redacted, on this thread, for the writes it is about to make.
 *
 * <p>Why: a Logback console appender's line is redacted by the encoder hook (counted on its
 * {@code logback:<logger>} channel) and then written to System.out, whose redacting stream would scan it a
 * second time, doubling the agent's cost for the most common set-up (containers logging to the console) and
 * counting it twice.
 *
 * <p>What reaches the stream is often a <em>copy</em>: a file appender's {@code BufferedOutputStream} (Logback) or
 * {@code ByteBuffer} (Log4j2) gathers one or several lines and writes its own array to the file's last-line net
 * ({@code door/jdk/FileNet}); JUL's {@code ConsoleHandler} encodes its hook's text into its encoder's array and
 * writes that to System.err. So this thread keeps its last marked arrays (at most {@value #MAX_MARKS},
 * {@value #MAX_BYTES} bytes), and a stream lets a write through unscanned when its bytes are, byte for byte, a run of
 * them in order, and only when it holds nothing back (no partial secret of an earlier write can join them): the
 * net any run ({@link #takeCopy}), the console a run that ends with the newest mark ({@link #takeNewest}): equal bytes to what a hook produced are clean whatever array holds
 * them. Bytes of any other origin (a piece, a changed copy, another thread's) are scanned as always. The comparison
 * runs at memory speed, far below a scan.
 *
 * <p>The bounds are sized for the frameworks' default 8 KiB buffers: a buffer of 100-byte lines holds ~80 of them,
 * and with the former bound of 32 marks no buffered flush ever matched, so a buffered appender's every byte was
 * scanned twice (issue 15 item 2). A buffer bigger than {@value #MAX_BYTES} bytes (Log4j2's 256 KiB random access
 * file) is scanned by the net as before: only slower, never less safe. The marks are a ring: adding one when full
 * drops the oldest in constant time (an application whose log files the net does not watch never takes its marks).
 *
 * <p>A virtual thread's ring never grows past {@value #FIRST_SLOTS} slots, and a framework door whose appender call
 * ends drops the thread's marks ({@link #callEnded}): its lines reach a buffered file among other threads' lines,
 * written by whichever thread fills the buffer, so its own marks rarely match a flush, and 10,000 parked virtual
 * threads must not each hold their last lines (issue 17). Such a flush is scanned: slower, never less safe.
 */
final class AlreadyRedacted {
    static final int MAX_MARKS = 512;
    static final int MAX_BYTES = 64 * 1024;

    /** A new thread's ring: a thread that logs a few lines (a virtual thread) never pays for the full one. */
    static final int FIRST_SLOTS = 8;

    /**
     * One thread's marks, oldest first, in a ring of a power-of-two number of slots that starts at
     * {@link #FIRST_SLOTS} and doubles up to {@link #MAX_MARKS} while a buffer's worth of lines is outstanding.
     */
    static final class Marks {
        /** The most marks this thread keeps: {@link #MAX_MARKS}, or the first ring's slots on a virtual thread. */
        final int limit;
        byte[][] arrays = new byte[FIRST_SLOTS][];
        /** Slot of the oldest mark. */
        int head;
        int count;
        int bytes;

        Marks(int limit) {
            this.limit = limit;
        }

        /** The {@code i}-th oldest mark. */
        byte[] get(int i) {
            return arrays[(head + i) & (arrays.length - 1)];
        }

        void add(byte[] a) {
            while (count > 0 && (count == limit || bytes + a.length > MAX_BYTES)) {
                drop(1);
            }
            if (count == arrays.length) {
                grow();
            }
            arrays[(head + count) & (arrays.length - 1)] = a;
            count++;
            bytes += a.length;
        }

        /** Doubles the ring, oldest mark first in slot 0. */
        private void grow() {
            byte[][] bigger = new byte[arrays.length * 2][];
            for (int i = 0; i < count; i++) {
                bigger[i] = get(i);
            }
            arrays = bigger;
            head = 0;
        }

        /** Drops the {@code k} oldest. */
        void drop(int k) {
            for (int i = 0; i < k; i++) {
                bytes -= arrays[head].length;
                arrays[head] = null;
                head = (head + 1) & (arrays.length - 1);
            }
            count -= k;
        }

        /** Drops the {@code k} newest. */
        void dropNewest(int k) {
            for (int i = 0; i < k; i++) {
                int last = (head + count - 1) & (arrays.length - 1);
                bytes -= arrays[last].length;
                arrays[last] = null;
                count--;
            }
        }
    }

    private static final CallState<Marks> MARKS = new CallState<Marks>() {
        @Override
        protected Marks create() {
            return new Marks(VirtualThreads.current() ? FIRST_SLOTS : MAX_MARKS);
        }
    };

    private AlreadyRedacted() {
    }

    static void mark(byte[] redacted) {
        if (redacted != null && redacted.length > 0) { // an empty write needs no pass
            MARKS.get().add(redacted);
        }
    }

    /** The outermost appender call of this thread ended: a virtual thread drops its marks (see the class). */
    static void callEnded() {
        MARKS.ended();
    }

    /**
     * True, once, if {@code b[off, off + len)} is byte for byte the newest of this thread's marks, or a run of marks
     * that ends with the newest (a formatter's head and the record): only that run is used up, so the older marks a
     * buffered file appender's lines left for the net stay. A console write comes right after its hook, so this is
     * the console's check: it compares the run it matches and looks at no other mark.
     */
    static boolean takeNewest(byte[] b, int off, int len) {
        if (len <= 0 || (off | (b.length - off - len)) < 0) {
            return false;
        }
        Marks m = MARKS.peek();
        if (m == null) {
            return false;
        }
        int at = off + len;
        for (int j = m.count - 1; j >= 0; j--) {
            byte[] a = m.get(j);
            if (a.length > at - off || !Arrays.equals(a, 0, a.length, b, at - a.length, at)) {
                return false;
            }
            at -= a.length;
            if (at == off) {
                m.dropNewest(m.count - j);
                return true;
            }
        }
        return false;
    }

    /**
     * True, once, if {@code b[off, off + len)} is byte for byte a run of this thread's marks in the order they were
     * marked (one line, or a buffer's worth of lines); those marks and all older ones are used up. The net's check:
     * a buffer's copy of lines reaches it long after their hooks.
     */
    static boolean takeCopy(byte[] b, int off, int len) {
        if (len <= 0) {
            return false;
        }
        Marks m = MARKS.peek();
        if (m == null || len > m.bytes) {
            return false; // more than every mark together (a buffer bigger than MAX_BYTES): scanned
        }
        int end = off + len;
        for (int i = 0; i < m.count; i++) {
            if (m.get(i)[0] != b[off]) {
                continue; // cheap first filter (marks are never empty): this mark cannot start the run
            }
            int at = off;
            int j = i;
            while (j < m.count) {
                byte[] a = m.get(j);
                if (a.length > end - at || !Arrays.equals(a, 0, a.length, b, at, at + a.length)) {
                    break;
                }
                at += a.length;
                j++;
                if (at == end) {
                    m.drop(j);
                    return true;
                }
            }
        }
        return false;
    }
}
