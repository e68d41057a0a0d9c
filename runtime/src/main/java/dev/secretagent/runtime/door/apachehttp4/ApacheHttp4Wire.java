package dev.secretagent.runtime.door.apachehttp4;

import dev.secretagent.runtime.http.WireStreams;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;

/**
 * The door for Apache HttpClient 4's wire log: its {@code Wire} reads each record from a stream before it formats
 * it as quoted text. The connection is the logger's per-connection instance; the state per connection and
 * direction is {@link WireStreams}'.
 *
 * <p>Never throws. On an internal failure it returns a marker instead of the bytes.
 */
public final class ApacheHttp4Wire {
    private static final WireStreams STREAMS = new WireStreams();

    private ApacheHttp4Wire() {
    }

    /** The record to dump instead of what {@code in} holds; may be empty (all held back for now). */
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
            return new ByteArrayInputStream(STREAMS.redact(connection, direction, b, 0, b.length, channel));
        } catch (Throwable t) {
            return new ByteArrayInputStream(WireStreams.failed());
        }
    }
}
