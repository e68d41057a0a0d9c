package dev.secretagent.agent.instrument;

import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies {@link AsmHook}s to a class file with plain ASM: no type pool, no matcher, no advice parsing, no class
 * loaded. Two passes over the bytes: the first reads the hooked methods' max locals (the hooks' own locals go past
 * them), the second rewrites them ({@link HookedMethod}, or a {@link MethodBody} in place of the code) and copies
 * every other method as it is (the writer shares the reader's constant pool). Frames are written by the hooks,
 * never computed.
 */
final class AsmHookRewriter {
    private AsmHookRewriter() {
    }

    /** The rewritten class file, or null when no hook names a method of this class. */
    static byte[] rewrite(byte[] bytes, final List<AsmHook> hooks) {
        final ClassReader reader = new ClassReader(bytes);
        final Map<String, Integer> maxLocals = maxLocals(reader, hooks);
        if (maxLocals.isEmpty()) {
            return null;
        }
        ClassWriter writer = new ClassWriter(reader, 0);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            private String owner;
            private boolean frames;

            @Override
            public void visit(int version, int access, String name, String signature, String superName,
                              String[] interfaces) {
                owner = name;
                // stack-map frames exist from class file version 50 (Java 6) on
                frames = (version & 0xFFFF) >= Opcodes.V1_6;
                super.visit(version, access, name, signature, superName, interfaces);
            }

            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                MethodVisitor mv = super.visitMethod(access, name, descriptor, signature, exceptions);
                Integer locals = maxLocals.get(name + descriptor);
                if (locals == null) {
                    return mv;
                }
                List<AsmHook> mine = hooksOf(hooks, name, descriptor);
                for (AsmHook h : mine) {
                    if (h.body != null) {
                        return new ReplacedBody(mv, owner, h.body);
                    }
                }
                return new HookedMethod(mv, owner, access, descriptor, mine, locals, frames);
            }
        }, ClassReader.EXPAND_FRAMES);
        return writer.toByteArray();
    }

    /** Name + descriptor → max locals, of every method with code that a hook names. */
    private static Map<String, Integer> maxLocals(ClassReader reader, final List<AsmHook> hooks) {
        final Map<String, Integer> found = new HashMap<>();
        reader.accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, final String name, final String descriptor, String signature,
                                             String[] exceptions) {
                if ((access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0
                        || hooksOf(hooks, name, descriptor).isEmpty()) {
                    return null;
                }
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitMaxs(int maxStack, int maxLocals) {
                        found.put(name + descriptor, maxLocals);
                    }
                };
            }
        }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return found;
    }

    private static List<AsmHook> hooksOf(List<AsmHook> hooks, String name, String descriptor) {
        List<AsmHook> mine = new ArrayList<>(2);
        for (AsmHook h : hooks) {
            if (h.matches(name, descriptor)) {
                mine.add(h);
            }
        }
        if (mine.size() > 1) {
            for (AsmHook h : mine) {
                if (h.body != null) {
                    throw new IllegalStateException("a replaced body takes no other hook: " + name + descriptor);
                }
            }
        }
        return mine;
    }

    /** Emits the new body at the start of the code and drops every event of the original code. */
    private static final class ReplacedBody extends MethodVisitor {
        private final MethodVisitor target;
        private final String owner;
        private final MethodBody body;

        ReplacedBody(MethodVisitor target, String owner, MethodBody body) {
            // annotations and parameters go on to the writer; from visitCode on, nothing of the original does
            super(Opcodes.ASM9, target);
            this.target = target;
            this.owner = owner;
            this.body = body;
        }

        @Override
        public void visitCode() {
            target.visitCode();
            body.emit(target, owner);
            target.visitMaxs(body.maxStack(), body.maxLocals());
            mv = null;
        }

        @Override
        public void visitMaxs(int maxStack, int maxLocals) {
        }

        @Override
        public void visitEnd() {
            target.visitEnd();
        }
    }
}
