package dev.secretagent.runtime.door.logback;

import dev.secretagent.runtime.logging.LogChannels;
import dev.secretagent.runtime.logging.LoggerNames;
import dev.secretagent.runtime.redact.LazyChannel;
import dev.secretagent.runtime.redact.Markers;
import dev.secretagent.runtime.redact.Redaction;
import dev.secretagent.runtime.thread.CallState;

import java.util.Collections;

/**
 * The door Logback's adapters ({@code instrument/logback/}) call: they hand over the bytes an appender is about to
 * write, or an event's text, and this class names the channel and calls the redaction engine.
 *
 * <p>Logback writes bytes in a private method that does not see the event, so the adapter on
 * {@code subAppend(event)} records the event for the current thread first ({@link #enterLogbackAppender});
 * the same thread-local tells the event-level hooks (getFormattedMessage, ...) that the text they are
 * about to return is on its way to an appender that redacts its final bytes anyway, so it is not
 * scanned twice. The event's channel ({@code logback:<logger>}: a reflective {@code getLoggerName()} and a
 * map lookup) is named only when one of its lines is redacted, which most lines are not.
 */
public final class LogbackDoor {
    /**
     * Per thread: the appender calls in progress (an instance per platform thread, reused: nothing is allocated per
     * event; a virtual thread's is dropped when its outermost appender call ends, see CallState).
     */
    private static final CallState<InProgress> CURRENT = new CallState<InProgress>() {
        @Override
        protected InProgress create() {
            return new InProgress();
        }
    };

    /** The channel of bytes written outside any appender call (only if an adapter calls out of order). */
    private static final InProgress OUTSIDE = new InProgress();

    /** Stands for an appender call whose event is null (the channel is then the framework's name). */
    private static final Object NO_EVENT = new Object();

    /** What one thread's appender call is writing now; also the lazy channel of its line. */
    private static final class InProgress implements LazyChannel {
        /** The event of the appender call in progress, {@link #NO_EVENT}, or null outside one. */
        Object logbackEvent;

        @Override
        public String name() {
            Object event = logbackEvent;
            return event == null ? "logback" : LogChannels.logback(event == NO_EVENT ? null : LoggerNames.of(event));
        }
    }

    private LogbackDoor() {
    }

    /**
     * The channel of the line being written on this thread, looked up only when a line is redacted: a clean line
     * (almost every line) pays no thread-local lookup for it.
     */
    private static final LazyChannel THIS_THREADS_LINE = new LazyChannel() {
        @Override
        public String name() {
            InProgress now = CURRENT.peek();
            return (now != null ? now : OUTSIDE).name();
        }
    };

    /**
     * Called on entry to Logback's OutputStreamAppender.subAppend(event); returns what to pass to the exit: the
     * event of the call it nests in, or, for the outermost call (no event in progress), this thread's state itself,
     * so that the exit finds it without a second thread-local lookup.
     */
    public static Object enterLogbackAppender(Object event) {
        InProgress now = CURRENT.get();
        Object previous = now.logbackEvent;
        now.logbackEvent = event == null ? NO_EVENT : event;
        return previous == null ? now : previous;
    }

    /**
     * Called on exit of subAppend, with what {@link #enterLogbackAppender} returned (appenders can nest; null when
     * the enter hook failed: then this is taken for the outermost call's end).
     */
    public static void exitLogbackAppender(Object previous) {
        if (previous instanceof InProgress) {
            ((InProgress) previous).logbackEvent = null; // the outermost call ends
        } else {
            CURRENT.get().logbackEvent = previous;
            if (previous != null) {
                return;
            }
        }
        CURRENT.ended();
        Redaction.appenderCallEnded();
    }

    /**
     * Final bytes of a Logback encoder, before the appender writes them. Same array back when clean. Marked as
     * redacted for the write that follows: a console appender's array reaches System.out/err as it is, a file
     * appender's reaches the file's last-line net as a BufferedOutputStream's copy (see AlreadyRedacted);
     * {@code toConsole} is kept for the advice's signature.
     */
    public static byte[] logbackBytes(byte[] bytes, boolean toConsole) {
        if (bytes == null || bytes.length == 0) {
            return bytes;
        }
        // marked either way: the console's stream or a log file's net lets exactly these bytes pass unscanned
        return Redaction.redactUtf8ForWrite(bytes, THIS_THREADS_LINE);
    }

    /**
     * Event-level text (formatted message, raw message, throwable message) for appenders that ship
     * events rather than bytes (socket, serialising, custom). Inside a byte-writing appender the
     * final bytes are redacted anyway, so the text passes unscanned.
     */
    public static String logbackEventText(String text, String logger) {
        InProgress now = CURRENT.peek();
        if (text == null || (now != null && now.logbackEvent != null)) {
            return text;
        }
        return Redaction.redact(text, LogChannels.logback(logger));
    }

