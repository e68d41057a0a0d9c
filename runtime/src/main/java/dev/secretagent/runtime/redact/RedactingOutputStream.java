package dev.secretagent.runtime.redact;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * Streaming redactor for UTF-8 bytes (System.out/err, appenders' streams). What it holds back between
 * writes, and what flush and close emit, is decided by {@link HoldBackRedactor}; this class only keeps the
 * bytes. Thread-safe like PrintStream: every method is synchronized on the stream.
 */
final class RedactingOutputStream extends OutputStream {
    private final Bytes held;

    RedactingOutputStream(OutputStream out, String channel) {
        this.held = new Bytes(out, channel);
    }

    @Override
    public synchronized void write(int b) throws IOException {
        held.append(b);
        held.drain(false, false);
    }

    @Override
    public synchronized void write(byte[] b, int off, int n) throws IOException {
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

    /** The held bytes, seen by the rules as Latin-1 chars (positions stay byte positions). */
    private static final class Bytes extends HoldBackRedactor {
        private final OutputStream out;
        private byte[] buf = new byte[256];
        private byte[] outBuf = new byte[256];

        Bytes(OutputStream out, String channel) {
            super(channel);
            this.out = out;
        }

        void append(int b) {
            ensure(1);
            buf[len++] = (byte) b;
        }

        void append(byte[] b, int off, int n) {
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
            return buf[i] & 0xFF;
        }

        @Override
        void find(Engine e, Spans sp, RuleScanner.Open open) {
            e.find(buf, 0, len, sp, open);
        }

        @Override
        int heldTail(Engine e) {
            return e.bytes.heldTail(buf, 0, len);
        }

        @Override
        int triggerTail(Engine e) {
            return e.rules.triggerTail(new RuleScanner.Latin1(buf), 0, len);
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
            return put(n, buf, at, k);
        }

        @Override
        int putMask(int n, Engine e, int owner) {
            byte[] m = e.maskBytes[owner];
            return put(n, m, 0, m.length);
        }

        private int put(int n, byte[] src, int off, int k) {
            if (n + k > outBuf.length) {
                outBuf = Arrays.copyOf(outBuf, Math.max(outBuf.length * 2, n + k));
            }
            System.arraycopy(src, off, outBuf, n, k);
            return n + k;
        }

        @Override
        void emit(int n) throws IOException {
            out.write(outBuf, 0, n);
        }

        @Override
        void emitFailed() throws IOException {
            out.write(Engine.FAILED_BYTES);
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
