package dev.secretagent.runtime.redact;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Every stream the agent redacts (the console, the last-line net's files and descriptors), so that at JVM exit
 * what each still holds back is written, redacted: a last write without a newline that ends in a secret or in the
 * first characters of one would otherwise be lost with the JVM. Weak: a stream the application dropped is not kept.
 */
public final class ExitDrain {
    public interface Drainable {
        /** Writes what is held, redacted; never throws. */
        void drainAtExit();
    }

    private static final Map<Drainable, Boolean> STREAMS = Collections.synchronizedMap(new WeakHashMap<Drainable, Boolean>());

    private ExitDrain() {
    }

    /** Drained at exit until it is collected (held weakly). */
    public static void register(Drainable d) {
        STREAMS.put(d, Boolean.TRUE);
    }

    /** Called from the agent's shutdown hook, before the console is flushed. Never throws. */
    public static void run() {
        try {
            List<Drainable> all;
            synchronized (STREAMS) {
                all = new ArrayList<>(STREAMS.keySet());
            }
            for (Drainable d : all) {
                d.drainAtExit();
            }
        } catch (Throwable t) {
            // at exit: nothing better to do
        }
    }
}
