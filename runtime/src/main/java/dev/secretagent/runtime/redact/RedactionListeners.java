package dev.secretagent.runtime.redact;

import java.util.concurrent.CopyOnWriteArrayList;

/**
 * More than one party wants to hear about redactions (the audit trail, dev-mode leak findings, the
 * status counters). {@link Redaction#setListener} keeps its one slot; everything added here is told
 * as well, after it, in the order added.
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
