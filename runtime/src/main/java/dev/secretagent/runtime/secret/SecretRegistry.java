package dev.secretagent.runtime.secret;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The live set of known secrets. Readers take an immutable {@link SecretSnapshot}; writers build the
 * next snapshot, let the listeners prepare for it (the redactor compiles its matcher) and only then
 * publish it, so there is never a moment where a live value is readable but not yet redactable.
 */
public final class SecretRegistry {
    /** Called with the next snapshot before it is published. */
    public interface Listener {
        void beforePublish(SecretSnapshot next);
    }

    private static final List<Listener> LISTENERS = new CopyOnWriteArrayList<Listener>();
    private static volatile SecretSnapshot current = SecretSnapshot.EMPTY;

    private SecretRegistry() {
    }

    public static SecretSnapshot snapshot() {
        return current;
    }

    public static void addListener(Listener listener) {
        LISTENERS.add(listener);
        listener.beforePublish(current);
    }

    public static void removeListener(Listener listener) {
        LISTENERS.remove(listener);
    }

    /** Adds or replaces the live version of {@code secret.id()}; a replaced value stays redacted as retired. */
    public static synchronized void put(Secret secret) {
        putAll(Collections.singletonList(secret));
    }

    public static synchronized void putAll(List<Secret> secrets) {
        SecretSnapshot prev = current;
        Map<String, Secret> live = new LinkedHashMap<String, Secret>(prev.liveById());
        List<Secret> retired = new ArrayList<Secret>(prev.retired());
        for (Secret s : secrets) {
            Secret old = live.put(s.id(), s);
            if (old != null && !old.value().equals(s.value())) {
                retired.add(old);
            }
        }
        publish(new SecretSnapshot(prev.generation() + 1, live, retired));
    }

    /** Removes a secret from the live set; its values stay known to the redactor for the life of the JVM. */
    public static synchronized boolean revoke(String id) {
        SecretSnapshot prev = current;
        Map<String, Secret> live = new LinkedHashMap<String, Secret>(prev.liveById());
        Secret old = live.remove(id);
        if (old == null) {
            return false;
        }
        List<Secret> retired = new ArrayList<Secret>(prev.retired());
        retired.add(old);
        publish(new SecretSnapshot(prev.generation() + 1, live, retired));
        return true;
    }

    /** For tests: forget everything. */
    public static synchronized void reset() {
        publish(SecretSnapshot.EMPTY);
    }

    private static void publish(SecretSnapshot next) {
        for (Listener l : LISTENERS) {
            l.beforePublish(next);
        }
        current = next;
    }
}
