package dev.secretagent.runtime.http;

import dev.secretagent.runtime.redact.Markers;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The door for HTTP clients' wire loggers (Apache HttpClient 4 and 5, classic and async): called with
 * the bytes a wire logger is about to dump, before it formats them as quoted text or hex rows, with the
 * object that stands for the connection (the logger's per-connection instance) and the direction
 * marker the logger itself uses ({@code ">> "}, {@code "<< "}). State is kept per connection and per
 * direction, weakly, so a header value split across two socket reads is still seen whole.
 *
 * <p>Never throws. On an internal failure it returns a marker instead of the bytes.
 */
public final class WireLogs {
    private static final byte[] FAILED = Markers.REDACTION_FAILED.getBytes(StandardCharsets.US_ASCII);
    private static final WeakIdentityMap<Directions> CONNECTIONS = new WeakIdentityMap<Directions>();

    private WireLogs() {
    }

    /** The bytes to dump instead of {@code b[off, off+len)}; may be empty (all held back for now). */
    public static byte[] redact(Object connection, String direction, byte[] b, int off, int len, String channel) {
        try {
            if (b == null) {
                return null;
            }
            return redactor(connection, direction, channel).next(b, off, len);
        } catch (Throwable t) {
            return FAILED.clone();
        }
    }

    /** The ByteBuffer variant: reads {@code data}'s remaining bytes without moving its position. */
    public static ByteBuffer redact(Object connection, String direction, ByteBuffer data, String channel) {
        try {
            if (data == null) {
                return null;
            }
            ByteBuffer d = data.duplicate();
            byte[] b = new byte[d.remaining()];
            d.get(b);
            return ByteBuffer.wrap(redactor(connection, direction, channel).next(b, 0, b.length));
        } catch (Throwable t) {
            return ByteBuffer.wrap(FAILED.clone());
        }
    }

    /** The InputStream variant (Apache HttpClient 4's Wire reads the record from a stream). */
    public static InputStream redact(Object connection, String direction, InputStream in, String channel) {
        try {
            if (in == null) {
                return null;
            }
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            byte[] chunk = new byte[4096];
            int n;
            while ((n = in.read(chunk)) > 0) {
                buf.write(chunk, 0, n);
            }
            byte[] b = buf.toByteArray();
            return new ByteArrayInputStream(redactor(connection, direction, channel).next(b, 0, b.length));
        } catch (Throwable t) {
            return new ByteArrayInputStream(FAILED.clone());
        }
    }

    /** Number of connections with live state (tests). */
    static int connections() {
        return CONNECTIONS.size();
    }

    private static WireRedactor redactor(Object connection, String direction, final String channel) {
        Directions d = CONNECTIONS.computeIfAbsent(connection, new WeakIdentityMap.Factory<Directions>() {
            @Override
            public Directions create() {
                return new Directions(channel);
            }
        });
        return d.of(direction);
    }

    /** A connection's two directions; any other marker gets its own state too. */
    private static final class Directions {
        private final String channel;
        private final java.util.Map<String, WireRedactor> byMarker = new java.util.HashMap<String, WireRedactor>(4);

        Directions(String channel) {
            this.channel = channel;
        }

        synchronized WireRedactor of(String direction) {
            String key = direction == null ? "" : direction.trim();
            WireRedactor r = byMarker.get(key);
            if (r == null) {
                r = new WireRedactor(channel);
                byMarker.put(key, r);
            }
            return r;
        }
    }
}