    /**
     * A string field of a Logback event value object ({@code LoggingEventVO}) that is about to be serialised
     * (socket, SSL socket, server socket appenders): always redacted, whatever appender is in progress,
     * because these bytes are Java serialisation, not text a byte hook could safely rewrite.
     */
    static String logbackShippedText(String text, String logger) {
        if (text == null) {
            return null;
        }
        return Redaction.redact(text, LogChannels.logback(logger));
    }

    /**
     * The fields of a Logback event value object ({@code LoggingEventVO}) about to be serialised, redacted: what the
     * adapter on its {@code writeObject} assigns back, in this order: message, thread name, argument array, MDC map,
     * logger context ({@code LoggerContextVO}). Template and arguments are checked one by one (each secret counted
     * once), then rendered together as the receiver will render them (SLF4J's {@code MessageFormatter}, found
     * beside {@code event}'s class), for a secret that only the two together hold: then the redacted rendered text
     * is shipped as the message, without the arguments. Shared maps and arrays come back as redacted copies or the
     * same instances, never changed. Throws on an internal failure: the adapter then ships its fail-closed values.
     */
    public static Object[] logbackShippedEvent(Object event, String logger, String message, String thread,
            Object[] arguments, java.util.Map<String, String> mdc, Object context) throws Exception {
        message = logbackShippedText(message, logger);
        thread = logbackShippedText(thread, logger);
        arguments = logbackShippedArguments(arguments, logger);
        if (message != null && arguments != null && arguments.length > 0) {
            String whole = logbackShippedRendered(ShippedEventTypes.of(event).render(message, arguments), logger);
            if (whole != null) {
                message = whole;
                arguments = null;
            }
        }
        mdc = logbackShippedMap(mdc, logger);
        if (context != null) {
            java.util.Map<String, String> properties = ShippedEventTypes.properties(context);
            java.util.Map<String, String> clean = logbackShippedMap(properties, logger);
            if (clean != properties) {
                context = ShippedEventTypes.withProperties(context, clean);
            }
        }
        return new Object[] {message, thread, arguments, mdc, context};
    }

    /**
     * The message of a Logback event about to be serialised, rendered with its (already checked) arguments as the
     * receiver will render them. A secret split between template and argument is whole only there: when the
     * rendered line still holds one, it comes back redacted, to be shipped in place of the template, without the
     * arguments; null when it is clean (template and arguments are shipped as they are).
     */
    private static String logbackShippedRendered(String rendered, String logger) {
        if (rendered == null) {
            return null;
        }
        String redacted = Redaction.redact(rendered, LogChannels.logback(logger));
        return redacted == rendered ? null : redacted;
    }

    /**
     * The argument array of a Logback event about to be serialised. Logback writes each argument as its
     * {@code toString()}, so that is what is checked; the array is shared with the application's event, so it
     * is never changed: when an argument holds a secret, a new array of (redacted) strings comes back,
     * otherwise the same array.
     */
    static Object[] logbackShippedArguments(Object[] args, String logger) {
        if (args == null || args.length == 0) {
            return args;
        }
        String channel = LogChannels.logback(logger);
        Object[] copy = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i] == null) {
                continue;
            }
            String s = String.valueOf(args[i]);
            String r = Redaction.redact(s, channel);
            if (r != s && copy == null) {
                copy = new Object[args.length];
                for (int j = 0; j < i; j++) {
                    copy[j] = args[j] == null ? null : String.valueOf(args[j]);
                }
            }
            if (copy != null) {
                copy[i] = r;
            }
        }
        return copy == null ? args : copy;
    }

    /**
     * A string map of a Logback event about to be serialised (the MDC, the logger context's properties). Such
     * maps are shared with the application (the MDC copy of the event, the context's own map), so they are never
     * changed: the same map when no key or value holds a secret, else a redacted copy in the same order.
     */
    static java.util.Map<String, String> logbackShippedMap(java.util.Map<String, String> map, String logger) {
        if (map == null || map.isEmpty()) {
            return map;
        }
        String channel = LogChannels.logback(logger);
        // one pass, each key and value redacted once (every redaction is counted and reported)
        String[] keys = new String[map.size()];
        String[] values = new String[keys.length];
        boolean dirty = false;
        int n = 0;
        for (java.util.Map.Entry<String, String> e : map.entrySet()) {
            if (n == keys.length) {
                return Collections.singletonMap(Markers.REDACTION_FAILED, "map changed while read"); // fail closed
            }
            keys[n] = Redaction.redact(e.getKey(), channel);
            values[n] = Redaction.redact(e.getValue(), channel);
            dirty |= keys[n] != e.getKey() || values[n] != e.getValue();
            n++;
        }
        if (!dirty) {
            return map;
        }
        java.util.Map<String, String> copy = new java.util.LinkedHashMap<String, String>();
        for (int i = 0; i < n; i++) {
            copy.put(keys[i], values[i]);
        }
        return copy;
    }
}
