package dev.secretagent.runtime.door.jul;

import dev.secretagent.runtime.logging.LogChannels;

/**
 * The door java.util.logging's adapter ({@code instrument/jul/}) calls: a StreamHandler's writer is wrapped once in a
 * {@link JulHandlerWriter}, and the record's channel is kept per thread while {@code publish} runs.
 */
public final class JulDoor {
    /** Per thread: the handler call in progress (an instance per thread, reused: nothing is allocated per record). */
    private static final ThreadLocal<Call> CURRENT = new ThreadLocal<Call>() {
        @Override
        protected Call initialValue() {
            return new Call();
        }
    };

    /** One thread's handler call in progress. */
    private static final class Call {
        /** The channel of the JUL handler in progress, or null outside one. */
        String channel;
    }

    private JulDoor() {
    }

    /** Called on entry to StreamHandler.publish(record); returns the previous channel. */
    public static String enterJulHandler(String logger) {
        Call now = CURRENT.get();
        String previous = now.channel;
        now.channel = LogChannels.jul(logger);
        return previous;
    }

    /** Called on exit of StreamHandler.publish, with what {@link #enterJulHandler} returned. */
    public static void exitJulHandler(String previous) {
        CURRENT.get().channel = previous;
    }

    public static boolean isJulWriter(java.io.Writer writer) {
        return writer instanceof JulHandlerWriter;
    }

    /** The writer a JUL StreamHandler writes formatted records to, wrapped once. */
    public static java.io.Writer julWriter(java.io.Writer writer) {
        if (writer == null || writer instanceof JulHandlerWriter) {
            return writer;
        }
        return new JulHandlerWriter(writer);
    }

    static String currentJulChannel(String fallback) {
        String c = CURRENT.get().channel;
        return c == null ? fallback : c;
    }
}
