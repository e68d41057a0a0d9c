package dev.secretagent.agent.instrument;

import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.matcher.ElementMatchers;

/**
 * One (method matcher → advice) pair of a {@link TypeInstrumentation}, a transformation that is not advice, or a
 * plain-ASM hook ({@link AsmHook}: one method by name and descriptor). The class-load gate applies the first two
 * as an {@link AsmVisitorWrapper}, the last with {@link AsmHookRewriter}; the range test checks {@link #methods()}
 * against the framework's declared methods.
 */
public final class MethodHook {
    private ElementMatcher<? super MethodDescription> methods;
    private final AsmHook asm;
    private final String adviceClass;
    private final AdviceConstants constants;
    private final AsmVisitorWrapper visitor;
    private final String since;

    private MethodHook(ElementMatcher<? super MethodDescription> methods, String adviceClass, AdviceConstants constants,
                       AsmVisitorWrapper visitor, String since) {
        this(methods, adviceClass, constants, visitor, since, null);
    }

    private MethodHook(ElementMatcher<? super MethodDescription> methods, String adviceClass, AdviceConstants constants,
                       AsmVisitorWrapper visitor, String since, AsmHook asm) {
        this.asm = asm;
        this.methods = methods;
        this.adviceClass = adviceClass;
        this.constants = constants;
        this.visitor = visitor;
        this.since = since;
    }

    static MethodHook advice(ElementMatcher<? super MethodDescription> methods, Class<?> advice,
                             AdviceConstants constants, String since) {
        return new MethodHook(methods, advice.getName(), constants, null, since);
    }

    static MethodHook visit(ElementMatcher<? super MethodDescription> methods, AsmVisitorWrapper visitor) {
        return new MethodHook(methods, null, AdviceConstants.NONE, visitor, null);
    }

    static MethodHook asm(AsmHook hook, String since) {
        return new MethodHook(null, null, AdviceConstants.NONE, null, since, hook);
    }

    /** The methods the hook goes into (for a plain-ASM hook built on first call: only the range test asks). */
    public synchronized ElementMatcher<? super MethodDescription> methods() {
        if (methods == null) {
            methods = ElementMatchers.named(asm.method).and(ElementMatchers.hasDescriptor(asm.descriptor));
        }
        return methods;
    }

    /** The plain-ASM hook, or null for advice and visiting transformations. */
    public AsmHook asm() {
        return asm;
    }

    /** The advice class's name, or null for a visiting transformation. */
    public String adviceClass() {
        return adviceClass;
    }

    /** Null when every version of the range declares a method {@link #methods()} matches. */
    public String since() {
        return since;
    }

    /**
     * What the hook does to a class's bytes: its advice inlined into the methods {@link #methods()} matches
     * (parsed once, see {@link AdviceCache}), or its own visitor.
     */
    AsmVisitorWrapper wrapper() {
        if (visitor != null) {
            return visitor;
        }
        return AdviceCache.advice(adviceClass, constants).on(methods());
    }
}
