package dev.secretagent.agent.instrument;

import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.matcher.ElementMatchers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A target's declaration for one type (or a family of types): the names it is matched by, an optional
 * refinement that needs the parsed type (a super class), and the {@link MethodHook}s applied to it.
 *
 * <p>Types are declared by exact name wherever the framework's class is known: the installer watches exact
 * names with one hash lookup per loaded class; {@link #prefixed} is for a family of classes the target cannot
 * list (Jetty's end points), and every prefix costs every loaded class one {@code startsWith}.
 */
public final class TypeInstrumentation {
    private final List<String> names;
    private final List<String> prefixes;
    private ElementMatcher.Junction<TypeDescription> refinement = ElementMatchers.any();
    private final List<MethodHook> hooks = new ArrayList<>();
    private String optionalSince;

    private TypeInstrumentation(List<String> names, List<String> prefixes) {
        this.names = names;
        this.prefixes = prefixes;
    }

    /** The types with exactly these (binary) names. */
    public static TypeInstrumentation named(String... names) {
        return new TypeInstrumentation(Collections.unmodifiableList(Arrays.asList(names.clone())),
                Collections.<String>emptyList());
    }

    /** Every type whose name starts with {@code prefix}, narrowed with {@link #where}. */
    public static TypeInstrumentation prefixed(String prefix) {
        return new TypeInstrumentation(Collections.<String>emptyList(), Collections.singletonList(prefix));
    }

    /** Narrows the named types with a matcher on the parsed type (checked only for a watched name). */
    public TypeInstrumentation where(ElementMatcher<? super TypeDescription> matcher) {
        refinement = refinement.and(matcher);
        return this;
    }

    /** Inlines {@code advice} into the methods {@code methods} matches. */
    public TypeInstrumentation advice(ElementMatcher<? super MethodDescription> methods, Class<?> advice) {
        hooks.add(MethodHook.advice(methods, advice, AdviceConstants.NONE, null));
        return this;
    }

    /** Inlines {@code advice} with its custom-annotated parameters bound to {@code constants}. */
    public TypeInstrumentation advice(ElementMatcher<? super MethodDescription> methods, Class<?> advice,
                                      AdviceConstants constants) {
        hooks.add(MethodHook.advice(methods, advice, constants, null));
        return this;
    }

    /**
     * Like {@link #advice(ElementMatcher, Class)} for a method only some versions of the range declare; {@code since}
     * names them (e.g. "logback 1.3+"). The range test requires it at one end at least, not at both.
     */
    public TypeInstrumentation adviceSince(String since, ElementMatcher<? super MethodDescription> methods,
                                           Class<?> advice) {
        hooks.add(MethodHook.advice(methods, advice, AdviceConstants.NONE, since));
        return this;
    }

    /** A transformation that is not advice (a call-site substitution inside {@code methods}). */
    public TypeInstrumentation visit(ElementMatcher<? super MethodDescription> methods, AgentBuilder.Transformer transformer) {
        hooks.add(MethodHook.visit(methods, transformer));
        return this;
    }

    /** The whole type exists only in some versions of the range ({@code since}, e.g. "reload4j 1.2.18.1+"). */
    public TypeInstrumentation since(String since) {
        optionalSince = since;
        return this;
    }

    public List<String> names() {
        return names;
    }

    public List<String> prefixes() {
        return prefixes;
    }

    public List<MethodHook> hooks() {
        return Collections.unmodifiableList(hooks);
    }

    /** Null when every version of the range has the type. */
    public String optionalSince() {
        return optionalSince;
    }

    /** What the AgentBuilder matches: a declared name or prefix, then the refinement. */
    public ElementMatcher<TypeDescription> typeMatcher() {
        ElementMatcher.Junction<TypeDescription> byName = ElementMatchers.none();
        if (!names.isEmpty()) {
            byName = byName.or(ElementMatchers.<TypeDescription>namedOneOf(names.toArray(new String[0])));
        }
        for (String p : prefixes) {
            byName = byName.or(ElementMatchers.<TypeDescription>nameStartsWith(p));
        }
        return byName.and(refinement);
    }
}
