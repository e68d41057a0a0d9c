package dev.secretagent.runtime.redact;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * Streaming redactor for UTF-8 bytes (System.out/err, appenders' streams). What it holds back between
 * writes, and what flush and close emit, is decided by {@link HoldBackRedactor}; this class only says how
 * bytes are searched and written. Thread-safe like PrintStream: every method is synchronized on the stream.
 */
final class RedactingOutputStream extends OutputStream implements ExitDrain.Drainable {
    private final Bytes held;

    RedactingOutputStream(OutputStream out, String channel) {
        this.held = new Bytes(out, channel);
        ExitDrain.register(this);
    }

    /** At exit: what is held (a last write's tail that may be a secret's start) is written, redacted, and flushed. */
    @Override
    public synchronized void drainAtExit() {
        try {
            held.drain(true, true);
            held.flushOut();
        } catch (Throwable t) {
            // the stream underneath is gone: nothing more to do at exit
        }
    }

    @Override
    public synchronized void write(int b) throws IOException {
        held.ensure(1);
        ((byte[]) held.buf)[held.len++] = (byte) b;
        held.drain(false, false);
    }

    @Override
    public synchronized void write(byte[] b, int off, int n) throws IOException {
        // taken first: the mark is used up whatever the state. A copy counts (JUL's ConsoleHandler encodes its hook's
        // text into its own array): equal bytes to what a hook just redacted are clean whatever array holds them
        if (AlreadyRedacted.takeNewest(b, off, n) && held.idle()) {
            held.out.write(b, off, n);
            return;
        }
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

    /** Held bytes; the rules see them as Latin-1 chars, so positions stay byte positions. */
    static final class Bytes extends HoldBackRedactor {
        final OutputStream out;

        Bytes(OutputStream out, String channel) {
            super(channel, new byte[256], new byte[256], 256);
            this.out = out;
        }

        @Override
        int unit(int i) {
            return ((byte[]) buf)[i] & 0xFF;
        }

        @Override
        void find(Engine e, Spans sp, RuleScanner.Open open) {
            e.find((byte[]) buf, 0, len, sp, open);
        }

        @Override
        int heldTail(Engine e, boolean escape) {
            return e.heldTail((byte[]) buf, 0, len, escape);
        }

        @Override
        int triggerTail(Engine e) {
            return e.rules.triggerTail(new RuleScanner.Latin1((byte[]) buf), 0, len);
        }

        @Override
        Object copyOf(Object array, int n) {
            return Arrays.copyOf((byte[]) array, n);
        }

        @Override
        int maskLength(Engine e, int owner) {
            return e.maskBytes[owner].length;
        }

        @Override
        int putMask(int n, Engine e, int owner) {
            byte[] m = e.maskBytes[owner];
            System.arraycopy(m, 0, outBuf, n, m.length);
            return n + m.length;
        }

        @Override
        void emit(int n) throws IOException {
            out.write((byte[]) outBuf, 0, n);
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
