package dev.secretagent.runtime.door.jul;

import dev.secretagent.runtime.logging.CallChannel;
import dev.secretagent.runtime.logging.LogChannels;

/**
 * The door java.util.logging's adapter ({@code instrument/jul/}) calls: a StreamHandler's writer is wrapped once in a
 * {@link JulHandlerWriter}, and the record's channel is kept per thread while {@code publish} runs.
 */
public final class JulDoor {
    /** Per thread: the channel of the handler call in progress, or null outside one. */
    private static final CallChannel CURRENT = new CallChannel();

    private JulDoor() {
    }

    /**
     * Called on entry to StreamHandler.publish(record) (the record may be null); returns the previous channel, for
     * {@link #exitJulHandler}.
     */
    public static String enterJulRecord(java.util.logging.LogRecord record) {
        return CURRENT.enter(LogChannels.jul(record == null ? null : record.getLoggerName()));
    }

    /** Called on exit of StreamHandler.publish, with what {@link #enterJulRecord} returned. */
    public static void exitJulHandler(String previous) {
        CURRENT.exit(previous);
    }

    /** The writer a JUL StreamHandler writes formatted records to, wrapped once. */
    public static java.io.Writer julWriter(java.io.Writer writer) {
        if (writer == null || writer instanceof JulHandlerWriter) {
            return writer;
        }
        return new JulHandlerWriter(writer);
    }

    static String currentJulChannel(String fallback) {
        String c = CURRENT.current();
        return c == null ? fallback : c;
    }
}
