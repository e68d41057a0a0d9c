package dev.secretagent.agent.instrument.jetty;

import dev.secretagent.runtime.door.jetty.HeaderLogArgs;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.MemberSubstitution;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.utility.JavaModule;

import java.security.ProtectionDomain;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

/**
 * In {@code org.eclipse.jetty.http.HttpParser#parsedHeader()} (and {@code parsedTrailer()}), the DEBUG call
 * {@code LOG.debug("parsedHeader({}) header={}, headerString=[{}], valueString=[{}]", ...)} is replaced by
 * {@link HeaderLogArgs#debug}: the header's name and value are two arguments there, so the value is masked
 * before the logger formats them apart. Only that call site changes; the parse itself is untouched.
 */
final class ParserDebugSubstitution implements AgentBuilder.Transformer {
    private final ElementMatcher<? super MethodDescription> callers;

    /** {@code callers}: the methods whose DEBUG call is replaced. */
    ParserDebugSubstitution(ElementMatcher<? super MethodDescription> callers) {
        this.callers = callers;
    }

    @Override
    public DynamicType.Builder<?> transform(DynamicType.Builder<?> builder, TypeDescription type, ClassLoader loader,
                                            JavaModule module, ProtectionDomain domain) {
        try {
            MethodDescription substitute = new MethodDescription.ForLoadedMethod(
                    HeaderLogArgs.class.getMethod("debug", Object.class, String.class, Object[].class));
            return builder.visit(MemberSubstitution.relaxed()
                    .method(named("debug").and(takesArguments(String.class, Object[].class)))
                    .replaceWith(substitute)
                    .on(callers));
        } catch (Throwable t) {
            return builder;
        }
    }
}
