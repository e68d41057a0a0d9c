package dev.secretagent.agent.instrument.jdk;

import dev.secretagent.runtime.redact.Diagnostics;
import dev.secretagent.runtime.redact.Redaction;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

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
 * {@code instrument/Installer}); each is a few instructions around one call to a runtime door, with
 * no branches, so no stack-map frames need recomputing and no class is loaded to transform.
 */
public final class CoreJdkTransformer implements ClassFileTransformer {
    private final Set<String> owners = new HashSet<>();
    private final List<JdkHook> hooks = new ArrayList<>();

    private CoreJdkTransformer(List<String> disabledTargets) {
        List<JdkHook> all = new ArrayList<>(JdkHooks.ALL);
        all.addAll(JdkHooks.NET);
        for (JdkHook h : all) {
            if (!disabledTargets.contains(h.target)) {
                hooks.add(h);
                owners.add(h.owner);
            }
        }
    }

    /** The target names of the java.lang hooks (env, process, stdio, sysprop), as instrument.disabled takes them. */
    public static java.util.Set<String> targetNames() {
        java.util.Set<String> names = new java.util.TreeSet<>();
        for (JdkHook h : JdkHooks.ALL) {
            names.add(h.target);
        }
        for (JdkHook h : JdkHooks.NET) {
            names.add(h.target);
        }
        return names;
    }

    /**
     * Installs the hooks (but those of disabled targets) and retransforms the owners that are already
     * loaded (java.lang.System always is). Returns the target names installed.
     */
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
        List<Class<?>> net = new ArrayList<>();
        Set<String> netOwners = new HashSet<>();
        for (JdkHook h : JdkHooks.NET) {
            netOwners.add(h.owner.replace('/', '.'));
        }
        Set<String> names = new HashSet<>();
        for (String owner : transformer.owners) {
            names.add(owner.replace('/', '.'));
        }
        if (names.remove("java.lang.System")) {
            loaded.add(System.class);
        }
        if (!names.isEmpty()) {
            for (Class<?> c : inst.getAllLoadedClasses()) {
                if (names.contains(c.getName())) {
                    (netOwners.contains(c.getName()) ? net : loaded).add(c);
                }
            }
        }
        if (!net.isEmpty() && retransformedTogether(inst, loaded, net)) {
            return targets;
        }
        inst.retransformClasses(loaded.toArray(new Class<?>[0]));
        if (!net.isEmpty()) {
            // apart: should the net's classes fail to transform, the secret-read hooks above stay in place
            try {
                inst.retransformClasses(net.toArray(new Class<?>[0]));
            } catch (Throwable t) {
                Diagnostics.error("could not place the last-line net on file and console output", t);
                targets.remove("filenet");
            }
        }
        return targets;
    }

    /**
     * One retransformation for the secret-read hooks and the net together: each call is a VM operation of its own
     * (a safepoint, the class bytes reconstituted, dependent code deoptimised), a few ms of the premain's time.
     * Retransformation is all or nothing, so when this fails nothing has changed and the caller retransforms the two
     * sets apart, as it did before, keeping the secret-read hooks should only the net fail.
     */
    private static boolean retransformedTogether(Instrumentation inst, List<Class<?>> loaded, List<Class<?>> net) {
        List<Class<?>> all = new ArrayList<>(loaded);
        all.addAll(net);
        try {
            inst.retransformClasses(all.toArray(new Class<?>[0]));
            return true;
        } catch (Throwable t) {
            return false;
        }
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
                        mv = new HookedMethod(mv, h, isStatic ? 0 : 1, desc);
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
        private String methodDescriptor;

        HookedMethod(MethodVisitor mv, JdkHook hook, int firstArgSlot) {
            super(Opcodes.ASM9, mv);
            this.hook = hook;
            this.firstArgSlot = firstArgSlot;
        }

        HookedMethod(MethodVisitor mv, JdkHook hook, int firstArgSlot, String methodDescriptor) {
            this(mv, hook, firstArgSlot);
            this.methodDescriptor = methodDescriptor;
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
            } else if (hook.kind == JdkHook.Kind.ENTRY_FIELD) {
                enterWithField();
            }
        }

        /**
         * {@code door(this.field, args... [, this.extra])} and, for a boolean or int door, an early return. The one
         * branch lands on the method's original first instruction with the locals and stack of its entry, so the
         * frame there is F_SAME (F_SAME1 with the int still on the stack), and the method's own frames, relative to
         * the entry frame, stay right.
         */
        private void enterWithField() {
            super.visitVarInsn(Opcodes.ALOAD, 0);
            super.visitFieldInsn(Opcodes.GETFIELD, hook.owner, hook.field, "Ljava/lang/Object;");
            int slot = 1;
            for (Type t : Type.getArgumentTypes(methodDescriptor)) {
                super.visitVarInsn(t.getOpcode(Opcodes.ILOAD), slot);
                slot += t.getSize();
            }
            if (hook.extraField != null) {
                int colon = hook.extraField.indexOf(':');
                super.visitVarInsn(Opcodes.ALOAD, 0);
                super.visitFieldInsn(Opcodes.GETFIELD, hook.owner, hook.extraField.substring(0, colon),
                        hook.extraField.substring(colon + 1));
            }
            super.visitMethodInsn(Opcodes.INVOKESTATIC, hook.doorOwner, hook.doorMethod, hook.doorDescriptor, false);
            char returns = hook.doorDescriptor.charAt(hook.doorDescriptor.length() - 1);
            Label original = new Label();
            if (returns == 'Z') {
                super.visitJumpInsn(Opcodes.IFEQ, original);
                super.visitInsn(Opcodes.RETURN);
                super.visitLabel(original);
                super.visitFrame(Opcodes.F_SAME, 0, null, 0, null);
            } else if (returns == 'I') {
                super.visitInsn(Opcodes.DUP);
                super.visitJumpInsn(Opcodes.IFLT, original);
                super.visitInsn(Opcodes.IRETURN);
                super.visitLabel(original);
                super.visitFrame(Opcodes.F_SAME1, 0, null, 1, new Object[] {Opcodes.INTEGER});
                super.visitInsn(Opcodes.POP);
            }
        }

        @Override
        public void visitInsn(int opcode) {
            if (opcode == Opcodes.RETURN && hook.kind == JdkHook.Kind.INIT_FIELD) {
                // this.field = FileNet.opened(this, this.field, this.path, this.fd)
                super.visitVarInsn(Opcodes.ALOAD, 0);
                super.visitVarInsn(Opcodes.ALOAD, 0);
                super.visitVarInsn(Opcodes.ALOAD, 0);
                super.visitFieldInsn(Opcodes.GETFIELD, hook.owner, hook.field, "Ljava/lang/Object;");
                super.visitVarInsn(Opcodes.ALOAD, 0);
                super.visitFieldInsn(Opcodes.GETFIELD, hook.owner, "path", "Ljava/lang/String;");
                super.visitVarInsn(Opcodes.ALOAD, 0);
                super.visitFieldInsn(Opcodes.GETFIELD, hook.owner, "fd", "Ljava/io/FileDescriptor;");
                super.visitMethodInsn(Opcodes.INVOKESTATIC, hook.doorOwner, hook.doorMethod, hook.doorDescriptor, false);
                super.visitFieldInsn(Opcodes.PUTFIELD, hook.owner, hook.field, "Ljava/lang/Object;");
            }
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
