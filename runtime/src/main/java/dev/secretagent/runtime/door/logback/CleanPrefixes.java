package dev.secretagent.runtime.door.logback;

import java.lang.ref.WeakReference;
import java.util.Arrays;

/**
 * Per platform thread: the first bytes of lines this thread's appenders wrote that were found clean and closed
 * (see {@link dev.secretagent.runtime.redact.CutScan}), each with the engine that checked it. A Logback line's
 * timestamp, level, thread and logger repeat for every line of the same millisecond, so the next line that starts
 * with one of them needs only its rest scanned. Matched by content (byte for byte), never by identity, so
 * whatever produced the bytes (any encoder, a custom converter, the thread's name changed) is judged by what it
 * wrote. A few slots: one thread may write through several appenders with different patterns.
 */
final class CleanPrefixes {
    static final int SLOTS = 4;
    /** After this many lines in a row that started with no kept prefix, a prefix is learnt only now and then. */
    static final int MISSES_BEFORE_BACKOFF = 16;
    /** In back-off: one line in this many tries to learn its prefix (a layout whose lines never repeat a prefix). */
    static final int BACKOFF_PERIOD = 64;

    private final byte[][] prefixes = new byte[SLOTS][];
    /** Weakly: a thread that stops logging must not keep an engine of retired values alive after a rotation. */
    @SuppressWarnings("unchecked")
    private final WeakReference<Object>[] engines = new WeakReference[SLOTS];
    private int next;
    private int missesInARow;

    /** Length of a kept prefix that {@code line} starts with (and goes on after), checked by {@code engine}; 0 if none. */
    int match(byte[] line, Object engine) {
        for (int i = 0; i < SLOTS; i++) {
            byte[] p = prefixes[i];
            if (p != null && engines[i].get() == engine && p.length < line.length
                    && Arrays.equals(line, 0, p.length, p, 0, p.length)) {
                missesInARow = 0;
                return p.length;
            }
        }
        missesInARow++;
        return 0;
    }

    /** Whether a line that matched no prefix should try to learn its own (not on every line when none ever repeats). */
    boolean shouldLearn() {
        return missesInARow <= MISSES_BEFORE_BACKOFF || missesInARow % BACKOFF_PERIOD == 0;
    }

    /** Keeps {@code line[0, length)}, found clean and closed by {@code engine}, in place of the oldest slot. */
    void keep(byte[] line, int length, Object engine) {
        prefixes[next] = Arrays.copyOf(line, length);
        engines[next] = new WeakReference<Object>(engine);
        next = (next + 1) % SLOTS;
    }
}
