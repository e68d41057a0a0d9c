package dev.secretagent.runtime.redact;

import java.io.IOException;

/**
 * The hold-back decisions shared by {@link RedactingOutputStream} (UTF-8 bytes) and {@link HoldBackWriter}
 * (chars). Between writes it holds back only what could still turn into something to redact once more
 * units arrive:
 * <ul>
 * <li>the longest tail that is a proper prefix of a registered form (secret {@code abac}, writes
 * {@code aba} + {@code bac}: {@code aba} is held, then {@code ab} is emitted and {@code abac} masked);</li>
 * <li>on write only (not on flush): a name rule or detector whose value runs into the end of the
 * buffer ({@code Authorization: Bearer ab|c...}) and a tail that may be the start of a name.</li>
 * </ul>
 * A flush emits everything except the first kind, so a prompt printed without a newline appears
 * at once (unless it ends in the first characters of a secret form: then those few units wait for the next
 * write or close). A name-rule value cut by a flush is masked up to the flush, and the rest of that value
 * in the next write is swallowed (the mask was already written). Close emits the rest.
 *
 * <p>The buffers are primitive arrays ({@code byte[]} or {@code char[]}, held as {@link Object} so that
 * {@link System#arraycopy} serves both: no boxing, no per-write copy beyond appending). Subclasses only
 * know how to search and measure them and write masks and output; every decision is here. Not
 * thread-safe on its own: the owning stream or writer calls it under its own monitor.
 */
abstract class HoldBackRedactor {
    /** Longest hold for name rules (one enormous unterminated line must not be buffered forever). */
    static final int MAX_RULE_HOLD = 64 * 1024;

    private final String channel;
    /** The held units, {@code [0, len)}: a {@code byte[]} or a {@code char[]}. */
    Object buf;
    int len;
    /** The length of {@code buf} (kept here: the array's type is not known to this class). */
    private int cap;
    /** What one drain emits: held units and masks. Same array type as {@code buf}. */
    Object outBuf;
    private int outCap;
    private final Spans spans = new Spans();
    private final RuleScanner.Open open = new RuleScanner.Open();
    /** After a flush cut a name-rule value: 0 none, 1 swallow to the end of the value word, 2 to the end of line. */
    private int swallow;
    private boolean closed;

    /** {@code buf} and {@code outBuf}: empty arrays of this kind, {@code cap} units long. */
    HoldBackRedactor(String channel, Object buf, Object outBuf, int cap) {
        this.channel = channel;
        this.buf = buf;
        this.outBuf = outBuf;
        this.cap = cap;
        this.outCap = cap;
    }

    // ------------------------------------------------------------ what a buffer kind knows

    /** The held unit at {@code i} as an unsigned value (a byte as 0..255, a char as itself). */
    abstract int unit(int i);

    /** Known-secret forms and rules over the held units. */
    abstract void find(Engine e, Spans sp, RuleScanner.Open open);

    /**
     * Length of the longest held tail that is a proper prefix of a registered form, also split by escape sequences
     * when {@code escape} (the last {@link #find} saw an ESC in the held units).
     */
    abstract int heldTail(Engine e, boolean escape);

    /** Length of the longest held tail that may be the start of a rule's name. */
    abstract int triggerTail(Engine e);

    /** A copy of {@code array} (of this kind) grown to {@code n} units. */
    abstract Object copyOf(Object array, int n);

    /** Appends the mask of {@code owner} to the output buffer at {@code n} (grown by the caller); returns n + its length. */
    abstract int putMask(int n, Engine e, int owner);

    /** Length of the mask of {@code owner}, in units. */
    abstract int maskLength(Engine e, int owner);

    /** Writes the first {@code n} units of the output buffer downstream. */
    abstract void emit(int n) throws IOException;

    /** Writes the fail-closed marker downstream. */
    abstract void emitFailed() throws IOException;

    abstract void flushOut() throws IOException;

    abstract void closeOut() throws IOException;

    /** Nothing held, nothing to swallow, open: a write may go straight through without changing any decision. */
    final boolean idle() {
        return len == 0 && swallow == 0 && !closed;
    }

    // ------------------------------------------------------------ buffers

    /** Makes room for {@code n} more held units. */
    final void ensure(int n) {
        if (len + n > cap) {
            int grown = Math.max(cap * 2, len + n);
            buf = copyOf(buf, grown); // before cap: if the copy fails, buf and cap still agree
            cap = grown;
        }
    }

