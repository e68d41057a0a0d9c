package dev.secretagent.agent.instrument.log4j1;

import net.bytebuddy.asm.Advice;
import org.apache.log4j.spi.LoggingEvent;
import org.apache.log4j.spi.ThrowableInformation;

import java.util.Hashtable;

/**
 * Inlined into Log4j 1.2's LoggingEvent.writeObject(ObjectOutputStream), which SocketAppender and SocketHubAppender
 * (and anything else that Java-serialises an event) reach for every event they ship. The event is the
 * application's own, so the fields written (rendered message, thread name, NDC, MDC copy, throwable) are swapped
 * for redacted values on enter and put back on exit; the decisions and the originals are kept by the runtime
 * ({@code Log4j1ShippedEvents}), which also handles two threads writing the same event. Both halves hold the
 * event's monitor while they swap, so no thread writes a half-swapped event.
 */
public final class ShippedEventAdvice {
    private ShippedEventAdvice() {
    }

    /** Returns whether the runtime counted this write (then exit must tell it the write is over). */
    @Advice.OnMethodEnter
    public static boolean enter(@Advice.This LoggingEvent event,
                                @Advice.FieldValue("categoryName") String logger,
                                @Advice.FieldValue(value = "renderedMessage", readOnly = false) String rendered,
                                @Advice.FieldValue(value = "threadName", readOnly = false) String thread,
                                @Advice.FieldValue(value = "ndc", readOnly = false) String ndc,
                                @Advice.FieldValue(value = "mdcCopy", readOnly = false) Hashtable mdc,
                                @Advice.FieldValue(value = "throwableInfo", readOnly = false) ThrowableInformation throwable) {
        // What writeObject calls first itself, in its order: fills the fields about to be written. Not caught: an
        // exception here is the application's (a renderer), thrown from writeObject as it would be without the agent.
        event.getThreadName();
        event.getRenderedMessage();
        event.getNDC();
        event.getMDCCopy();
        event.getThrowableStrRep();
        boolean counted = false;
        synchronized (event) {
            try {
                Object[] shipped = dev.secretagent.runtime.door.log4j1.Log4j1ShippedEvents.enter(event, logger, rendered,
                        thread, ndc, mdc, throwable, throwable == null ? null : throwable.getThrowableStrRep());
                counted = true;
                if (shipped != null) {
                    rendered = (String) shipped[0];
                    thread = (String) shipped[1];
                    ndc = (String) shipped[2];
                    mdc = (Hashtable) shipped[3];
                    if (shipped[4] != null) {
                        throwable = new ThrowableInformation((String[]) shipped[4]); // since Log4j 1.2.15
                    }
                }
            } catch (Throwable agentBug) {
                // fail closed: what could not be checked is not shipped (put back on exit when counted)
                rendered = dev.secretagent.runtime.redact.Markers.REDACTION_FAILED;
                thread = dev.secretagent.runtime.redact.Markers.REDACTION_FAILED;
                ndc = null;
                mdc = null;
                throwable = null;
            }
        }
        return counted;
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(@Advice.This LoggingEvent event, @Advice.Enter boolean counted,
                            @Advice.FieldValue(value = "renderedMessage", readOnly = false) String rendered,
                            @Advice.FieldValue(value = "threadName", readOnly = false) String thread,
                            @Advice.FieldValue(value = "ndc", readOnly = false) String ndc,
                            @Advice.FieldValue(value = "mdcCopy", readOnly = false) Hashtable mdc,
                            @Advice.FieldValue(value = "throwableInfo", readOnly = false) ThrowableInformation throwable) {
        if (!counted) {
            return;
        }
        synchronized (event) {
            try {
                Object[] originals = dev.secretagent.runtime.door.log4j1.Log4j1ShippedEvents.exit(event);
                if (originals != null) {
                    rendered = (String) originals[0];
                    thread = (String) originals[1];
                    ndc = (String) originals[2];
                    mdc = (Hashtable) originals[3];
                    throwable = (ThrowableInformation) originals[4];
                }
            } catch (Throwable agentBug) {
                // the event keeps its redacted values: nothing leaks, the application's later appenders see them
            }
        }
    }
}
