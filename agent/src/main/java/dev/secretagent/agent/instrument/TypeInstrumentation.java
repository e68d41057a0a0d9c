package dev.secretagent.agent.instrument;

import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A target's declaration for one type (or a family of types): the names it is matched by, given to the
 * constructor, and in {@link #transform} the hooks applied to it (and a refinement that needs the parsed type).
 *
 * <p>Two stages on purpose: the names are plain strings (and listed again in {@code targets/WatchedClassNames},
 * which the class-load gate reads before {@code main}); {@link #transform} declares the hooks (plain-ASM
 * {@link AsmHook}s, or Byte Buddy advice with its matchers) and runs only when the framework transformer is prepared
 * (the first watched class, or the late-attach path), so a JVM that never loads a watched class reads no hook, and
 * one whose watched classes all take plain-ASM hooks builds no Byte Buddy matcher.
 *
 * <p>Types are declared by exact name wherever the framework's class is known: the gate and the ignore matcher
 * look exact names up in a hash set; a prefix is for a family of classes the target cannot list (Jetty's end
 * points), and every prefix costs every loaded class one {@code startsWith}.
 */
public abstract class TypeInstrumentation {
    private final List<String> names;
    private final List<String> prefixes;
    private TypeTransformer declared;

    /** The types with exactly these (binary) names. */
    protected TypeInstrumentation(String... names) {
        this(Arrays.asList(names.clone()), Collections.<String>emptyList());
    }

    /** The types with these names, and every type whose name starts with one of {@code prefixes}. */
    protected TypeInstrumentation(List<String> names, List<String> prefixes) {
        this.names = Collections.unmodifiableList(names);
        this.prefixes = Collections.unmodifiableList(prefixes);
    }

    /** Declares the hooks, with Byte Buddy's matchers (the shape of the OpenTelemetry agent's {@code transform}). */
    protected abstract void transform(TypeTransformer transformer);

    public final List<String> names() {
        return names;
    }

    public final List<String> prefixes() {
        return prefixes;
    }

    public final List<MethodHook> hooks() {
        return declared().hooks();
    }

    /**
     * True when the type is rewritten with plain ASM alone ({@link AsmHook}s, no refinement): the class-load gate
     * then parses no type and loads no Byte Buddy class for it.
     */
    public final boolean plainAsm() {
        return declared().plainAsm();
    }

    /** The plain-ASM hooks among {@link #hooks()}. */
    final List<AsmHook> asmHooks() {
        List<AsmHook> asm = new java.util.ArrayList<>();
        for (MethodHook h : hooks()) {
            if (h.asm() != null) {
                asm.add(h.asm());
            }
        }
        return asm;
    }

    /** Null when every version of the range has the type. */
    public final String optionalSince() {
        return declared().since();
    }

    /** What the class-load gate matches: a declared name or prefix, then the refinement. */
    public final ElementMatcher<TypeDescription> typeMatcher() {
        // built in Matchers: this class is loaded for plain-ASM targets too, and must name no Byte Buddy type to verify
        return Matchers.type(names, prefixes, declared().refinement());
    }

    private synchronized TypeTransformer declared() {
        if (declared == null) {
            TypeTransformer t = new TypeTransformer();
            transform(t);
            declared = t;
        }
        return declared;
    }
}