    /**
     * The body of {@code write(array, off, n)}: {@code src} is an array of this kind, {@code srcLength} its
     * length (checked here, as OutputStream and Writer do, before anything is held).
     */
    final void write(Object src, int srcLength, int off, int n) throws IOException {
        if ((off | n | (srcLength - off - n)) < 0) {
            throw new IndexOutOfBoundsException();
        }
        if (n == 0) {
            return;
        }
        ensure(n);
        System.arraycopy(src, off, buf, len, n);
        len += n;
        drain(false, false);
    }

    /** Drops the first {@code k} held units. */
    private void shift(int k) {
        if (k > 0) {
            System.arraycopy(buf, k, buf, 0, len - k);
            len -= k;
        }
    }

    /** Makes room for {@code need} units in the output buffer. */
    private void ensureOut(int need) {
        if (need > outCap) {
            int grown = Math.max(outCap * 2, need);
            outBuf = copyOf(outBuf, grown);
            outCap = grown;
        }
    }

    /** Appends held units [at, at + k) to the output buffer at {@code n}; returns the new output length. */
    private int putHeld(int n, int at, int k) {
        ensureOut(n + k);
        System.arraycopy(buf, at, outBuf, n, k);
        return n + k;
    }

    // ------------------------------------------------------------ decisions

    final void flush() throws IOException {
        drain(true, false);
        flushOut();
    }

    final void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            drain(true, true);
            flushOut();
        } finally {
            closeOut();
        }
    }

    final void drain(boolean flushing, boolean closing) throws IOException {
        if (len == 0) {
            return;
        }
        int emitted = 0;
        int cut;
        try {
            if (swallow != 0) {
                int i = 0;
                while (i < len && !endsSwallow(unit(i))) {
                    i++;
                }
                if (i < len || flushing) {
                    swallow = 0;
                }
                shift(i);
                if (len == 0) {
                    return;
                }
            }
            Engine e = Redaction.engine();
            Spans sp = spans;
            sp.clear();
            open.reset();
            find(e, sp, open);
            cut = closing ? len : len - heldTail(e, open.escape);
            if (!flushing) {
                int tail = len - triggerTail(e);
                // a tail held because it may start a token is moot where it lies in a match already found (a
                // detector's value after its name): held, that value would reach the next write without its name
                for (int i = 0; i < sp.size; i++) {
                    if (sp.start[i] <= tail && tail < sp.end[i]) {
                        tail = sp.end[i];
                        i = -1;
                    }
                }
                int ruleCut = Math.min(open.from, tail);
                if (len - ruleCut <= MAX_RULE_HOLD) {
                    cut = Math.min(cut, ruleCut);
                }
            }
            int groups = 0;
            if (sp.size > 0) {
                sp.merge(e.secretOwners);
                int g = sp.groupStraddling(cut);
                if (g >= 0) {
                    // A known secret straddling the cut waits whole for the next write. A name-rule value is
                    // masked now: its name ("Authorization: Bearer ") is in this buffer, and once emitted the
                    // held value would reach the next drain with no name in front of it, and leak.
                    cut = e.ids[sp.gOwner[g]].indexOf(':') > 0 ? sp.gEnd[g] : sp.gStart[g];
                }
                while (groups < sp.groups && sp.gEnd[groups] <= cut) {
                    groups++;
                }
            }
            int n = 0;
            int at = 0;
            for (int g = 0; g < groups; g++) {
                n = putHeld(n, at, sp.gStart[g] - at);
                ensureOut(n + maskLength(e, sp.gOwner[g]));
                n = putMask(n, e, sp.gOwner[g]);
                at = sp.gEnd[g];
                if (at == len && flushing && !closing && open.from < len && e.ids[sp.gOwner[g]].indexOf(':') > 0) {
                    swallow = e.ids[sp.gOwner[g]].startsWith("header:") ? 2 : 1;
                }
            }
            n = putHeld(n, at, cut - at);
            if (groups > 0) {
                e.notify(sp, groups, channel);
            }
            emit(n);
            emitted = cut;
        } catch (IOException io) {
            throw io;
        } catch (Throwable t) {
            // fail closed: the marker instead of units we could not check
            len = 0;
            emitFailed();
            return;
        }
        shift(emitted);
    }

    /** {@code u} is unsigned, so a UTF-8 lead or continuation byte (0x80..0xFF) never ends a word. */
    private boolean endsSwallow(int u) {
        if (swallow == 2) {
            return u == '\r' || u == '\n' || u == '"';
        }
        return u <= ' ' || u == ',' || u == ';' || u == '&' || u == '"' || u == '\'' || u == '}' || u == ']'
                || u == ')' || u == '<' || u == '>';
    }
}
