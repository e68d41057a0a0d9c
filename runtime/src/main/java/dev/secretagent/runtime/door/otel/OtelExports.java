package dev.secretagent.runtime.door.otel;

import dev.secretagent.runtime.redact.Diagnostics;

import java.util.ArrayList;
import java.util.Collection;

/**
 * The door the OTLP exporters' marshalers call with each batch they are about to encode: log records, spans
 * and metrics, of the OpenTelemetry SDK in whatever class loader it lives (the application's, or the isolated
 * loader of the OpenTelemetry Java agent, whose API names are relocated). Each item is replaced by a
 * {@link RedactedView} of it, which the marshaler reads as it would the item; nothing of the application's
 * own objects is changed. The batch is never dropped for a clean item: an item whose view cannot be made
 * (an SDK shape this door does not know) is left out, and that is said once in the diagnostics.
 */
public final class OtelExports {
    public static final String LOGS = "otel:logs";
    public static final String TRACES = "otel:traces";
    public static final String METRICS = "otel:metrics";
    private static volatile boolean warned;

    private OtelExports() {
    }

    /** The batch of one signal ({@link #LOGS}, {@link #TRACES} or {@link #METRICS}: the advice's constant) as views. */
    public static Collection<?> batch(Collection<?> items, String channel) {
        if (items == null || items.isEmpty()) {
            return items;
        }
        ArrayList<Object> out = new ArrayList<Object>(items.size());
        for (Object item : items) {
            try {
                out.add(RedactedView.of(item, channel));
            } catch (Throwable t) {
                if (!warned) {
                    warned = true;
                    // the class name only: the item's text is what must not be written
                    Diagnostics.warn("an OpenTelemetry " + channel + " item of " + item.getClass().getName()
                            + " could not be checked and is not exported: " + t.getClass().getName());
                }
            }
        }
        return out;
    }
}
