package dev.secretagent.agent.instrument;

import dev.secretagent.runtime.redact.Diagnostics;
import dev.secretagent.runtime.redact.Redaction;

import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies the targets' declarations to one watched class's bytes, without Byte Buddy's AgentBuilder (whose
 * set-up alone costs 0.5 s and a thousand classes): the declarations are looked up by the class's name; those
 * with only plain-ASM hooks and no refinement ({@link TypeInstrumentation#plainAsm()}: the logging frameworks'
 * hot classes) are applied by {@link AsmHookRewriter}, which parses no type and loads no Byte Buddy class; the
 * others by the {@link AdviceTransformer} (a type pool, {@code Advice}), created when first needed. A class with
 * both kinds gets the advice pass, then the ASM one. A target's declarations are read when the first class it
 * watches arrives (which target watches which name comes from the static table), so an application's first
 * Logback class reads Logback's declarations and no other target's.
 *
 * <p>The read edge from a named JDK module to the runtime's module is added before the class is defined. A
 * failure leaves the class as it was and says so.
 */
final class FrameworkTransformer {
    private final Instrumentation inst;
    /** Watched name (or prefix) → the target(s) naming it: from the static table, so building this reads no declaration. */
    private final Map<String, List<TargetInstrumentation>> ownersByName = new HashMap<>();
    private final List<String> ownerPrefixes = new ArrayList<>();
    private final List<TargetInstrumentation> prefixOwners = new ArrayList<>();
    /** The targets whose declarations were read (guarded by this), and what they declare. */
    private final Set<TargetInstrumentation> declaredTargets = new HashSet<>();
    private final Map<String, List<TypeInstrumentation>> byName = new HashMap<>();
    private final List<String> prefixes = new ArrayList<>();
    private final List<TypeInstrumentation> byPrefix = new ArrayList<>();
    private AdviceTransformer advice;

    /** Every target's names read from its declarations (tests, and targets the static table has no row for). */
    FrameworkTransformer(Instrumentation inst, List<TargetInstrumentation> targets) {
        this(inst, targets, declaredNames(targets));
    }

    /**
     * {@code watchedByTarget}: target name → the names it watches, a trailing {@code *} marking a prefix (the form
     * of {@code targets/WatchedClassNames}). A target's declarations are read when the first class it watches
     * arrives, not before: the first Logback class reads Logback's alone (no other target's classes load, and no
     * Byte Buddy type their declarations name).
     */
    FrameworkTransformer(Instrumentation inst, List<TargetInstrumentation> targets,
                         Map<String, List<String>> watchedByTarget) {
        this.inst = inst;
        for (TargetInstrumentation t : targets) {
            for (String entry : watchedByTarget.get(t.name())) {
                if (WatchedNames.isPrefix(entry)) {
                    ownerPrefixes.add(WatchedNames.prefixOf(entry));
                    prefixOwners.add(t);
                } else {
                    List<TargetInstrumentation> owners = ownersByName.get(entry);
                    if (owners == null) {
                        owners = new ArrayList<>(1);
                        ownersByName.put(entry, owners);
                    }
                    owners.add(t);
                }
            }
        }
    }

    private static Map<String, List<String>> declaredNames(List<TargetInstrumentation> targets) {
        Map<String, List<String>> names = new HashMap<>();
        for (TargetInstrumentation t : targets) {
            names.put(t.name(), WatchedNames.declared(t));
        }
        return names;
    }

    /** The transformed class file, or null to leave it unchanged (also on any failure, which is reported). */
    byte[] transform(Module module, ClassLoader loader, String binaryName, boolean retransforming, byte[] bytes) {
        try {
            List<TypeInstrumentation> candidates = candidates(binaryName);
            if (candidates.isEmpty()) {
                return null;
            }
            List<AsmHook> asmHooks = new ArrayList<>();
            List<TypeInstrumentation> needType = new ArrayList<>(0);
            for (TypeInstrumentation declared : candidates) {
                if (declared.plainAsm()) {
                    asmHooks.addAll(declared.asmHooks());
                } else {
                    needType.add(declared);
                }
            }
            byte[] result = bytes;
            if (!needType.isEmpty()) {
                result = advice().transform(loader, binaryName, bytes, needType, asmHooks);
                if (result == null && asmHooks.isEmpty()) {
                    return null;
                }
                result = result == null ? bytes : result;
            }
            if (!asmHooks.isEmpty()) {
                byte[] rewritten = AsmHookRewriter.rewrite(result, asmHooks);
                result = rewritten != null ? rewritten : result;
            }
            if (result == bytes) {
                return null;
            }
            readRuntime(module);
            Diagnostics.debug("instrumented " + binaryName + (retransforming ? " (retransformed)" : ""));
            return result;
        } catch (Throwable e) {
            Diagnostics.warn("could not instrument " + binaryName + ": " + e);
            return null;
        }
    }

    private synchronized AdviceTransformer advice() {
        if (advice == null) {
            advice = new AdviceTransformer();
        }
        return advice;
    }

    /** The declarations naming {@code binaryName}, its targets' declarations read first if no class of theirs came yet. */
    private synchronized List<TypeInstrumentation> candidates(String binaryName) {
        List<TargetInstrumentation> owners = ownersByName.get(binaryName);
        if (owners != null) {
            for (TargetInstrumentation t : owners) {
                declare(t);
            }
        }
        for (int i = 0; i < ownerPrefixes.size(); i++) {
            if (binaryName.startsWith(ownerPrefixes.get(i))) {
                declare(prefixOwners.get(i));
            }
        }
        List<TypeInstrumentation> exact = byName.get(binaryName);
        List<TypeInstrumentation> found = exact == null ? new ArrayList<TypeInstrumentation>(1) : new ArrayList<>(exact);
        for (int i = 0; i < prefixes.size(); i++) {
            if (binaryName.startsWith(prefixes.get(i))) {
                found.add(byPrefix.get(i));
            }
        }
        return found;
    }

    private void declare(TargetInstrumentation target) {
        if (!declaredTargets.add(target)) {
            return;
        }
        for (TypeInstrumentation type : target.types()) {
            for (String name : type.names()) {
                List<TypeInstrumentation> list = byName.get(name);
                if (list == null) {
                    list = new ArrayList<>(1);
                    byName.put(name, list);
                }
                list.add(type);
            }
            for (String prefix : type.prefixes()) {
                prefixes.add(prefix);
                byPrefix.add(type);
            }
        }
    }

    /**
     * JDK modules (java.logging, java.net.http, ...) do not read the bootstrap loader's unnamed module, where the
     * runtime lives; hooks link against it, so the edge is added before the class is defined.
     */
    private void readRuntime(Module module) {
        Module runtime = Redaction.class.getModule();
        if (module != null && module.isNamed() && !module.canRead(runtime)) {
            inst.redefineModule(module, Collections.singleton(runtime), Collections.<String, java.util.Set<Module>>emptyMap(),
                    Collections.<String, java.util.Set<Module>>emptyMap(), Collections.<Class<?>>emptySet(),
                    Collections.<Class<?>, List<Class<?>>>emptyMap());
        }
    }
}
