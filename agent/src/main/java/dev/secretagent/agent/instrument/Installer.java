package dev.secretagent.agent.instrument;

import dev.secretagent.runtime.redact.Diagnostics;

import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Installs the framework targets: one {@link ClassLoadGate}, registered before main, that transforms every
 * watched class itself (no Byte Buddy AgentBuilder: setting one up cost 0.5 s and a thousand classes on every
 * JVM's start; see docs/performance.md).
 *
 * <p>Ignore-by-default: only classes with a name (or prefix) a target declares are looked at; before main those
 * names come from a static table ({@code targets/WatchedClassNames}), so premain reads no declaration. The
 * transformer behind the gate is prepared once, by the first watched class to load, on its own thread
 * ({@link Preparation}), and reads a target's declarations when the first class that target watches arrives: a JVM
 * that never loads one reads none, and one whose watched classes all take plain-ASM hooks loads no Byte Buddy
 * class for them. Preparing it on a
 * background thread right after premain was measured too: it did not bring the first Logback line sooner on two
 * cores, and cost hello world CPU and classes (docs/performance.md). Watched classes already loaded are
 * retransformed through the same gate; when attached late, it is prepared right away.
 */
public final class Installer {
    private Installer() {
    }

    /**
     * Returns the names of the targets. {@code atStartup}: nothing is prepared until the first watched class loads;
     * otherwise (attached late) it is prepared now. {@code watchedByTarget}: the class names each target watches, as
     * plain strings (see {@code targets/WatchedClassNames}); a target missing from it has its names read from its
     * declarations.
     */
    public static List<String> install(Instrumentation inst, List<TargetInstrumentation> targets,
                                       Map<String, List<String>> watchedByTarget, boolean atStartup) {
        List<String> names = new ArrayList<>();
        List<String> watchedNames = new ArrayList<>();
        Map<String, List<String>> watchedOf = new HashMap<>();
        for (TargetInstrumentation t : targets) {
            names.add(t.name());
            List<String> listed = watchedByTarget.get(t.name());
            List<String> watched = listed != null ? listed : WatchedNames.declared(t);
            watchedNames.addAll(watched);
            watchedOf.put(t.name(), watched);
        }
        if (targets.isEmpty()) {
            return names;
        }
        WatchedNames watched = new WatchedNames(watchedNames);
        Preparation preparation = new Preparation(inst, targets, watchedOf);
        inst.addTransformer(new ClassLoadGate(watched, preparation), true);
        if (!atStartup) {
            preparation.prepareNow();
        }
        // at start-up rarely any (the JDK's own, if something touched java.util.logging before the agent);
        // each one found prepares the transformer through the gate
        retransformLoaded(inst, watched);
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
