package dev.secretagent.runtime.http;

import dev.secretagent.runtime.redact.Markers;

import java.nio.charset.StandardCharsets;

/**
 * The wire-log state of one client's door (Apache HttpClient 4 and 5, Netty): one {@link WireRedactor} per
 * connection and per direction, kept weakly, so a header value split across two socket reads is still seen
 * whole. The connection is whatever object stands for it in the client (the logger's per-connection instance, a
 * channel); the direction is the marker the logger itself uses ({@code ">> "}, {@code "<< "}). Each door holds its
 * own instance; they share this logic, not their state.
 *
 * <p>Never throws. On an internal failure it returns a marker instead of the bytes.
 */
public final class WireStreams {
    private static final byte[] FAILED = Markers.REDACTION_FAILED.getBytes(StandardCharsets.US_ASCII);

    private final WeakIdentityMap<Directions> connections = new WeakIdentityMap<Directions>();

    /** The bytes to dump instead of {@code b[off, off+len)}; may be empty (all held back for now). */
    public byte[] redact(Object connection, String direction, byte[] b, int off, int len, String channel) {
        try {
            if (b == null) {
                return null;
            }
            return redactor(connection, direction, channel).next(b, off, len);
        } catch (Throwable t) {
            return failed();
        }
    }

    /** The fail-closed marker, a fresh array each time (the caller may hand it on to be modified). */
    public static byte[] failed() {
        return FAILED.clone();
    }

    private WireRedactor redactor(Object connection, String direction, final String channel) {
        Directions d = connections.computeIfAbsent(connection, new WeakIdentityMap.Factory<Directions>() {
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
