package dev.secretagent.agent.instrument;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

/**
 * The most common Byte Buddy declaration: one type whose hook is one advice on its methods of one name and arity
 * (log4j1's {@code subAppend(event)}, a cookie's text), written once here rather than as an anonymous
 * {@link TypeInstrumentation} in every target. (A hook that can be plain ASM is declared with {@link AsmHook}.) A hook that needs argument or return types, several
 * methods or a refinement declares its own {@code TypeInstrumentation}.
 */
public final class NamedMethod {
    private NamedMethod() {
    }

    /** {@code advice} inlined into {@code type}'s methods named {@code method} with {@code arguments} parameters. */
    public static TypeInstrumentation advice(String type, String method, int arguments, Class<?> advice) {
        return advice(type, method, arguments, advice, AdviceConstants.NONE);
    }

    /** The same, with the advice's custom-annotated parameters bound to {@code constants}. */
    public static TypeInstrumentation advice(String type, final String method, final int arguments,
                                             final Class<?> advice, final AdviceConstants constants) {
        return new TypeInstrumentation(type) {
            @Override
            protected void transform(TypeTransformer t) { // on the installer's thread: the matchers are built here
                t.advice(named(method).and(takesArguments(arguments)), advice, constants);
            }
        };
    }
}
