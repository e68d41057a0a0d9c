package dev.secretagent.runtime.door.netty;

import dev.secretagent.runtime.http.WireStreams;

/**
 * The door for Netty's wire log ({@code LoggingHandler} and Reactor Netty's subclass): called with a message's
 * readable bytes before the handler formats them as hex rows or text. The connection is the channel; the
 * direction names the event and the handler (two handlers on one channel each see every byte). State per
 * connection and direction is {@link WireStreams}'.
 *
 * <p>Never throws. On an internal failure it returns a marker instead of the bytes.
 */
public final class NettyWire {
    private static final WireStreams STREAMS = new WireStreams();

    private NettyWire() {
    }

    /** The bytes to format instead of {@code b[off, off+len)}; may be empty (all held back for now). */
    public static byte[] redact(Object channel, String direction, byte[] b, int off, int len, String logChannel) {
        return STREAMS.redact(channel, direction, b, off, len, logChannel);
    }
}
