package dev.secretagent.agent.instrument;

import dev.secretagent.runtime.redact.Diagnostics;

import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Installs the framework targets: one {@link ClassLoadGate}, registered before main, that transforms every
 * watched class itself (no Byte Buddy AgentBuilder: setting one up cost 0.5 s and a thousand classes on every
 * JVM's start; see docs/performance.md).
 *
 * <p>Ignore-by-default: only classes with a name (or prefix) a target declares are looked at, and those names
 * are derived from the targets' {@link TypeInstrumentation}s. The transformer behind the gate is prepared once,
 * by whoever needs it first ({@link Preparation}); watched classes already loaded are retransformed. When
 * attached late, it is prepared and the loaded classes retransformed right away.
 */
public final class Installer {
    private static final String MODE = System.getProperty("installer.experiment.prepare", "lazy");

    private Installer() {
    }

    /**
     * Returns the names of the targets; the instrumentation itself may complete later. {@code watchedByTarget}:
     * the class names each target watches, as plain strings (see {@code targets/WatchedClassNames}); a target
     * missing from it has its names read from its declarations.
     */
    public static List<String> install(final Instrumentation inst, final List<TargetInstrumentation> targets,
                                       Map<String, List<String>> watchedByTarget, boolean background) {
        List<String> names = new ArrayList<>();
        List<String> watchedNames = new ArrayList<>();
        for (TargetInstrumentation t : targets) {
            names.add(t.name());
            List<String> listed = watchedByTarget.get(t.name());
            watchedNames.addAll(listed != null ? listed : WatchedNames.declared(t));
        }
        if (targets.isEmpty()) {
            return names;
        }
        final WatchedNames watched = new WatchedNames(watchedNames);
        final Preparation preparation = new Preparation(inst, targets);
        inst.addTransformer(new ClassLoadGate(watched, preparation), true);
        if (!background) {
            preparation.prepareNow(false);
            retransformLoaded(inst, watched);
        } else if (MODE.equals("eager")) {
            Thread thread = new Thread(new Runnable() {
                @Override
                public void run() {
                    preparation.prepareNow(true);
                    retransformLoaded(inst, watched);
                }
            }, "secret-agent-instrumentation");
            thread.setDaemon(true);
            thread.start();
        } else {
            retransformLoaded(inst, watched);
        }
        return names;
    }

    private static void retransformLoaded(Instrumentation inst, WatchedNames watched) {
        List<Class<?>> loaded = new ArrayList<>();
        for (Class<?> c : inst.getAllLoadedClasses()) {
            if (watched.watchesBinary(c.getName()) && inst.isModifiableClass(c)) {
                loaded.add(c);
            }
        }
        for (Class<?> c : loaded) {
            try {
                inst.retransformClasses(c);
            } catch (Throwable e) {
                Diagnostics.warn("could not retransform " + c.getName() + ": " + e);
            }
        }
    }
}
