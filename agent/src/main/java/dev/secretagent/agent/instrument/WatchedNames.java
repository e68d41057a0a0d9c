package dev.secretagent.agent.instrument;

import java.util.ArrayList;
import java.util.Collection;
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
    private static final String PREFIX_MARK = "*";

    private final Set<String> binaryNames = new HashSet<>();
    private final Set<String> internalNames = new HashSet<>();
    private final String[] binaryPrefixes;
    private final String[] internalPrefixes;

    /** The names {@code targets} declare (reads their declarations). */
    WatchedNames(List<TargetInstrumentation> targets) {
        this(declared(targets));
    }

    /**
     * {@code entries}: class names, and prefixes marked by a trailing {@code *} (the form of the targets' static
     * table, which spares reading the declarations before main).
     */
    WatchedNames(Collection<String> entries) {
        List<String> prefixes = new ArrayList<>();
        for (String entry : entries) {
            if (isPrefix(entry)) {
                prefixes.add(prefixOf(entry));
            } else {
                binaryNames.add(entry);
                internalNames.add(entry.replace('.', '/'));
            }
        }
        binaryPrefixes = prefixes.toArray(new String[0]);
        internalPrefixes = new String[binaryPrefixes.length];
        for (int i = 0; i < binaryPrefixes.length; i++) {
            internalPrefixes[i] = binaryPrefixes[i].replace('.', '/');
        }
    }

    /** Whether an entry of the static table is a prefix ({@code a.b.*}) rather than a class name. */
    static boolean isPrefix(String entry) {
        return entry.endsWith(PREFIX_MARK);
    }

    /** The prefix an entry marked by {@link #isPrefix} stands for. */
    static String prefixOf(String entry) {
        return entry.substring(0, entry.length() - PREFIX_MARK.length());
    }

    /** The declared names of {@code targets}, prefixes marked as in the static table. */
    static List<String> declared(List<TargetInstrumentation> targets) {
        List<String> entries = new ArrayList<>();
        for (TargetInstrumentation t : targets) {
            entries.addAll(declared(t));
        }
        return entries;
    }

    /** The names and marked prefixes one target's declarations name. */
    static List<String> declared(TargetInstrumentation target) {
        List<String> entries = new ArrayList<>();
        for (TypeInstrumentation type : target.types()) {
            entries.addAll(type.names());
            for (String prefix : type.prefixes()) {
                entries.add(prefix + PREFIX_MARK);
            }
        }
        return entries;
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
