package dev.secretagent.agent.instrument.jdk;

import dev.secretagent.runtime.Diagnostics;
import dev.secretagent.runtime.redact.Redaction;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The java.lang hooks (System.getenv/getProperty/setOut/setErr, ...), applied with plain ASM before
 * main. They must be in place before the first line of the application runs, so they cannot wait
 * for Byte Buddy's AgentBuilder (which costs a few hundred milliseconds to set up, see
 * {@code FrameworkInstaller}); each is a few instructions around one call to a runtime door, with
 * no branches, so no stack-map frames need recomputing and no class is loaded to transform.
 */
public final class CoreJdkTransformer implements ClassFileTransformer {
    private final Set<String> owners = new HashSet<>();
    private final List<JdkHook> hooks = new ArrayList<>();

    private CoreJdkTransformer(List<String> disabledTargets) {
        for (JdkHook h : JdkHooks.ALL) {
            if (!disabledTargets.contains(h.target)) {
                hooks.add(h);
                owners.add(h.owner);
            }
        }
    }

    /**
     * Installs the hooks (but those of disabled targets) and retransforms the owners that are already
     * loaded (java.lang.System always is). Returns the target names installed.
     */
    /** The target names of the java.lang hooks (env, process, stdio, sysprop), as instrument.disabled takes them. */
    public static java.util.Set<String> targetNames() {
        java.util.Set<String> names = new java.util.TreeSet<>();
        for (JdkHook h : JdkHooks.ALL) {
            names.add(h.target);
        }
        return names;
    }

    public static List<String> install(Instrumentation inst, List<String> disabledTargets) throws Exception {
        // java.base must read the bootstrap loader's unnamed module, where the runtime doors live.
        Module runtime = Redaction.class.getModule();
        inst.redefineModule(Object.class.getModule(), Collections.singleton(runtime),
                Collections.<String, Set<Module>>emptyMap(), Collections.<String, Set<Module>>emptyMap(),
                Collections.<Class<?>>emptySet(), Collections.<Class<?>, List<Class<?>>>emptyMap());
        CoreJdkTransformer transformer = new CoreJdkTransformer(disabledTargets);
        List<String> targets = new ArrayList<>();
        for (JdkHook h : transformer.hooks) {
            if (!targets.contains(h.target)) {
                targets.add(h.target);
            }
        }
        if (transformer.hooks.isEmpty()) {
            return targets;
        }
        inst.addTransformer(transformer, true);
        List<Class<?>> loaded = new ArrayList<>();
        for (String owner : transformer.owners) {
            String name = owner.replace('/', '.');
            if (name.equals("java.lang.System")) {
                loaded.add(System.class);
            } else {
                for (Class<?> c : inst.getAllLoadedClasses()) {
                    if (c.getName().equals(name)) {
                        loaded.add(c);
                    }
                }
            }
        }
        inst.retransformClasses(loaded.toArray(new Class<?>[0]));
        return targets;
    }

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
                            ProtectionDomain protectionDomain, byte[] classfileBuffer) {
        if (loader != null || className == null || !owners.contains(className)) {
            return null;
        }
        try {
            return rewrite(className, classfileBuffer, hooks);
        } catch (Throwable t) {
            Diagnostics.error("could not instrument " + className + "; it stays as it was", t);
            return null;
        }
    }

    static byte[] rewrite(final String className, byte[] bytes, final List<JdkHook> hooks) {
        ClassReader reader = new ClassReader(bytes);
        ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String desc, String signature, String[] exceptions) {
                MethodVisitor mv = super.visitMethod(access, name, desc, signature, exceptions);
                for (JdkHook h : hooks) {
                    if (h.owner.equals(className) && h.matches(name, desc)) {
                        boolean isStatic = (access & Opcodes.ACC_STATIC) != 0;
                        mv = new HookedMethod(mv, h, isStatic ? 0 : 1);
                    }
                }
                return mv;
            }
        }, 0);
        return writer.toByteArray();
    }

    /** Inserts the door call; straight-line code only. */
    private static final class HookedMethod extends MethodVisitor {
        private final JdkHook hook;
        private final int firstArgSlot;

        HookedMethod(MethodVisitor mv, JdkHook hook, int firstArgSlot) {
            super(Opcodes.ASM9, mv);
            this.hook = hook;
            this.firstArgSlot = firstArgSlot;
        }

        @Override
        public void visitCode() {
            super.visitCode();
            if (hook.kind == JdkHook.Kind.FILTER_ARGUMENT) {
                super.visitVarInsn(Opcodes.ALOAD, firstArgSlot);
                super.visitLdcInsn(hook.constant);
                super.visitMethodInsn(Opcodes.INVOKESTATIC, hook.doorOwner, hook.doorMethod, hook.doorDescriptor, false);
                super.visitVarInsn(Opcodes.ASTORE, firstArgSlot);
            } else if (hook.kind == JdkHook.Kind.ENTRY_THIS) {
                super.visitVarInsn(Opcodes.ALOAD, 0);
                super.visitMethodInsn(Opcodes.INVOKESTATIC, hook.doorOwner, hook.doorMethod, hook.doorDescriptor, false);
            }
        }

        @Override
        public void visitInsn(int opcode) {
            if (opcode == Opcodes.ARETURN && hook.kind == JdkHook.Kind.FILTER_RETURN) {
                if (hook.passArgument) {
                    super.visitVarInsn(Opcodes.ALOAD, firstArgSlot);
                    super.visitInsn(Opcodes.SWAP);
                }
                super.visitMethodInsn(Opcodes.INVOKESTATIC, hook.doorOwner, hook.doorMethod, hook.doorDescriptor, false);
            }
            super.visitInsn(opcode);
        }
    }
}
