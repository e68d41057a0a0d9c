package dev.secretagent.agent.instrument;

import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * One (method matcher → advice) pair of a {@link TypeInstrumentation}, or a transformation that is not
 * advice. The installer turns it into a Byte Buddy transformer; the range test checks {@link #methods()} against
 * the framework's declared methods.
 */
public final class MethodHook {
    private final ElementMatcher<? super MethodDescription> methods;
    private final String adviceClass;
    private final AdviceConstants constants;
    private final AgentBuilder.Transformer visitor;
    private final String since;

    private MethodHook(ElementMatcher<? super MethodDescription> methods, String adviceClass, AdviceConstants constants,
                       AgentBuilder.Transformer visitor, String since) {
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

    static MethodHook visit(ElementMatcher<? super MethodDescription> methods, AgentBuilder.Transformer transformer) {
        return new MethodHook(methods, null, AdviceConstants.NONE, transformer, null);
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
     * Advice is read from the system class loader (the agent jar) and inlined, so it never has to be visible
     * from the application's class loaders; the runtime it calls is on the bootstrap path.
     */
    AgentBuilder.Transformer transformer() {
        if (visitor != null) {
            return visitor;
        }
        return new AgentBuilder.Transformer.ForAdvice(constants.mapping())
                .include(ClassLoader.getSystemClassLoader())
                .advice(methods, adviceClass);
    }
}
