package dev.secretagent.runtime.http;

import dev.secretagent.runtime.redact.Redaction;

/**
 * One direction of one connection as a wire logger sees it: the records it is handed are socket reads
 * and writes, and a header line can be split across two of them ({@code "Set-Cookie: sess=ab"} then
 * {@code "c123\r\n"}). Redacting record by record would let the second half through, since the engine
 * sees a value with no name in front. So the redactor holds back the unfinished last line of a record
 * while it is, or may still become, a sensitive header line, and hands it to the engine once the line
 * is complete. Likewise a record that ends in the first bytes of a known secret's form (a token in a body, cut
 * by the socket read) holds those few bytes until the next record shows whether the secret follows. Every
 * other byte is passed on at once (redacted for known secrets), so a dump of a body or of ordinary headers
 * is neither delayed nor reshaped. The bytes returned are what the logger should dump, as text or as hex
 * rows alike: the hex is made from bytes already redacted.
 */
public final class WireRedactor {
    /** A held line longer than this is let out (its value masked by the engine, the rest dropped). */
    static final int MAX_HOLD = 16 * 1024;
    private static final byte[] EMPTY = new byte[0];
    private static final byte[] CUT = "[REDACTED:header-continued]".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final String channel;
    private byte[] held = EMPTY;
    /** Whether the held bytes start a line (a held header line does; the held start of a secret may not). */
    private boolean heldAtLineStart;
    /** Whether the next byte handed in starts a line (when nothing is held). */
    private boolean atLineStart = true;
    /** A sensitive line longer than MAX_HOLD was let out: drop its remaining bytes up to the line's end. */
    private boolean droppingToEol;

    public WireRedactor(String channel) {
        this.channel = channel;
    }

    /** The bytes to dump for the record {@code b[off, off+len)}; empty when all of it is held back. */
    public synchronized byte[] next(byte[] b, int off, int len) {
        if (len <= 0) {
            return EMPTY;
        }
        int start = off;
        int end = off + len;
        byte[] prefix = EMPTY;
        if (droppingToEol) {
            int nl = indexOf(b, start, end, (byte) '\n');
            if (nl < 0) {
                return EMPTY;
            }
            droppingToEol = false;
            atLineStart = true;
            prefix = CUT;
            // keep the line end itself, so the dump stays line-shaped
            start = nl > start && b[nl - 1] == '\r' ? nl - 1 : nl;
        }
        byte[] all;
        int from;
        int to;
        boolean lineStart;
        if (held.length == 0) {
            all = b;
            from = start;
            to = end;
            lineStart = atLineStart;
        } else {
            all = new byte[held.length + (end - start)];
            System.arraycopy(held, 0, all, 0, held.length);
            System.arraycopy(b, start, all, held.length, end - start);
            from = 0;
            to = all.length;
            lineStart = heldAtLineStart;
            held = EMPTY;
        }
        int lastNl = lastIndexOf(all, from, to, (byte) '\n');
        int tail = lastNl < 0 ? from : lastNl + 1;
        int emitEnd = to;
        if (tail < to && (lastNl >= 0 || lineStart) && SensitiveHeaders.mayBeSensitiveLine(all, tail, to)) {
            if (to - tail < MAX_HOLD) {
                held = copy(all, tail, to);
                heldAtLineStart = true;
                emitEnd = tail;
            } else {
                droppingToEol = true;
            }
        }
        if (held.length == 0 && !droppingToEol) {
            int k = Redaction.pendingSecretStart(all, from, emitEnd);
            if (k > 0) {
                held = copy(all, emitEnd - k, emitEnd);
                emitEnd -= k;
                heldAtLineStart = emitEnd == from ? lineStart : all[emitEnd - 1] == '\n';
            }
        }
        if (emitEnd > from) {
            atLineStart = all[emitEnd - 1] == '\n';
        }
        byte[] out = emitEnd > from ? redact(all, from, emitEnd) : EMPTY;
        return prefix.length == 0 ? out : concat(prefix, out);
    }

    /** What is still held back (a sensitive line the connection never finished), redacted; then empty. */
    public synchronized byte[] flush() {
        if (held.length == 0) {
            return EMPTY;
        }
        byte[] h = held;
        held = EMPTY;
        atLineStart = true;
        heldAtLineStart = false;
        return redact(h, 0, h.length);
    }

    /** Bytes currently held back (for tests and diagnostics). */
    synchronized int heldBytes() {
        return held.length;
    }

    private byte[] redact(byte[] b, int from, int to) {
        byte[] r = Redaction.redactUtf8(b, from, to - from, channel);
        if (r == b && (from != 0 || to != b.length)) {
            return copy(b, from, to);
        }
        return r;
    }

    private static int indexOf(byte[] b, int from, int to, byte v) {
        for (int i = from; i < to; i++) {
            if (b[i] == v) {
                return i;
            }
        }
        return -1;
    }

    private static int lastIndexOf(byte[] b, int from, int to, byte v) {
        for (int i = to - 1; i >= from; i--) {
            if (b[i] == v) {
                return i;
            }
        }
        return -1;
    }

    private static byte[] copy(byte[] b, int from, int to) {
        byte[] c = new byte[to - from];
        System.arraycopy(b, from, c, 0, c.length);
        return c;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = new byte[a.length + b.length];
        System.arraycopy(a, 0, c, 0, a.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
