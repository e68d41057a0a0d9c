package dev.secretagent.runtime.door.apachehttp5;

import dev.secretagent.runtime.http.WireStreams;

import java.nio.ByteBuffer;

/**
 * The door for Apache HttpClient 5's wire logs: the classic {@code Wire} hands it a record's bytes, the async
 * {@code LoggingIOSession} a buffer, before either formats them as quoted text or hex rows. The connection is the
 * logger's per-connection instance; the state per connection and direction is {@link WireStreams}'.
 *
 * <p>Never throws. On an internal failure it returns a marker instead of the bytes.
 */
public final class ApacheHttp5Wire {
    private static final WireStreams STREAMS = new WireStreams();

    private ApacheHttp5Wire() {
    }

    /** The bytes to dump instead of {@code b[off, off+len)}; may be empty (all held back for now). */
    public static byte[] redact(Object connection, String direction, byte[] b, int off, int len, String channel) {
        return STREAMS.redact(connection, direction, b, off, len, channel);
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
            return ByteBuffer.wrap(STREAMS.redact(connection, direction, b, 0, b.length, channel));
        } catch (Throwable t) {
            return ByteBuffer.wrap(WireStreams.failed());
        }
    }
}
