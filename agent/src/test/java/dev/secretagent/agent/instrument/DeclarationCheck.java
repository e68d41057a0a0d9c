package dev.secretagent.agent.instrument;

import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatchers;
import net.bytebuddy.pool.TypePool;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The range test's muzzle (after the OpenTelemetry agent's): checks a target's declarations against the class
 * files of one framework version. A declared type is found when at least one of its names (or a class under its
 * prefix) resolves and passes its type matcher; each of its hooks then needs at least one declared method of a
 * found type that the hook's method matcher accepts. Types and hooks declared {@code since} a version are
 * optional per version; what they matched is recorded, so the test can require them at one end at least.
 */
final class DeclarationCheck {
    /** What was missing, one readable line each, and which optional declarations matched. */
    static final class Result {
        final List<String> missing = new ArrayList<>();
        /** Missing lines about types whose package the checked classes have (see {@link #outside}). */
        final List<String> missingInPresentPackages = new ArrayList<>();
        final Map<Object, Boolean> optionalMatched = new IdentityHashMap<>();

        @Override
        public String toString() {
            return String.join("\n", missing);
        }
    }

    private DeclarationCheck() {
    }

    /** {@code types}: the target's declarations, from one call of {@code types()} (optional ones are kept by identity). */
    static Result check(TargetInstrumentation target, List<TypeInstrumentation> types, FrameworkClasses classes) {
        Result r = new Result();
        for (TypeInstrumentation type : types) {
            List<TypeDescription> found = resolve(type, classes);
            boolean packagePresent = packagePresent(type, classes);
            if (found.isEmpty()) {
                if (type.optionalSince() == null) {
                    miss(r, packagePresent, target.name() + ": no type " + type.names() + type.prefixes()
                            + " matches its type matcher");
                }
                continue;
            }
            if (type.optionalSince() != null) {
                r.optionalMatched.put(type, Boolean.TRUE);
            }
            for (MethodHook hook : type.hooks()) {
                boolean matched = false;
                for (TypeDescription t : found) {
                    if (!t.getDeclaredMethods().filter(hook.methods()).isEmpty() && hasFields(t, hook)) {
                        matched = true;
                        break;
                    }
                }
                if (matched && hook.since() != null) {
                    r.optionalMatched.put(hook, Boolean.TRUE);
                } else if (!matched && hook.since() == null) {
                    miss(r, packagePresent, target.name() + ": " + found.get(0).getName() + " declares no method "
                            + hook.methods() + " (" + (hook.asm() != null ? hook.asm() : hook.adviceClass() == null ? "transformer"
                            : hook.adviceClass()) + ")" + (hook.asm() != null ? ", or not the fields it names" : ""));
                }
            }
        }
        return r;
    }

    /** A plain-ASM hook reads and writes fields by name and descriptor, unchecked until it runs: they must exist. */
    private static boolean hasFields(TypeDescription type, MethodHook hook) {
        if (hook.asm() == null) {
            return true;
        }
        for (AsmHook.Value f : hook.asm().fields()) {
            if (type.getDeclaredFields().filter(ElementMatchers.named(f.name)
                    .and(ElementMatchers.fieldType(ElementMatchers.hasDescriptor(f.descriptor)))).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private static void miss(Result r, boolean packagePresent, String line) {
        r.missing.add(line);
        if (packagePresent) {
            r.missingInPresentPackages.add(line);
        }
    }

    private static List<TypeDescription> resolve(TypeInstrumentation type, FrameworkClasses classes) {
        List<String> candidates = new ArrayList<>(type.names());
        for (String prefix : type.prefixes()) {
            for (String n : classes.classNames()) {
                if (n.startsWith(prefix)) {
                    candidates.add(n);
                }
            }
        }
        if (candidates.isEmpty()) {
            return Collections.emptyList();
        }
        List<TypeDescription> found = new ArrayList<>();
        for (String name : candidates) {
            TypePool.Resolution resolution = classes.pool().describe(name);
            if (resolution.isResolved() && type.typeMatcher().matches(resolution.resolve())) {
                found.add(resolution.resolve());
            }
        }
        return found;
    }

    /** A version outside the range still has the framework's packages; only its types or methods differ. */
    private static boolean packagePresent(TypeInstrumentation type, FrameworkClasses classes) {
        List<String> all = new ArrayList<>(type.names());
        all.addAll(type.prefixes());
        for (String n : all) {
            if (classes.hasPackageOf(n)) {
                return true;
            }
        }
        return false;
    }
}
