package dev.secretagent.runtime.redact;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The engine's hold-back over bytes for a stream a door writes through itself (the last-line net's log files and
 * console descriptors): bytes are redacted as they come, a secret split across two writes is masked whole, and what
 * is held is let out on {@link #drain}. Not thread-safe: the door writes under its own monitor.
 */
public final class StreamHoldBack {
    private final RedactingOutputStream.Bytes held;

    /** Redacted bytes go to {@code sink}; redactions are reported on {@code channel}. */
    public StreamHoldBack(OutputStream sink, String channel) {
        this.held = new RedactingOutputStream.Bytes(sink, channel);
    }

    /**
     * Writes {@code b[off, off+len)}, redacted; what may be the start of a secret is held for the next write.
     * Bytes a hook has just redacted on this thread ({@link AlreadyRedacted}) go straight to the sink when nothing is
     * held: a buffered appender's copy of its lines is not scanned twice.
     */
    public void write(byte[] b, int off, int len) throws IOException {
        if (held.idle() && (off | len | (b.length - off - len)) >= 0 && AlreadyRedacted.takeCopy(b, off, len)) {
            held.out.write(b, off, len);
            return;
        }
        held.write(b, b.length, off, len);
    }

    /**
     * Lets out what is held but a known secret's first characters (a console's write is also a flush); with
     * {@code closing}, everything (the stream closes or the JVM exits).
     */
    public void drain(boolean closing) throws IOException {
        held.drain(true, closing);
    }

    /** Whether nothing is held. */
    public boolean isEmpty() {
        return held.len == 0;
    }
}
