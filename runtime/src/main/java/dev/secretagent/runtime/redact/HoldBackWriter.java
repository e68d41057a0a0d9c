package dev.secretagent.runtime.redact;

import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;

/**
 * Streaming redactor for chars, the Writer twin of {@link RedactingOutputStream}: what it holds back
 * between writes, and what flush and close emit, is decided by {@link HoldBackRedactor}; this class only
 * says how chars are searched and written. Thread-safe: every method is synchronized on the writer (its
 * {@code lock}).
 */
final class HoldBackWriter extends Writer {
    private final Chars held;

    HoldBackWriter(Writer out, String channel) {
        this.held = new Chars(out, channel);
    }

    @Override
    public synchronized void write(int c) throws IOException {
        held.ensure(1);
        ((char[]) held.buf)[held.len++] = (char) c;
        held.drain(false, false);
    }

    @Override
    public synchronized void write(char[] b, int off, int n) throws IOException {
        held.write(b, b.length, off, n);
    }

    @Override
    public synchronized void flush() throws IOException {
        held.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        held.close();
    }

    /** Held chars. */
    private static final class Chars extends HoldBackRedactor {
        private final Writer out;

        Chars(Writer out, String channel) {
            super(channel, new char[256], new char[256], 256);
            this.out = out;
        }

        @Override
        int unit(int i) {
            return ((char[]) buf)[i];
        }

        @Override
        void find(Engine e, Spans sp, RuleScanner.Open open) {
            e.find((char[]) buf, 0, len, sp, open);
        }

        @Override
        int heldTail(Engine e, boolean escape) {
            return e.heldTail((char[]) buf, 0, len, escape);
        }

        @Override
        int triggerTail(Engine e) {
            return e.rules.triggerTail(java.nio.CharBuffer.wrap((char[]) buf), 0, len);
        }

        @Override
        Object copyOf(Object array, int n) {
            return Arrays.copyOf((char[]) array, n);
        }

        @Override
        int maskLength(Engine e, int owner) {
            return e.masks[owner].length();
        }

        @Override
        int putMask(int n, Engine e, int owner) {
            String m = e.masks[owner];
            m.getChars(0, m.length(), (char[]) outBuf, n);
            return n + m.length();
        }

        @Override
        void emit(int n) throws IOException {
            out.write((char[]) outBuf, 0, n);
        }

        @Override
        void emitFailed() throws IOException {
            out.write(Markers.REDACTION_FAILED);
        }

        @Override
        void flushOut() throws IOException {
            out.flush();
        }

        @Override
        void closeOut() throws IOException {
            out.close();
        }
    }
}
