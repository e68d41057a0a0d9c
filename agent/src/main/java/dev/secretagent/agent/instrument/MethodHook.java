package dev.secretagent.agent.instrument;

import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * One (method matcher → advice) pair of a {@link TypeInstrumentation}, or a transformation that is not
 * advice. The class-load gate applies it as an {@link AsmVisitorWrapper}; the range test checks {@link #methods()} against
 * the framework's declared methods.
 */
public final class MethodHook {
    private final ElementMatcher<? super MethodDescription> methods;
    private final String adviceClass;
    private final AdviceConstants constants;
    private final AsmVisitorWrapper visitor;
    private final String since;

    private MethodHook(ElementMatcher<? super MethodDescription> methods, String adviceClass, AdviceConstants constants,
                       AsmVisitorWrapper visitor, String since) {
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

    public ElementMatcher<? super MethodDescription> methods() {
        return methods;
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
        return AdviceCache.advice(adviceClass, constants).on(methods);
    }
}
