package dev.secretagent.runtime.door.log4j1;

import dev.secretagent.runtime.redact.Markers;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Log4j 1.2 / reload4j events while they are being serialised ({@code LoggingEvent.writeObject}: SocketAppender,
 * SocketHubAppender, anything that Java-serialises an event).
 *
 * <p>Unlike Logback, Log4j 1.2 serialises the application's own event object, the one every other appender of the
 * same logger receives too. So its fields are swapped for redacted values only for the time of {@code writeObject}
 * and put back afterwards: the adapter asks {@link #enter} for the values to write before the method runs and
 * {@link #exit} for the originals after it (also when it throws).
 *
 * <p>The same event can be serialised by two threads at once (two asynchronous appenders each feeding a socket
 * appender). The first thread in keeps the originals; a later one finds the redacted values already in place and
 * must not take them for originals, and the originals go back only when the last one leaves, never while another
 * thread is still writing the event. The adapter calls both doors, and writes the fields, while it holds the
 * event's monitor, so a thread never sees the fields half swapped.
 */
public final class Log4j1ShippedEvents {
    /** The slots of the arrays exchanged with the adapter. */
    public static final int RENDERED = 0;
    public static final int THREAD = 1;
    public static final int NDC = 2;
    public static final int MDC = 3;
    /** In {@link #enter}'s answer: the redacted stack trace lines, or null when the throwable is shipped as it is. */
    public static final int THROWABLE = 4;

    /** Events being serialised now: their original field values and how many threads are writing them. */
    private static final Map<Object, InFlight> IN_FLIGHT = new IdentityHashMap<Object, InFlight>();

    private static final class InFlight {
        final Object[] originals; // null: nothing was swapped
        int writers = 1;

        InFlight(Object[] originals) {
            this.originals = originals;
        }
    }

    private Log4j1ShippedEvents() {
    }

    /**
     * Before {@code writeObject} writes {@code event}, whose fields the adapter has filled by calling the getters
     * {@code writeObject} calls itself. Returns the values to put in the fields for this serialisation (slots
     * {@link #RENDERED} ... {@link #MDC}, and at {@link #THROWABLE} the stack trace lines for a new
     * {@code ThrowableInformation}, or null to keep the event's), or null when nothing is to be changed: nothing
     * holds a secret, or another thread is writing the event and the redacted values are in place. Never throws;
     * every call is to be followed by one call of {@link #exit}.
     *
     * @param throwableInfo the event's {@code ThrowableInformation} (kept to be put back), or null
     * @param stackTrace    its string representation, or null
     */
    public static Object[] enter(Object event, String logger, String rendered, String thread, String ndc,
                                 Map<?, ?> mdc, Object throwableInfo, String[] stackTrace) {
        synchronized (IN_FLIGHT) {
            InFlight f = IN_FLIGHT.get(event);
            if (f != null) {
                f.writers++;
                return null;
            }
        }
        Object[] shipped = redacted(logger, rendered, thread, ndc, mdc, throwableInfo, stackTrace);
        boolean changed = shipped[RENDERED] != rendered || shipped[THREAD] != thread || shipped[NDC] != ndc
                || shipped[MDC] != mdc || shipped[THROWABLE] != null;
        Object[] originals = changed ? new Object[] {rendered, thread, ndc, mdc, throwableInfo} : null;
        synchronized (IN_FLIGHT) {
            InFlight f = IN_FLIGHT.get(event);
            if (f != null) { // cannot happen while the adapter holds the event's monitor; counted all the same
                f.writers++;
                return null;
            }
            IN_FLIGHT.put(event, new InFlight(originals));
        }
        return changed ? shipped : null;
    }

    /**
     * After {@code writeObject} (returned or threw). Returns the original values to put back (slots
     * {@link #RENDERED} ... {@link #MDC}, and at {@link #THROWABLE} the original {@code ThrowableInformation}), or
     * null when nothing is to be put back: nothing was swapped, or another thread is still writing the event.
     */
    public static Object[] exit(Object event) {
        synchronized (IN_FLIGHT) {
            InFlight f = IN_FLIGHT.get(event);
            if (f == null) {
                return null;
            }
            if (--f.writers > 0) {
                return null;
            }
            IN_FLIGHT.remove(event);
            return f.originals;
        }
    }

    /** Events being written now (for tests: none may be left once the writes are over). */
    static int inFlight() {
        synchronized (IN_FLIGHT) {
            return IN_FLIGHT.size();
        }
    }

    private static Object[] redacted(String logger, String rendered, String thread, String ndc, Map<?, ?> mdc,
                                     Object throwableInfo, String[] stackTrace) {
        Object[] shipped = new Object[5];
        try {
            shipped[RENDERED] = Log4j1Door.log4j1ShippedText(rendered, logger);
            shipped[THREAD] = Log4j1Door.log4j1ShippedText(thread, logger);
            shipped[NDC] = Log4j1Door.log4j1ShippedText(ndc, logger);
            shipped[MDC] = Log4j1Door.log4j1ShippedMdc(mdc, logger);
            if (throwableInfo != null) {
                String[] lines = Log4j1Door.log4j1ShippedStackTrace(stackTrace, logger);
                if (stackTrace == null) {
                    lines = new String[] {Markers.REDACTION_FAILED}; // a throwable without its lines: not checked
                }
                shipped[THROWABLE] = lines == stackTrace ? null : lines;
            }
        } catch (Throwable bug) {
            // fail closed: what could not be checked is not shipped
            shipped[RENDERED] = Markers.REDACTION_FAILED;
            shipped[THREAD] = Markers.REDACTION_FAILED;
            shipped[NDC] = ndc == null ? null : Markers.REDACTION_FAILED;
            shipped[MDC] = mdc == null ? null : Log4j1Door.failedMdc();
            shipped[THROWABLE] = throwableInfo == null ? null : new String[] {Markers.REDACTION_FAILED};
        }
        return shipped;
    }
}
