package dev.secretagent.agent.instrument;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The class names the targets declare, derived from their {@link TypeInstrumentation}s: exact names in a hash
 * set, and the few prefixes a target cannot replace with names. Deciding about a class no target names costs one
 * hash lookup and one {@code startsWith} per prefix. Kept in the JVM's internal form ({@code a/b/C}, what a
 * {@code ClassFileTransformer} is given) and in the binary form ({@code a.b.C}, what Byte Buddy and
 * {@code Class.getName()} give), so neither path converts a name.
 */
final class WatchedNames {
    private final Set<String> binaryNames = new HashSet<>();
    private final Set<String> internalNames = new HashSet<>();
    private final String[] binaryPrefixes;
    private final String[] internalPrefixes;

    WatchedNames(List<TargetInstrumentation> targets) {
        List<String> prefixes = new ArrayList<>();
        for (TargetInstrumentation t : targets) {
            for (TypeInstrumentation type : t.types()) {
                for (String name : type.names()) {
                    binaryNames.add(name);
                    internalNames.add(name.replace('.', '/'));
                }
                prefixes.addAll(type.prefixes());
            }
        }
        binaryPrefixes = prefixes.toArray(new String[0]);
        internalPrefixes = new String[binaryPrefixes.length];
        for (int i = 0; i < binaryPrefixes.length; i++) {
            internalPrefixes[i] = binaryPrefixes[i].replace('.', '/');
        }
    }

    /** {@code name} as {@code a.b.C}. */
    boolean watchesBinary(String name) {
        return binaryNames.contains(name) || startsWithAny(name, binaryPrefixes);
    }

    /** {@code name} as {@code a/b/C}. */
    boolean watchesInternal(String name) {
        return internalNames.contains(name) || startsWithAny(name, internalPrefixes);
    }

    private static boolean startsWithAny(String name, String[] prefixes) {
        for (String p : prefixes) {
            if (name.startsWith(p)) {
                return true;
            }
        }
        return false;
    }
}
