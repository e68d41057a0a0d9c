package dev.secretagent.agent.instrument.jetty;

import dev.secretagent.runtime.door.jetty.HeaderLogArgs;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.asm.MemberSubstitution;
import net.bytebuddy.description.field.FieldDescription;
import net.bytebuddy.description.field.FieldList;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.method.MethodList;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.pool.TypePool;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

/**
 * In {@code org.eclipse.jetty.http.HttpParser#parsedHeader()} (and {@code parsedTrailer()}), the DEBUG call
 * {@code LOG.debug("parsedHeader({}) header={}, headerString=[{}], valueString=[{}]", ...)} is replaced by
 * {@link HeaderLogArgs#debug}: the header's name and value are two arguments there, so the value is masked
 * before the logger formats them apart. Only that call site changes; the parse itself is untouched.
 */
final class ParserDebugSubstitution implements AsmVisitorWrapper {
    private final AsmVisitorWrapper substitution;

    /** {@code callers}: the methods whose DEBUG call is replaced. */
    ParserDebugSubstitution(ElementMatcher<? super MethodDescription> callers) {
        this.substitution = substitution(callers);
    }

    private static AsmVisitorWrapper substitution(ElementMatcher<? super MethodDescription> callers) {
        try {
            MethodDescription substitute = new MethodDescription.ForLoadedMethod(
                    HeaderLogArgs.class.getMethod("debug", Object.class, String.class, Object[].class));
            return MemberSubstitution.relaxed()
                    .method(named("debug").and(takesArguments(String.class, Object[].class)))
                    .replaceWith(substitute)
                    .on(callers);
        } catch (Throwable t) {
            // the door is missing from this runtime: the parser stays as it is
            return AsmVisitorWrapper.NoOp.INSTANCE;
        }
    }

    @Override
    public int mergeWriter(int flags) {
        return substitution.mergeWriter(flags);
    }

    @Override
    public int mergeReader(int flags) {
        return substitution.mergeReader(flags);
    }

    @Override
    public ClassVisitor wrap(TypeDescription instrumentedType, ClassVisitor classVisitor,
                             Implementation.Context implementationContext, TypePool typePool,
                             FieldList<FieldDescription.InDefinedShape> fields, MethodList<?> methods,
                             int writerFlags, int readerFlags) {
        return substitution.wrap(instrumentedType, classVisitor, implementationContext, typePool, fields, methods,
                writerFlags, readerFlags);
    }
}
