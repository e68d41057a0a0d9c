package dev.secretagent.runtime.redact;

import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;

/**
 * Streaming redactor for chars (the Writer twin of RedactingOutputStream; same hold-back rules). Between writes it holds back
 * only what could still turn into something to redact once more bytes arrive:
 * <ul>
 * <li>the longest tail that is a proper prefix of a registered form (secret {@code abac}, writes
 * {@code aba} + {@code bac}: {@code aba} is held, then {@code ab} is emitted and {@code abac} masked);</li>
 * <li>on {@link #write} only (not on flush): a name rule or detector whose value runs into the end of the
 * buffer ({@code Authorization: Bearer ab|c...}) and a tail that may be the start of a name.</li>
 * </ul>
 * {@link #flush} emits everything except the first kind, so a prompt printed without a newline appears
 * at once (unless it ends in the first characters of a secret form: then those few bytes wait for the next
 * write or close). A name-rule value cut by a flush is masked up to the flush, and the rest of that value
 * in the next write is swallowed (the mask was already written). {@link #close} emits the rest.
 * Thread-safe like PrintStream: every method is synchronized on the stream.
 */
final class RedactingWriter extends Writer {
    /** Longest hold for name rules (one enormous unterminated line must not be buffered forever). */
    static final int MAX_RULE_HOLD = 64 * 1024;

    private final Writer out;
    private final String channel;
    private char[] buf = new char[256];
    private int len;
    private char[] outBuf = new char[256];
    private final Spans spans = new Spans();
    private final RuleScanner.Open open = new RuleScanner.Open();
    /** After a flush cut a name-rule value: 0 none, 1 swallow to the end of the value word, 2 to the end of line. */
    private int swallow;
    private boolean closed;

    RedactingWriter(Writer out, String channel) {
        this.out = out;
        this.channel = channel;
    }

    @Override
    public synchronized void write(int b) throws IOException {
        ensure(1);
        buf[len++] = (char) b;
        drain(false, false);
    }

    @Override
    public synchronized void write(char[] b, int off, int n) throws IOException {
        if ((off | n | (b.length - off - n)) < 0) {
            throw new IndexOutOfBoundsException();
        }
        if (n == 0) {
            return;
        }
        ensure(n);
        System.arraycopy(b, off, buf, len, n);
        len += n;
        drain(false, false);
    }

    @Override
    public synchronized void flush() throws IOException {
        drain(true, false);
        out.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            drain(true, true);
            out.flush();
        } finally {
            out.close();
        }
    }

    private void ensure(int n) {
        if (len + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
        }
    }

    private void drain(boolean flushing, boolean closing) throws IOException {
        if (len == 0) {
            return;
        }
        int emitted = 0;
        int cut;
        try {
            if (swallow != 0) {
                int i = 0;
                while (i < len && !endsSwallow(buf[i])) {
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
            open.from = Integer.MAX_VALUE;
            e.find(buf, 0, len, sp, open);
            cut = closing ? len : len - e.chars.heldTail(buf, 0, len);
            if (!flushing) {
                int ruleCut = Math.min(open.from, len - e.rules.triggerTail(java.nio.CharBuffer.wrap(buf), 0, len));
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
                n = put(n, buf, at, sp.gStart[g] - at);
                char[] m = e.masks[sp.gOwner[g]].toCharArray();
                n = put(n, m, 0, m.length);
                at = sp.gEnd[g];
                if (at == len && flushing && !closing && open.from < len && e.ids[sp.gOwner[g]].indexOf(':') > 0) {
                    swallow = e.ids[sp.gOwner[g]].startsWith("header:") ? 2 : 1;
                }
            }
            n = put(n, buf, at, cut - at);
            if (groups > 0) {
                e.notify(sp, groups, channel);
            }
            out.write(outBuf, 0, n);
            emitted = cut;
        } catch (IOException io) {
            throw io;
        } catch (Throwable t) {
            // fail closed: the marker instead of bytes we could not check
            len = 0;
            out.write(Engine.FAILED);
            return;
        }
        shift(emitted);
    }

    private boolean endsSwallow(char b) {
        if (swallow == 2) {
            return b == '\r' || b == '\n' || b == '"';
        }
        return b <= ' ' || b == ',' || b == ';' || b == '&' || b == '"' || b == '\'' || b == '}' || b == ']'
                || b == ')' || b == '<' || b == '>';
    }

    private void shift(int k) {
        if (k > 0) {
            System.arraycopy(buf, k, buf, 0, len - k);
            len -= k;
        }
    }

    private int put(int n, char[] src, int off, int k) {
        if (n + k > outBuf.length) {
            outBuf = Arrays.copyOf(outBuf, Math.max(outBuf.length * 2, n + k));
        }
        System.arraycopy(src, off, outBuf, n, k);
        return n + k;
    }
}
