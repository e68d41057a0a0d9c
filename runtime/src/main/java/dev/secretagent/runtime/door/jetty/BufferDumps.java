package dev.secretagent.runtime.door.jetty;

import dev.secretagent.runtime.http.HeaderNames;
import dev.secretagent.runtime.http.SensitiveHeaders;
import dev.secretagent.runtime.http.WeakIdentityMap;
import dev.secretagent.runtime.redact.Markers;
import dev.secretagent.runtime.redact.Redaction;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The door for clients that dump a whole I/O buffer into a debug line (Jetty's
 * {@code BufferUtil.toDetailString}: the consumed bytes, {@code <<<}, the remaining ones, {@code >>>}, the
 * stale bytes up to the capacity, each shortened to its first and last bytes; {@code toHexSummary}: hex of
 * the remaining bytes). Such a dump is made again each time the client logs the buffer (after a read, before
 * and after each parse step), so the whole buffer is redacted each time, not held back like a wire stream,
 * and the result is a buffer of the same shape (consumed / remaining / stale) for the client to format.
 *
 * <p>Why the client's truncation alone does not do: the first and last 24 bytes of a request head are the
 * tail of its last header line, e.g. {@code ...KIESECRET0123456789\r\n\r\n}, with no name in front.
 * So sensitive header values are masked before the client formats, with the header-name list of the
 * engine, and a line the buffer ends in the middle of is masked from its value on. A read can end inside a
 * sensitive value; the next read into the buffer then starts with the rest of it, nameless. The endpoint's
 * {@code fill} is hooked ({@link #enterFill}/{@link #exitFill}) to carry the unfinished last line from one
 * read to the next, per connection (per endpoint), and each buffer remembers the line it started in.
 * Known secrets are then masked by the engine in each region. Stale bytes past the limit are earlier
 * reads, cut anywhere: their printable bytes are masked.
 *
 * <p>Never throws. On an internal failure it returns a buffer holding a marker.
 */
public final class BufferDumps {
    static final String CHANNEL = "jetty:buffer";
    private static final byte[] FAILED = Markers.REDACTION_FAILED.getBytes(StandardCharsets.US_ASCII);
    /** How much of an unfinished line is carried to the next read (a name and the start of its value). */
    static final int MAX_CARRY = 256;

    private static final WeakIdentityMap<Carry> ENDPOINTS = new WeakIdentityMap<Carry>();
    private static final WeakIdentityMap<Start> BUFFERS = new WeakIdentityMap<Start>();
    private static final ThreadLocal<Fill> FILLING = new ThreadLocal<Fill>();
    /**
     * Set by the first buffer dump. Until Jetty formats a buffer (only with its debug logging on), a read costs
     * one volatile read: every Jetty server and client reads through the fill hook, and copying each read to
     * remember its last line would tax all of them for a dump nobody asked for. The price: the reads before the
     * first dump are not remembered (a client dumps its request before it reads; a server's first read is).
     */
    private static volatile boolean dumping;
    private static final Object NOT_DUMPING = new Object();

    private BufferDumps() {
    }

    /** Called as an endpoint's {@code fill(buffer)} starts: bytes after the buffer's limit are this read's. */
    public static Object enterFill(Object endpoint, ByteBuffer buffer) {
        if (!dumping) {
            return NOT_DUMPING;
        }
        try {
            Fill previous = FILLING.get();
            if (endpoint != null && buffer != null) {
                // a buffer whose bytes were all consumed is cleared by the fill: the read starts at 0
                int old = buffer.position() == buffer.limit() ? 0 : buffer.limit();
                FILLING.set(new Fill(endpoint, buffer, old, carryOf(endpoint)));
            }
            return previous;
        } catch (Throwable t) {
            return null;
        }
    }

    /** Called as the fill returns: the endpoint's stream now ends where the buffer's content ends. */
    public static void exitFill(Object previous) {
        if (previous == NOT_DUMPING) {
            return;
        }
        try {
            Fill f = FILLING.get();
            FILLING.set((Fill) previous);
            if (f == null) {
                return;
            }
            ByteBuffer b = f.buffer;
            int limit = b.limit();
            if (limit <= f.oldLimit) {
                return; // nothing read
            }
            byte[] content = bytes(b, 0, limit);
            String startCarry = f.oldLimit == 0 ? f.carry : startOf(b, content, f.oldLimit);
            BUFFERS.put(b, new Start(startCarry, limit, hash(content, limit)));
            Carry c = carryObject(f.endpoint);
            synchronized (c) {
                c.line = tail(startCarry, content, limit);
            }
        } catch (Throwable t) {
            // never break the read
        }
    }

    /**
     * The buffer to format instead of {@code buffer} in a detail dump: same position, limit and capacity
     * relations (consumed, remaining, stale), its bytes redacted. The original is not touched.
     */
    public static ByteBuffer forDetail(ByteBuffer buffer) {
        dumping = true;
        try {
            if (buffer == null) {
                return null;
            }
            int p = buffer.position();
            int l = buffer.limit();
            int c = buffer.capacity();
            byte[] content = bytes(buffer, 0, l);
            byte[] masked = maskHeaders(content, l, startCarry(buffer, content, l));
            byte[] head = Redaction.redactUtf8(masked, 0, p, CHANNEL);
            byte[] rest = Redaction.redactUtf8(masked, p, l - p, CHANNEL);
            byte[] stale = bytes(buffer, l, c);
            for (int i = 0; i < stale.length; i++) {
                if (stale[i] > ' ' && stale[i] < 0x7F) {
                    stale[i] = '*';
                }
            }
            ByteBuffer out = ByteBuffer.allocate(head.length + rest.length + stale.length);
            out.put(head).put(rest).put(stale);
            out.limit(head.length + rest.length);
            out.position(head.length);
            return out;
        } catch (Throwable t) {
            return ByteBuffer.wrap(FAILED.clone());
        }
    }

    /** The buffer to format instead of {@code buffer} in a dump of its remaining bytes (hex summaries). */
    public static ByteBuffer forRemaining(ByteBuffer buffer) {
        dumping = true;
        try {
            if (buffer == null) {
                return null;
            }
            int l = buffer.limit();
            byte[] content = bytes(buffer, 0, l);
            byte[] masked = maskHeaders(content, l, startCarry(buffer, content, l));
            int p = buffer.position();
            return ByteBuffer.wrap(Redaction.redactUtf8(masked, p, l - p, CHANNEL));
        } catch (Throwable t) {
            return ByteBuffer.wrap(FAILED.clone());
        }
    }

    // ---------------------------------------------------------------- masking

    /**
     * {@code b[0, len)} with the values of sensitive header lines replaced by a mask of the same length
     * ({@code [REDACTED***]}), so positions stay. {@code carry} is the unfinished line the bytes continue.
     */
    static byte[] maskHeaders(byte[] b, int len, String carry) {
        byte[] out = b.clone();
        int lineStart = 0;
        boolean first = true;
        while (lineStart < len) {
            int nl = indexOf(b, lineStart, len, (byte) '\n');
            int end = nl < 0 ? len : nl;
            int valueEnd = end > lineStart && b[end - 1] == '\r' ? end - 1 : end;
            String prefix = first ? carry : "";
            maskLine(prefix, b, lineStart, valueEnd, out);
            first = false;
            if (nl < 0) {
                break;
            }
            lineStart = nl + 1;
        }
        return out;
    }

    /** Masks the value part of one line ({@code prefix} + {@code b[from, to)}) in {@code out}, if sensitive. */
    private static void maskLine(String prefix, byte[] b, int from, int to, byte[] out) {
        int total = prefix.length() + (to - from);
        if (total == 0) {
            return;
        }
        byte[] line = new byte[total];
        for (int i = 0; i < prefix.length(); i++) {
            line[i] = (byte) prefix.charAt(i);
        }
        System.arraycopy(b, from, line, prefix.length(), to - from);
        int valueStart = sensitiveValueStart(line);
        if (valueStart < 0) {
            return; // not sensitive, or only part of a name so far (no value to mask yet)
        }
        int maskFrom = Math.max(from, from + valueStart - prefix.length());
        fillMask(out, maskFrom, to);
    }

    /**
     * Where the value of a sensitive header line starts ({@code Name: value}, optional blanks), or -1.
     * A line that is too short to tell yet but carries a sensitive name's prefix is not masked here.
     */
    static int sensitiveValueStart(byte[] line) {
        int colon = indexOf(line, 0, line.length, (byte) ':');
        if (colon <= 0) {
            return -1;
        }
        if (!SensitiveHeaders.mayBeSensitiveLine(line, 0, colon + 1)) {
            return -1;
        }
        int v = colon + 1;
        while (v < line.length && (line[v] == ' ' || line[v] == '\t')) {
            v++;
        }
        return v;
    }

    private static void fillMask(byte[] out, int from, int to) {
        if (to <= from) {
            return;
        }
        // the configured mask for rule id "header" ([REDACTED:header]), padded with '*' to the value's length
        // so positions stay; the engine, run on the dump afterwards, sees its own mask and leaves it alone
        byte[] mask = HeaderNames.mask("header").getBytes(StandardCharsets.UTF_8);
        int n = to - from;
        if (n < mask.length) {
            for (int i = from; i < to; i++) {
                out[i] = '*';
            }
        } else {
            System.arraycopy(mask, 0, out, from, mask.length);
            for (int i = from + mask.length; i < to; i++) {
                out[i] = '*';
            }
        }
        Redaction.notifyMasked("header", CHANNEL);
    }

    // ---------------------------------------------------------------- carried lines

    /** The unfinished line this buffer's content starts in ("" if it starts a line or is unknown). */
    private static String startCarry(ByteBuffer buffer, byte[] content, int limit) {
        Fill f = FILLING.get();
        if (f != null && f.buffer == buffer) {
            return f.oldLimit == 0 ? f.carry : startOf(buffer, content, f.oldLimit);
        }
        Start s = BUFFERS.get(buffer);
        if (s != null && s.limit == limit && s.hash == hash(content, limit)) {
            return s.carry;
        }
        if (s != null && limit > s.limit && s.hash == hash(content, s.limit)) {
            return s.carry; // more bytes appended to the same content
        }
        if (f != null) {
            // a buffer of its own, dumped while a fill of another is under way on this thread: over TLS, Jetty's
            // SslEndPoint.fill(buffer) unwraps into a decrypted buffer of its own and logs it ("unwrap ...
            // unwrapBuffer={<<<...>>>}") before copying into the caller's. Its bytes continue the connection's
            // plaintext right after what the caller's buffer already holds, so they start in that line. (The
            // decrypted buffer comes from a pool and may have been a network buffer before: a stale state
            // whose content no longer matches does not count.)
            return streamCarry(f);
        }
        return "";
    }

    /** The unfinished line the bytes a fill brings start in: the endpoint's, after the buffer's unread content. */
    private static String streamCarry(Fill f) {
        if (f.oldLimit == 0) {
            return f.carry;
        }
        byte[] before = bytes(f.buffer, 0, f.oldLimit);
        return tail(startOf(f.buffer, before, f.oldLimit), before, f.oldLimit);
    }

    /** The start state of a buffer whose first {@code oldLimit} bytes were there before this read. */
    private static String startOf(ByteBuffer buffer, byte[] content, int oldLimit) {
        Start s = BUFFERS.get(buffer);
        if (s != null && s.limit == oldLimit && s.hash == hash(content, oldLimit)) {
            return s.carry;
        }
        return "";
    }

    /** The unfinished last line of {@code carry} + {@code content[0, len)}, at most MAX_CARRY chars. */
    static String tail(String carry, byte[] content, int len) {
        int nl = -1;
        for (int i = len - 1; i >= 0; i--) {
            if (content[i] == '\n') {
                nl = i;
                break;
            }
        }
        String last = new String(content, nl + 1, len - nl - 1, StandardCharsets.ISO_8859_1);
        String line = nl < 0 ? carry + last : last;
        return line.length() > MAX_CARRY ? line.substring(0, MAX_CARRY) : line;
    }

    private static String carryOf(Object endpoint) {
        Carry c = ENDPOINTS.get(endpoint);
        if (c == null) {
            return "";
        }
        synchronized (c) {
            return c.line;
        }
    }

    private static Carry carryObject(Object endpoint) {
        return ENDPOINTS.computeIfAbsent(endpoint, new WeakIdentityMap.Factory<Carry>() {
            @Override
            public Carry create() {
                return new Carry();
            }
        });
    }

    // ---------------------------------------------------------------- helpers

    private static byte[] bytes(ByteBuffer buffer, int from, int to) {
        byte[] b = new byte[Math.max(0, to - from)];
        ByteBuffer d = buffer.duplicate(); // reads through a duplicate: the buffer's position and limit stay
        d.limit(d.capacity());
        for (int i = 0; i < b.length; i++) {
            b[i] = d.get(from + i);
        }
        return b;
    }

    private static int hash(byte[] b, int len) {
        int h = len;
        for (int i = 0; i < len && i < b.length; i++) {
            h = 31 * h + b[i];
        }
        return h;
    }

    private static int indexOf(byte[] b, int from, int to, byte x) {
        for (int i = from; i < to; i++) {
            if (b[i] == x) {
                return i;
            }
        }
        return -1;
    }

    /** A connection's unfinished last line. */
    private static final class Carry {
        String line = "";
    }

    /** What a buffer's content started in, and which content that was. */
    private static final class Start {
        final String carry;
        final int limit;
        final int hash;

        Start(String carry, int limit, int hash) {
            this.carry = carry;
            this.limit = limit;
            this.hash = hash;
        }
    }

    /** A fill in progress on this thread. */
    private static final class Fill {
        final Object endpoint;
        final ByteBuffer buffer;
        final int oldLimit;
        final String carry;

        Fill(Object endpoint, ByteBuffer buffer, int oldLimit, String carry) {
            this.endpoint = endpoint;
            this.buffer = buffer;
            this.oldLimit = oldLimit;
            this.carry = carry;
        }
    }
}
