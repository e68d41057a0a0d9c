package dev.secretagent.runtime.redact;

import java.util.Arrays;

/**
 * The byte arrays a framework hook has just redacted, on this thread, for the writes it is about to make.
 *
 * <p>Why: a Logback console appender's line is redacted by the encoder hook (counted on its
 * {@code logback:<logger>} channel) and then written to System.out, whose redacting stream would scan it a
 * second time, doubling the agent's cost for the most common set-up (containers logging to the console) and
 * counting it twice. The stream lets exactly that array through unscanned, once: the identity of the array is
 * the proof, so bytes of any other origin (another array, a copy, a piece) are scanned as always.
 *
 * <p>A file appender's line reaches the file's last-line net ({@code door/jdk/FileNet}) as a <em>copy</em>: a
 * {@code BufferedOutputStream} (Logback) or a {@code ByteBuffer} (Log4j2) gathers one or several lines and writes
 * its own array. So this thread keeps its last few marked arrays (at most {@value #MAX_MARKS}, {@value #MAX_BYTES}
 * bytes), and the net lets a write through unscanned when its bytes are, byte for byte, a run of them in order
 * ({@link #takeCopy}): equal bytes to what a hook produced are clean whatever array holds them. The comparison
 * runs at memory speed, far below a scan.
 */
final class AlreadyRedacted {
    static final int MAX_MARKS = 32;
    static final int MAX_BYTES = 16 * 1024;

    /** One thread's marks, oldest first. */
    static final class Marks {
        final byte[][] arrays = new byte[MAX_MARKS][];
        int count;
        int bytes;

        void add(byte[] a) {
            while (count > 0 && (count == MAX_MARKS || bytes + a.length > MAX_BYTES)) {
                drop(1);
            }
            arrays[count++] = a;
            bytes += a.length;
        }

        /** Drops the {@code k} oldest. */
        void drop(int k) {
            for (int i = 0; i < k; i++) {
                bytes -= arrays[i].length;
            }
            System.arraycopy(arrays, k, arrays, 0, count - k);
            for (int i = count - k; i < count; i++) {
                arrays[i] = null;
            }
            count -= k;
        }
    }

    private static final ThreadLocal<Marks> MARKS = new ThreadLocal<Marks>() {
        @Override
        protected Marks initialValue() {
            return new Marks();
        }
    };

    private AlreadyRedacted() {
    }

    static void mark(byte[] redacted) {
        if (redacted != null) {
            MARKS.get().add(redacted);
        }
    }

    /** True, once, if {@code b} is the array this thread marked last. */
    static boolean take(byte[] b) {
        Marks m = MARKS.get();
        if (m.count > 0 && m.arrays[m.count - 1] == b) {
            m.bytes -= b.length;
            m.arrays[--m.count] = null;
            return true;
        }
        return false;
    }

    /**
     * True, once, if {@code b[off, off + len)} is byte for byte a run of this thread's marks in the order they were
     * marked (one line, or a buffer's worth of lines); those marks and all older ones are used up.
     */
    static boolean takeCopy(byte[] b, int off, int len) {
        if (len <= 0) {
            return false;
        }
        Marks m = MARKS.get();
        int end = off + len;
        for (int i = 0; i < m.count; i++) {
            int at = off;
            int j = i;
            while (j < m.count) {
                byte[] a = m.arrays[j];
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
