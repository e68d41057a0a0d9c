package dev.secretagent.runtime.logging;

import dev.secretagent.runtime.redact.LazyChannel;
import dev.secretagent.runtime.redact.Redaction;

import java.util.Collections;

/**
 * The door the logging adapters call. Adapters stay thin: they hand over the bytes an appender is
 * about to write (Logback, Log4j2), or the text a JUL handler is about to write, and this class
 * names the channel and calls the redaction engine.
 *
 * <p>Logback writes bytes in a private method that does not see the event, so the adapter on
 * {@code subAppend(event)} records the event for the current thread first ({@link #enterLogbackAppender});
 * the same thread-local tells the event-level hooks (getFormattedMessage, ...) that the text they are
 * about to return is on its way to an appender that redacts its final bytes anyway, so it is not
 * scanned twice. The event's channel ({@code logback:<logger>}: a reflective {@code getLoggerName()} and a
 * map lookup) is named only when one of its lines is redacted, which most lines are not.
 */
public final class LogRedaction {
    /** Per thread: the appender calls in progress (an instance per thread, reused: nothing is allocated per event). */
    private static final ThreadLocal<InProgress> CURRENT = new ThreadLocal<InProgress>() {
        @Override
        protected InProgress initialValue() {
            return new InProgress();
        }
    };

    /** Stands for an appender call whose event is null (the channel is then the framework's name). */
    private static final Object NO_EVENT = new Object();

    /** What one thread's appender calls are writing now; also the lazy channel of its Logback line. */
    private static final class InProgress implements LazyChannel {
        /** The event of the Logback appender call in progress, {@link #NO_EVENT}, or null outside one. */
        Object logbackEvent;
        /** The channel of the JUL handler in progress, or null outside one. */
        String jul;
        /** The channel of the Log4j 1.2 appender in progress, or null outside one. */
        String log4j1;

        @Override
        public String name() {
            Object event = logbackEvent;
            return event == null ? "logback" : LogChannels.logback(event == NO_EVENT ? null : LoggerNames.of(event));
        }
    }

    private LogRedaction() {
    }

    // ---- Logback -------------------------------------------------------------------------------

    /** Called on entry to Logback's OutputStreamAppender.subAppend(event); returns what to pass to the exit. */
    public static Object enterLogbackAppender(Object event) {
        InProgress now = CURRENT.get();
        Object previous = now.logbackEvent;
        now.logbackEvent = event == null ? NO_EVENT : event;
        return previous;
    }

    /** Called on exit of subAppend, with what {@link #enterLogbackAppender} returned (appenders can nest). */
    public static void exitLogbackAppender(Object previous) {
        CURRENT.get().logbackEvent = previous;
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
        return Redaction.redactUtf8ForWrite(bytes, CURRENT.get());
    }

    /**
     * Event-level text (formatted message, raw message, throwable message) for appenders that ship
     * events rather than bytes (socket, serialising, custom). Inside a byte-writing appender the
     * final bytes are redacted anyway, so the text passes unscanned.
     */
    public static String logbackEventText(String text, String logger) {
        if (text == null || CURRENT.get().logbackEvent != null) {
            return text;
        }
        return Redaction.redact(text, LogChannels.logback(logger));
    }

    /**
     * A string field of a Logback event value object ({@code LoggingEventVO}) that is about to be serialised
     * (socket, SSL socket, server socket appenders): always redacted, whatever appender is in progress,
     * because these bytes are Java serialisation, not text a byte hook could safely rewrite.
     */
    public static String logbackShippedText(String text, String logger) {
        if (text == null) {
            return null;
        }
        return Redaction.redact(text, LogChannels.logback(logger));
    }

