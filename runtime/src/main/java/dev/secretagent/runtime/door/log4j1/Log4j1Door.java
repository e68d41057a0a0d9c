package dev.secretagent.runtime.door.log4j1;

import dev.secretagent.runtime.logging.CallChannel;
import dev.secretagent.runtime.logging.LogChannels;
import dev.secretagent.runtime.logging.LoggerNames;
import dev.secretagent.runtime.redact.Markers;
import dev.secretagent.runtime.redact.Redaction;

/**
 * The door Log4j 1.2's and reload4j's adapters ({@code instrument/log4j1/}) call: the text a WriterAppender's
 * QuietWriter writes, a layout's formatted text for other appenders, and the fields of an event being serialised.
 * The channel of the appender call in progress is kept per thread ({@link #enterLog4j1Appender}).
 */
public final class Log4j1Door {
    /** Per thread: the channel of the appender call in progress, or null outside one. */
    private static final CallChannel CURRENT = new CallChannel();

    private Log4j1Door() {
    }

    /** Called on entry to Log4j 1.2's WriterAppender.subAppend(event); returns the previous channel. */
    public static String enterLog4j1Appender(Object event) {
        return CURRENT.enter(LogChannels.log4j1(LoggerNames.of(event)));
    }

    /** Called on exit of subAppend, with what {@link #enterLog4j1Appender} returned. */
    public static void exitLog4j1Appender(String previous) {
        CURRENT.exit(previous);
    }

    /**
     * Text a Log4j 1.2 appender writes through its QuietWriter: the layout's output for one event, each line
     * of a stack trace the layout left out, a header or a footer. Whole lines, never a fragment of one.
     */
    public static String log4j1Text(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String channel = CURRENT.current();
        // marked for the write: a FileAppender flushes each line (its default), so the file's net gets these bytes
        return Redaction.redactForWrite(text, channel == null ? "log4j1" : channel);
    }

    /**
     * What a Log4j 1.2 layout's {@code format(event)} returned (or reload4j's JDBCAppender built for one bind
     * parameter), for appenders that send it somewhere other than a QuietWriter: JDBC, SMTP (the mail body),
     * syslog (which may split a long packet in two, each half written on its own), an application's own
     * {@code AppenderSkeleton}. Inside a WriterAppender call the QuietWriter redacts the final text anyway, so the
     * text passes unscanned there: scanned once, each redaction counted once.
     */
    public static String log4j1FormattedText(String text, String logger) {
        if (text == null || text.isEmpty() || CURRENT.current() != null) {
            return text;
        }
        return Redaction.redact(text, LogChannels.log4j1(logger));
    }

    /**
     * A string field of a Log4j 1.2 {@code LoggingEvent} about to be serialised (SocketAppender, SocketHubAppender):
     * the rendered message, the thread name, the NDC. Always redacted, like Logback's shipped text.
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
        failed.put(Markers.REDACTION_FAILED, Markers.REDACTION_FAILED);
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
}
