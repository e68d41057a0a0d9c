package dev.secretagent.agent.instrument;

import dev.secretagent.runtime.redact.Diagnostics;
import net.bytebuddy.ClassFileVersion;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.scaffold.TypeInitializer;
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.implementation.auxiliary.AuxiliaryType;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.pool.TypePool;
import net.bytebuddy.utility.AsmClassWriter;
import net.bytebuddy.utility.OpenedClassReader;

import java.util.ArrayList;
import java.util.List;

/**
 * The Byte Buddy side of the {@link FrameworkTransformer}, for declarations that need the parsed type (a
 * refinement) or inline {@code Advice} / a visitor: the type is parsed from a per-loader {@link TypePools pool},
 * each declaration's refinement is checked against it, and every matching hook is applied as an
 * {@link AsmVisitorWrapper} in one pass of ASM over the class file. Its own class, created on first need, so that a
 * JVM whose watched classes all take plain-ASM hooks ({@link AsmHookRewriter}) loads none of this.
 *
 * <p>What the AgentBuilder was set up for, kept: advice only, no new members ({@code disableClassFormatChanges}:
 * a retransformation may not change a class's shape, so the implementation context is the disabled one, which
 * refuses to add any); only the methods a class declares are looked at, never its super types' method graph
 * (another agent that ran first may have added interfaces it generated without a class file, which no pool
 * resolves); no type validation and no Nexus (nothing here creates a type).
 */
final class AdviceTransformer {
    private final TypePools pools = new TypePools();

    /**
     * {@code bytes} with the hooks of every declaration in {@code declared} whose refinement holds, or null if none
     * holds (or the type does not resolve, which is reported); the plain-ASM hooks of the declarations that hold are
     * added to {@code asmHooks} for the caller's pass.
     */
    byte[] transform(ClassLoader loader, String binaryName, byte[] bytes, List<TypeInstrumentation> declared,
                     List<AsmHook> asmHooks) {
        TypePool.Resolution resolution = pools.describe(loader, binaryName, bytes);
        if (!resolution.isResolved()) {
            Diagnostics.warn("could not instrument " + binaryName + ": its type does not resolve");
            return null;
        }
        TypeDescription type = resolution.resolve();
        List<AsmVisitorWrapper> wrappers = new ArrayList<>();
        boolean matched = false;
        for (TypeInstrumentation d : declared) {
            if (d.typeMatcher().matches(type)) {
                matched = true;
                for (MethodHook hook : d.hooks()) {
                    if (hook.asm() != null) {
                        asmHooks.add(hook.asm());
                    } else {
                        wrappers.add(wrapper(hook));
                    }
                }
            }
        }
        if (!matched || wrappers.isEmpty()) {
            return matched ? bytes : null;
        }
        return apply(type, bytes, new AsmVisitorWrapper.Compound(wrappers), pools.poolOf(loader));
    }

    /**
     * What a hook does to a class's bytes: its advice inlined into the methods {@link MethodHook#methods()} matches
     * (parsed once, see {@link AdviceCache}), or its own visitor.
     */
    static AsmVisitorWrapper wrapper(MethodHook hook) {
        if (hook.visitor() != null) {
            return hook.visitor();
        }
        return AdviceCache.advice(hook.adviceClass(), hook.constants()).on(hook.methods());
    }

    /**
     * One pass of ASM: the reader's constant pool is kept and methods no wrapper touches are copied as they are.
     * Frames are not recomputed (advice writes its own); should a wrapper ask for it, common super classes are
     * found in the pool, never by loading a class.
     */
    private static byte[] apply(TypeDescription type, byte[] bytes, AsmVisitorWrapper wrapper, TypePool pool) {
        int writerFlags = wrapper.mergeWriter(AsmVisitorWrapper.NO_FLAGS);
        int readerFlags = wrapper.mergeReader(AsmVisitorWrapper.NO_FLAGS);
        ClassReader reader = OpenedClassReader.of(bytes);
        AsmClassWriter.FrameComputingClassWriter writer = new AsmClassWriter.FrameComputingClassWriter(reader, writerFlags, pool);
        ClassFileVersion version = ClassFileVersion.ofClassFile(bytes);
        Implementation.Context.ExtractableView context = Implementation.Context.Disabled.Factory.INSTANCE.make(type,
                (AuxiliaryType.NamingStrategy) null, TypeInitializer.None.INSTANCE, version, version);
        ClassVisitor visitor = wrapper.wrap(type, writer, context, pool, type.getDeclaredFields(),
                type.getDeclaredMethods(), writerFlags, readerFlags);
        reader.accept(visitor, readerFlags);
        return writer.toByteArray();
    }
}