    /**
     * The argument array of a Logback event about to be serialised. Logback writes each argument as its
     * {@code toString()}, so that is what is checked; the array is shared with the application's event, so it
     * is never changed: when an argument holds a secret, a new array of (redacted) strings comes back,
     * otherwise the same array.
     */
    public static Object[] logbackShippedArguments(Object[] args, String logger) {
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
    public static java.util.Map<String, String> logbackShippedMap(java.util.Map<String, String> map, String logger) {
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
                return Collections.singletonMap("[REDACTION-FAILED]", "map changed while read"); // fail closed
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

    // ---- Log4j2 --------------------------------------------------------------------------------

    /** A Log4j2 layout's bytes for one event, before the appender's manager writes them. */
    public static byte[] log4j2Bytes(byte[] bytes, String logger) {
        if (bytes == null || bytes.length == 0) {
            return bytes;
        }
        return Redaction.redactUtf8ForWrite(bytes, LogChannels.log4j2(logger));
    }

    // ---- Log4j 1.2 / reload4j ------------------------------------------------------------------

    /** Called on entry to Log4j 1.2's WriterAppender.subAppend(event); returns the previous channel. */
    public static String enterLog4j1Appender(Object event) {
        InProgress now = CURRENT.get();
        String previous = now.log4j1;
        now.log4j1 = LogChannels.log4j1(LoggerNames.of(event));
        return previous;
    }

    /** Called on exit of subAppend, with what {@link #enterLog4j1Appender} returned. */
    public static void exitLog4j1Appender(String previous) {
        CURRENT.get().log4j1 = previous;
    }

    /**
     * Text a Log4j 1.2 appender writes through its QuietWriter: the layout's output for one event, each line
     * of a stack trace the layout left out, a header or a footer. Whole lines, never a fragment of one.
     */
    public static String log4j1Text(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String channel = CURRENT.get().log4j1;
        return Redaction.redact(text, channel == null ? "log4j1" : channel);
    }

    /**
     * What a Log4j 1.2 layout's {@code format(event)} returned (or reload4j's JDBCAppender built for one bind
     * parameter), for appenders that send it somewhere other than a QuietWriter: JDBC, SMTP (the mail body),
     * syslog (which may split a long packet in two, each half written on its own), an application's own
     * {@code AppenderSkeleton}. Inside a WriterAppender call the QuietWriter redacts the final text anyway, so the
     * text passes unscanned there: scanned once, each redaction counted once.
     */
    public static String log4j1FormattedText(String text, String logger) {
        if (text == null || text.isEmpty() || CURRENT.get().log4j1 != null) {
            return text;
        }
        return Redaction.redact(text, LogChannels.log4j1(logger));
    }

    /**
     * A string field of a Log4j 1.2 {@code LoggingEvent} about to be serialised (SocketAppender, SocketHubAppender):
     * the rendered message, the thread name, the NDC. Always redacted, like {@link #logbackShippedText}.
     */
    public static String log4j1ShippedText(String text, String logger) {
        if (text == null) {
            return null;
        }
        return Redaction.redact(text, LogChannels.log4j1(logger));
    }

    /**
     * The MDC copy of a Log4j 1.2 event about to be serialised. Keys are strings, values any object (serialised
     * as that object): each is checked through its string form. The table belongs to the application's event, so it
     * is never changed: the same table when nothing holds a secret, else a new {@code Hashtable} (the field's
     * type) where what held a secret is its redacted string.
     */
    public static java.util.Map<Object, Object> log4j1ShippedMdc(java.util.Map<?, ?> mdc, String logger) {
        if (mdc == null || mdc.isEmpty()) {
            @SuppressWarnings("unchecked")
            java.util.Map<Object, Object> same = (java.util.Map<Object, Object>) mdc;
            return same;
        }
        String channel = LogChannels.log4j1(logger);
        Object[] keys = new Object[mdc.size()];
        Object[] values = new Object[keys.length];
        boolean dirty = false;
        int n = 0;
        for (java.util.Map.Entry<?, ?> e : mdc.entrySet()) {
            if (n == keys.length) {
                return failedMdc(); // the table changed while read: fail closed
            }
            keys[n] = redactedOrSame(e.getKey(), channel);
            values[n] = redactedOrSame(e.getValue(), channel);
            dirty |= keys[n] != e.getKey() || values[n] != e.getValue();
            n++;
        }
        if (!dirty) {
            @SuppressWarnings("unchecked")
            java.util.Map<Object, Object> same = (java.util.Map<Object, Object>) mdc;
            return same;
        }
        java.util.Hashtable<Object, Object> copy = new java.util.Hashtable<Object, Object>();
        for (int i = 0; i < n; i++) {
            if (keys[i] != null && values[i] != null) { // a Hashtable holds neither
                copy.put(keys[i], values[i]);
            }
        }
        return copy;
    }

    /** The MDC shipped when it could not be checked. */
    static java.util.Map<Object, Object> failedMdc() {
        java.util.Hashtable<Object, Object> failed = new java.util.Hashtable<Object, Object>();
        failed.put("[REDACTION-FAILED]", "[REDACTION-FAILED]");
        return failed;
    }

    /** An object itself when its string form holds no secret, else that string redacted. */
    private static Object redactedOrSame(Object value, String channel) {
        if (value == null) {
            return null;
        }
        String s = String.valueOf(value);
        String r = Redaction.redact(s, channel);
        return r == s ? value : r;
    }

    /**
     * The stack trace lines of a Log4j 1.2 event about to be serialised ({@code ThrowableInformation}'s string
     * representation: exception messages of the throwable, its causes and suppressed). The lines are checked as one
     * text, so a secret that spans lines (a PEM key in a message) is found too. The same array when nothing holds a
     * secret, else the redacted text's lines.
     */
    public static String[] log4j1ShippedStackTrace(String[] lines, String logger) {
        if (lines == null || lines.length == 0) {
            return lines;
        }
        StringBuilder joined = new StringBuilder(lines.length * 64);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                joined.append('\n');
            }
            joined.append(lines[i]);
        }
        String text = joined.toString();
        String redacted = Redaction.redact(text, LogChannels.log4j1(logger));
        return redacted == text ? lines : redacted.split("\n", -1);
    }

    // ---- java.util.logging -----------------------------------------------------------------------

    /** Called on entry to StreamHandler.publish(record); returns the previous channel. */
    public static String enterJulHandler(String logger) {
        InProgress now = CURRENT.get();
        String previous = now.jul;
        now.jul = LogChannels.jul(logger);
        return previous;
    }

    /** Called on exit of StreamHandler.publish, with what {@link #enterJulHandler} returned. */
    public static void exitJulHandler(String previous) {
        CURRENT.get().jul = previous;
    }

    public static boolean isJulWriter(java.io.Writer writer) {
        return writer instanceof RedactingWriter;
    }

    /** The writer a JUL StreamHandler writes formatted records to, wrapped once. */
    public static java.io.Writer julWriter(java.io.Writer writer) {
        if (writer == null || writer instanceof RedactingWriter) {
            return writer;
        }
        return new RedactingWriter(writer);
    }

    static String currentJulChannel(String fallback) {
        String c = CURRENT.get().jul;
        return c == null ? fallback : c;
    }
}
