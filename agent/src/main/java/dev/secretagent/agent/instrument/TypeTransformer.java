package dev.secretagent.agent.instrument;

import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.matcher.ElementMatchers;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What a {@link TypeInstrumentation} declares in its {@code transform}: (method matcher → advice) pairs, a
 * transformation that is not advice, a refinement of the type matcher, and the versions a part exists in.
 */
public final class TypeTransformer {
    private final List<MethodHook> hooks = new ArrayList<>();
    /** Null until {@link #where}: a type with no refinement and only plain-ASM hooks builds no matcher at all. */
    private ElementMatcher.Junction<TypeDescription> refinement;
    private String since;

    TypeTransformer() {
    }

    /** Inlines {@code advice} into the methods {@code methods} matches. */
    public TypeTransformer advice(ElementMatcher<? super MethodDescription> methods, Class<?> advice) {
        return advice(methods, advice, AdviceConstants.NONE);
    }

    /** Inlines {@code advice} with its custom-annotated parameters bound to {@code constants}. */
    public TypeTransformer advice(ElementMatcher<? super MethodDescription> methods, Class<?> advice,
                                  AdviceConstants constants) {
        hooks.add(MethodHook.advice(methods, advice, constants, null));
        return this;
    }

    /**
     * Inlines {@code advice} into the method with this name and descriptor (the matcher is built when a class needs
     * it: a declaration written this way names no Byte Buddy type, so reading it loads none).
     */
    public TypeTransformer advice(String method, String descriptor, Class<?> advice) {
        hooks.add(MethodHook.advice(method, descriptor, advice));
        return this;
    }

    /**
     * Like {@link #advice(ElementMatcher, Class)} for a method only some versions of the range declare; {@code since}
     * names them (e.g. "logback 1.3"). The range test requires it at one end at least, not at both.
     */
    public TypeTransformer adviceSince(String since, ElementMatcher<? super MethodDescription> methods, Class<?> advice) {
        hooks.add(MethodHook.advice(methods, advice, AdviceConstants.NONE, since));
        return this;
    }

    /** A plain-ASM hook ({@link AsmHook}): no Byte Buddy class is loaded to apply it. */
    public TypeTransformer asm(AsmHook hook) {
        hooks.add(MethodHook.asm(hook, null));
        return this;
    }

    /** Like {@link #asm(AsmHook)} for a method only some versions of the range declare (see {@link #adviceSince}). */
    public TypeTransformer asmSince(String since, AsmHook hook) {
        hooks.add(MethodHook.asm(hook, since));
        return this;
    }

    /**
     * A transformation that is not advice (a call-site substitution inside {@code methods}, which {@code visitor}
     * restricts itself to; {@code methods} is what the range test checks).
     */
    public TypeTransformer visit(ElementMatcher<? super MethodDescription> methods, AsmVisitorWrapper visitor) {
        hooks.add(MethodHook.visit(methods, visitor));
        return this;
    }

    /** Narrows the declared names with a matcher on the parsed type (checked only for a watched name). */
    public TypeTransformer where(ElementMatcher<? super TypeDescription> matcher) {
        refinement = refinement == null ? ElementMatchers.<TypeDescription>any().and(matcher) : refinement.and(matcher);
        return this;
    }

    /** The whole type exists only in some versions of the range ({@code since}, e.g. "reload4j 1.2.18.1"). */
    public TypeTransformer since(String version) {
        since = version;
        return this;
    }

    List<MethodHook> hooks() {
        return Collections.unmodifiableList(hooks);
    }

    /** Null when there is none (its declared type the field's own: converting it would make the verifier load Byte Buddy). */
    ElementMatcher.Junction<TypeDescription> refinement() {
        return refinement;
    }

    /** True when every hook is plain ASM and nothing needs the parsed type. */
    boolean plainAsm() {
        if (refinement != null) {
            return false;
        }
        for (MethodHook h : hooks) {
            if (h.asm() == null) {
                return false;
            }
        }
        return true;
    }

    String since() {
        return since;
    }
}
