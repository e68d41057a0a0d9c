package dev.secretagent.runtime.redact;

import java.util.concurrent.CopyOnWriteArrayList;

/**
 * More than one party wants to hear about redactions (the audit trail, dev-mode leak findings, the
 * status counters): this list is the one mechanism. {@link Redaction#setListener} is a replaceable
 * entry at its head (for callers that swap one listener, such as tests); everything else is added.
 */
public final class RedactionListeners {
    private static final CopyOnWriteArrayList<RedactionListener> LISTENERS = new CopyOnWriteArrayList<RedactionListener>();

    private RedactionListeners() {
    }

    public static void add(RedactionListener l) {
        if (l != null) {
            LISTENERS.addIfAbsent(l);
        }
    }

    public static void remove(RedactionListener l) {
        LISTENERS.remove(l);
    }

    /** Replaces the head entry {@code previous} (if present) with {@code next} (if not null). */
    static synchronized void replaceHead(RedactionListener previous, RedactionListener next) {
        if (previous != null) {
            LISTENERS.remove(previous);
        }
        if (next != null) {
            LISTENERS.add(0, next);
        }
    }

    static boolean any() {
        return !LISTENERS.isEmpty();
    }

    static void fire(String id, String channel) {
        for (RedactionListener l : LISTENERS) {
            try {
                l.onRedaction(id, channel);
            } catch (Throwable ignored) {
                // a listener failure must not turn into a leak or an app failure
            }
        }
    }
}
