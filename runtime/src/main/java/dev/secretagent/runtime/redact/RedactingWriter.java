package dev.secretagent.runtime.redact;

import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;

/**
 * Streaming redactor for chars, the Writer twin of {@link RedactingOutputStream}: what it holds back
 * between writes, and what flush and close emit, is decided by {@link HoldBackRedactor}; this class only
 * keeps the chars. Thread-safe: every method is synchronized on the writer (its {@code lock}).
 */
final class RedactingWriter extends Writer {
    private final Chars held;

    RedactingWriter(Writer out, String channel) {
        this.held = new Chars(out, channel);
    }

    @Override
    public synchronized void write(int c) throws IOException {
        held.append(c);
        held.drain(false, false);
    }

    @Override
    public synchronized void write(char[] b, int off, int n) throws IOException {
        if ((off | n | (b.length - off - n)) < 0) {
            throw new IndexOutOfBoundsException();
        }
        if (n == 0) {
            return;
        }
        held.append(b, off, n);
        held.drain(false, false);
    }

    @Override
    public synchronized void flush() throws IOException {
        held.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        held.close();
    }

    /** The held chars. */
    private static final class Chars extends HoldBackRedactor {
        private final Writer out;
        private char[] buf = new char[256];
        private char[] outBuf = new char[256];

        Chars(Writer out, String channel) {
            super(channel);
            this.out = out;
        }

        void append(int c) {
            ensure(1);
            buf[len++] = (char) c;
        }

        void append(char[] b, int off, int n) {
            ensure(n);
            System.arraycopy(b, off, buf, len, n);
            len += n;
        }

        private void ensure(int n) {
            if (len + n > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
            }
        }

        @Override
        int unit(int i) {
            return buf[i];
        }

        @Override
        void find(Engine e, Spans sp, RuleScanner.Open open) {
            e.find(buf, 0, len, sp, open);
        }

        @Override
        int heldTail(Engine e) {
            return e.chars.heldTail(buf, 0, len);
        }

        @Override
        int triggerTail(Engine e) {
            return e.rules.triggerTail(java.nio.CharBuffer.wrap(buf), 0, len);
        }

        @Override
        void shift(int k) {
            if (k > 0) {
                System.arraycopy(buf, k, buf, 0, len - k);
                len -= k;
            }
        }

        @Override
        int putHeld(int n, int at, int k) {
            ensureOut(n + k);
            System.arraycopy(buf, at, outBuf, n, k);
            return n + k;
        }

        @Override
        int putMask(int n, Engine e, int owner) {
            String m = e.masks[owner];
            ensureOut(n + m.length());
            m.getChars(0, m.length(), outBuf, n);
            return n + m.length();
        }

        private void ensureOut(int need) {
            if (need > outBuf.length) {
                outBuf = Arrays.copyOf(outBuf, Math.max(outBuf.length * 2, need));
            }
        }

        @Override
        void emit(int n) throws IOException {
            out.write(outBuf, 0, n);
        }

        @Override
        void emitFailed() throws IOException {
            out.write(Engine.FAILED);
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
