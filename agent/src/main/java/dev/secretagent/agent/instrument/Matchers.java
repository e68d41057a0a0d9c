package dev.secretagent.agent.instrument;

import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.matcher.ElementMatchers;

import java.util.List;

/**
 * The Byte Buddy matchers built from a declaration's plain strings, apart from the declarations themselves:
 * {@link TypeInstrumentation}, {@link TypeTransformer} and {@link MethodHook} are loaded (and verified) for every
 * plain-ASM target, and the verifier loads each Byte Buddy interface a method of theirs converts a matcher to.
 * Here, this class alone loads them, and only when the Byte Buddy path or the range test asks for a matcher.
 */
final class Matchers {
    private Matchers() {
    }

    /** A declared name or prefix, then the refinement (null: none). */
    static ElementMatcher<TypeDescription> type(List<String> names, List<String> prefixes,
                                                ElementMatcher.Junction<TypeDescription> refinement) {
        ElementMatcher.Junction<TypeDescription> byName = ElementMatchers.none();
        if (!names.isEmpty()) {
            byName = byName.or(ElementMatchers.<TypeDescription>namedOneOf(names.toArray(new String[0])));
        }
        for (String p : prefixes) {
            byName = byName.or(ElementMatchers.<TypeDescription>nameStartsWith(p));
        }
        return refinement == null ? byName : byName.and(refinement);
    }

    /** The method with this name and descriptor. */
    static ElementMatcher<MethodDescription> method(String name, String descriptor) {
        return ElementMatchers.<MethodDescription>named(name).and(ElementMatchers.hasDescriptor(descriptor));
    }
}
