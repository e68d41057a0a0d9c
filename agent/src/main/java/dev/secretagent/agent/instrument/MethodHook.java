package dev.secretagent.agent.instrument;

import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * One (method matcher → advice) pair of a {@link TypeInstrumentation}, a transformation that is not advice, or a
 * plain-ASM hook ({@link AsmHook}: one method by name and descriptor). The class-load gate applies the first two
 * as an {@link AsmVisitorWrapper} ({@link AdviceTransformer#wrapper}), the last with {@link AsmHookRewriter}; the
 * range test checks {@link #methods()} against the framework's declared methods.
 *
 * <p>Loaded for plain-ASM targets too, so it converts no Byte Buddy type (the verifier would load it): a matcher
 * given by name and descriptor is built in {@link Matchers} when asked for.
 */
public final class MethodHook {
    private ElementMatcher<? super MethodDescription> methods;
    /** The method's name and descriptor when {@link #methods} is built on first call. */
    private final String method;
    private final String descriptor;
    private final AsmHook asm;
    private final String adviceClass;
    private final AdviceConstants constants;
    private final AsmVisitorWrapper visitor;
    private final String since;

    private MethodHook(ElementMatcher<? super MethodDescription> methods, String method, String descriptor,
                       String adviceClass, AdviceConstants constants, AsmVisitorWrapper visitor, String since,
                       AsmHook asm) {
        this.methods = methods;
        this.method = method;
        this.descriptor = descriptor;
        this.asm = asm;
        this.adviceClass = adviceClass;
        this.constants = constants;
        this.visitor = visitor;
        this.since = since;
    }

    static MethodHook advice(ElementMatcher<? super MethodDescription> methods, Class<?> advice,
                             AdviceConstants constants, String since) {
        return new MethodHook(methods, null, null, advice.getName(), constants, null, since, null);
    }

    static MethodHook advice(String method, String descriptor, Class<?> advice) {
        return new MethodHook(null, method, descriptor, advice.getName(), AdviceConstants.NONE, null, null, null);
    }

    static MethodHook visit(ElementMatcher<? super MethodDescription> methods, AsmVisitorWrapper visitor) {
        return new MethodHook(methods, null, null, null, AdviceConstants.NONE, visitor, null, null);
    }

    static MethodHook asm(AsmHook hook, String since) {
        return new MethodHook(null, hook.method, hook.descriptor, null, AdviceConstants.NONE, null, since, hook);
    }

    /** The methods the hook goes into (for one given by name and descriptor, built on first call). */
    public synchronized ElementMatcher<? super MethodDescription> methods() {
        if (methods == null) {
            methods = Matchers.method(method, descriptor);
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

    AdviceConstants constants() {
        return constants;
    }

    /** A transformation that is not advice, or null. */
    AsmVisitorWrapper visitor() {
        return visitor;
    }
}
