package dev.secretagent.agent.instrument;

import dev.secretagent.runtime.redact.Diagnostics;
import dev.secretagent.runtime.redact.Redaction;
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

import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies the targets' declarations to one watched class's bytes, without Byte Buddy's AgentBuilder (whose
 * set-up alone costs 0.5 s and a thousand classes): the declarations are looked up by the class's name, their
 * refinement is checked against the type parsed from a per-loader {@link TypePools pool}, and every matching
 * {@link MethodHook} is applied as an {@link AsmVisitorWrapper} in one pass of ASM over the class file.
 *
 * <p>What the AgentBuilder was set up for, kept: advice only, no new members ({@code disableClassFormatChanges}:
 * a retransformation may not change a class's shape, so the implementation context is the disabled one, which
 * refuses to add any); only the methods a class declares are looked at, never its super types' method graph
 * (another agent that ran first may have added interfaces it generated without a class file, which no pool
 * resolves); no type validation and no Nexus (nothing here creates a type); the read edge from a named JDK module
 * to the runtime's module. A failure leaves the class as it was and says so.
 */
final class FrameworkTransformer {
    private final Instrumentation inst;
    private final Map<String, List<TypeInstrumentation>> byName = new HashMap<>();
    private final List<String> prefixes = new ArrayList<>();
    private final List<TypeInstrumentation> byPrefix = new ArrayList<>();
    private final TypePools pools = new TypePools();

    FrameworkTransformer(Instrumentation inst, List<TargetInstrumentation> targets) {
        this.inst = inst;
        for (TargetInstrumentation t : targets) {
            for (TypeInstrumentation type : t.types()) {
                for (String name : type.names()) {
                    List<TypeInstrumentation> list = byName.get(name);
                    if (list == null) {
                        list = new ArrayList<>(1);
                        byName.put(name, list);
                    }
                    list.add(type);
                }
                for (String prefix : type.prefixes()) {
                    prefixes.add(prefix);
                    byPrefix.add(type);
                }
            }
        }
    }

    /** The transformed class file, or null to leave it unchanged (also on any failure, which is reported). */
    byte[] transform(Module module, ClassLoader loader, String binaryName, boolean retransforming, byte[] bytes) {
        try {
            List<TypeInstrumentation> candidates = candidates(binaryName);
            if (candidates.isEmpty()) {
                return null;
            }
            TypePool.Resolution resolution = pools.describe(loader, binaryName, bytes);
            if (!resolution.isResolved()) {
                Diagnostics.warn("could not instrument " + binaryName + ": its type does not resolve");
                return null;
            }
            TypeDescription type = resolution.resolve();
            List<AsmVisitorWrapper> wrappers = new ArrayList<>();
            for (TypeInstrumentation declared : candidates) {
                if (declared.typeMatcher().matches(type)) {
                    for (MethodHook hook : declared.hooks()) {
                        wrappers.add(hook.wrapper());
                    }
                }
            }
            if (wrappers.isEmpty()) {
                return null;
            }
            byte[] result = apply(type, bytes, new AsmVisitorWrapper.Compound(wrappers), pools.poolOf(loader));
            readRuntime(module);
            Diagnostics.debug("instrumented " + binaryName + (retransforming ? " (retransformed)" : ""));
            return result;
        } catch (Throwable e) {
            Diagnostics.warn("could not instrument " + binaryName + ": " + e);
            return null;
        }
    }

    private List<TypeInstrumentation> candidates(String binaryName) {
        List<TypeInstrumentation> exact = byName.get(binaryName);
        List<TypeInstrumentation> found = null;
        for (int i = 0; i < prefixes.size(); i++) {
            if (binaryName.startsWith(prefixes.get(i))) {
                if (found == null) {
                    found = exact == null ? new ArrayList<TypeInstrumentation>() : new ArrayList<>(exact);
                }
                found.add(byPrefix.get(i));
            }
        }
        return found != null ? found : exact != null ? exact : Collections.<TypeInstrumentation>emptyList();
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

    /**
     * JDK modules (java.logging, java.net.http, ...) do not read the bootstrap loader's unnamed module, where the
     * runtime lives; inlined advice links against it, so the edge is added before the class is defined.
     */
    private void readRuntime(Module module) {
        Module runtime = Redaction.class.getModule();
        if (module != null && module.isNamed() && !module.canRead(runtime)) {
            inst.redefineModule(module, Collections.singleton(runtime), Collections.<String, java.util.Set<Module>>emptyMap(),
                    Collections.<String, java.util.Set<Module>>emptyMap(), Collections.<Class<?>>emptySet(),
                    Collections.<Class<?>, List<Class<?>>>emptyMap());
        }
    }
}
