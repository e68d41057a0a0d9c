package dev.secretagent.agent.instrument;

import dev.secretagent.runtime.redact.Markers;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

import java.util.ArrayList;
import java.util.List;

/**
 * Emits one method's {@link AsmHook}s around its original code, which it copies as it is:
 * <pre>
 *   entry hooks, each: try { [this] loads; door(...); store } catch (Throwable) { fallback store }
 *   original code, every return replaced by: store the value; goto EXIT
 *   EXIT:   exit hooks, each guarded the same way; return the (stored) value
 *   THROWN: (hooks at EXIT_OR_THROW, over the whole original code) exit hooks, guarded; rethrow the original
 * </pre>
 * Frames are written here, never computed (computing them loads classes): the input is read with expanded frames;
 * every handler and join point gets a full frame that lists only what the code after it reads ({@code this}, the
 * enter value, the returned value, the throwable; the rest {@code TOP}), and every original frame gets the enter
 * value appended at its slot, which lies past the method's own locals (found by a first pass,
 * {@link AsmHookRewriter}), so the exit can read it wherever a return jumps from. The exit code sits after the
 * original code, so none of the method's own exception handlers covers it, and the catch-all over the original
 * code is registered after them, so they keep precedence (ASM's writer reads label offsets when it writes).
 */
final class HookedMethod extends MethodVisitor {
    private static final String THROWABLE = "java/lang/Throwable";
    private static final Object[] JUST_THROWABLE = {THROWABLE};
    private static final Object[] NOTHING = {};

    private final String owner;
    private final boolean isStatic;
    private final Type[] arguments;
    private final Type returnType;
    private final List<AsmHook> enters = new ArrayList<>();
    private final List<AsmHook> exits = new ArrayList<>();
    private final List<AsmHook> throwExits = new ArrayList<>();
    private final boolean frames;
    private final int enterSlot;
    private final Object enterType;
    private final int returnSlot;
    private final int thrownSlot;
    /** A {@link AsmHook#synchronizedOnThis()} hook's monitor and the throwable it rethrows after releasing it. */
    private final int lockSlot;
    private final int nextFreeSlot;
    private final Label bodyStart = new Label();
    private final Label bodyEnd = new Label();
    private final Label exit = new Label();
    private int stack;

    /**
     * {@code firstFreeSlot}: the method's own max locals; {@code frames}: whether the class file has stack-map frames
     * (version 50 and later).
     */
    HookedMethod(MethodVisitor mv, String owner, int access, String descriptor, List<AsmHook> hooks,
                 int firstFreeSlot, boolean frames) {
        super(Opcodes.ASM9, mv);
        this.owner = owner;
        this.isStatic = (access & Opcodes.ACC_STATIC) != 0;
        this.arguments = Type.getArgumentTypes(descriptor);
        this.returnType = Type.getReturnType(descriptor);
        this.frames = frames;
        Object enter = null;
        boolean locks = false;
        for (AsmHook h : hooks) {
            locks |= h.locked();
            if (h.at == AsmHook.At.ENTER) {
                enters.add(h);
                if (h.storesEnterValue()) {
                    if (enter != null) {
                        throw new IllegalStateException("two enter values for " + h.method + h.descriptor);
                    }
                    enter = frameType(Type.getReturnType(h.doorDescriptor()));
                }
            } else {
                exits.add(h);
                if (h.at == AsmHook.At.EXIT_OR_THROW) {
                    throwExits.add(h);
                }
            }
            stack = Math.max(stack, stackOf(h));
        }
        int slot = firstFreeSlot;
        enterType = enter;
        enterSlot = enter != null ? slot++ : -1;
        returnSlot = slot;
        slot += returnType.getSize();
        thrownSlot = slot;
        slot += throwExits.isEmpty() ? 0 : 1;
        lockSlot = slot;
        nextFreeSlot = locks ? slot + 2 : slot;
    }

    @Override
    public void visitCode() {
        super.visitCode();
        if (enters.isEmpty()) {
            super.visitLabel(bodyStart);
            return;
        }
        boolean entered = false;
        for (AsmHook h : enters) {
            guarded(h, entryLocals(entered));
            entered |= h.storesEnterValue();
            frame(entryLocals(entered), NOTHING);
        }
        // the method's own first instruction may carry a frame of its own: never two frames at one offset
        super.visitInsn(Opcodes.NOP);
        super.visitLabel(bodyStart);
    }

    @Override
    public void visitFrame(int type, int numLocal, Object[] local, int numStack, Object[] stackTypes) {
        if (enterSlot < 0 || type != Opcodes.F_NEW) {
            super.visitFrame(type, numLocal, local, numStack, stackTypes);
            return;
        }
        List<Object> locals = new ArrayList<>(numLocal + 4);
        int slots = 0;
        for (int i = 0; i < numLocal; i++) {
            locals.add(local[i]);
            slots += local[i] == Opcodes.LONG || local[i] == Opcodes.DOUBLE ? 2 : 1;
        }
        for (; slots < enterSlot; slots++) {
            locals.add(Opcodes.TOP);
        }
        locals.add(enterType);
        super.visitFrame(type, locals.size(), locals.toArray(), numStack, stackTypes);
    }

    @Override
    public void visitInsn(int opcode) {
        if (opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN && !exits.isEmpty()) {
            if (returnType.getSort() != Type.VOID) {
                super.visitVarInsn(returnType.getOpcode(Opcodes.ISTORE), returnSlot);
            }
            super.visitJumpInsn(Opcodes.GOTO, exit);
            return;
        }
        super.visitInsn(opcode);
    }

    @Override
    public void visitMaxs(int maxStack, int maxLocals) {
        if (!exits.isEmpty()) {
            super.visitLabel(bodyEnd);
            super.visitLabel(exit);
            Object[] locals = exitLocals(true, false);
            frame(locals, NOTHING);
            for (AsmHook h : exits) {
                guarded(h, locals);
                frame(locals, NOTHING);
            }
            if (returnType.getSort() == Type.VOID) {
                super.visitInsn(Opcodes.RETURN);
            } else {
                super.visitVarInsn(returnType.getOpcode(Opcodes.ILOAD), returnSlot);
                super.visitInsn(returnType.getOpcode(Opcodes.IRETURN));
            }
            if (!throwExits.isEmpty()) {
                Label thrown = new Label();
                super.visitTryCatchBlock(bodyStart, bodyEnd, thrown, THROWABLE);
                super.visitLabel(thrown);
                frame(exitLocals(false, false), JUST_THROWABLE);
                super.visitVarInsn(Opcodes.ASTORE, thrownSlot);
                Object[] withThrown = exitLocals(false, true);
                frame(withThrown, NOTHING);
                for (AsmHook h : throwExits) {
                    guarded(h, withThrown);
                    frame(withThrown, NOTHING);
                }
                super.visitVarInsn(Opcodes.ALOAD, thrownSlot);
                super.visitInsn(Opcodes.ATHROW);
            }
        }
        super.visitMaxs(Math.max(maxStack, stack), Math.max(maxLocals, nextFreeSlot));
    }

    /**
     * {@code try { door call and store } catch (Throwable) { fallback }}, ending at a join label; the caller writes
     * the join's frame. {@code locals}: the frame at the start of the hook (what the handler may assume).
     */
    private void guarded(AsmHook h, Object[] locals) {
        Label start = new Label();
        Label end = new Label();
        Label handler = new Label();
        Label join = new Label();
        if (h.locked()) {
            lockedCall(h, locals, start, end, handler, join);
        } else {
            super.visitTryCatchBlock(start, end, handler, THROWABLE);
            super.visitLabel(start);
            callAndStore(h);
            super.visitLabel(end);
            super.visitJumpInsn(Opcodes.GOTO, join);
        }
        super.visitLabel(handler);
        frame(locals, JUST_THROWABLE);
        super.visitInsn(Opcodes.POP);
        fallback(h);
        super.visitLabel(join);
    }

    /** [this] values; door(...); store the result (or drop it). */
    private void callAndStore(AsmHook h) {
        AsmHook.Value target = h.target();
        if (target != null && target.kind == AsmHook.Value.Kind.FIELD) {
            super.visitVarInsn(Opcodes.ALOAD, 0);
        }
        for (AsmHook.Value v : h.loads()) {
            load(v);
        }
        super.visitMethodInsn(Opcodes.INVOKESTATIC, h.doorOwner(), h.doorMethod(), h.doorDescriptor(), false);
        Type result = Type.getReturnType(h.doorDescriptor());
        if (target != null) {
            store(target);
        } else if (result.getSort() != Type.VOID) {
            super.visitInsn(result.getSize() == 2 ? Opcodes.POP2 : Opcodes.POP);
        }
    }

    /**
     * javac's shape of {@code synchronized (this) { call and store }} inside the guard: the monitor is released on
     * every path (the inner handler, which covers its own release, rethrows to the guard's handler), so the JIT sees
     * the balanced locking it expects.
     */
    private void lockedCall(AsmHook h, Object[] locals, Label start, Label end, Label handler, Label join) {
        Label locked = new Label();
        Label unlocked = new Label();
        Label release = new Label();
        Label released = new Label();
        // inner handlers first: the table is searched in order
        super.visitTryCatchBlock(locked, unlocked, release, null);
        super.visitTryCatchBlock(release, released, release, null);
        super.visitTryCatchBlock(start, end, handler, THROWABLE);
        super.visitLabel(start);
        super.visitVarInsn(Opcodes.ALOAD, 0);
        super.visitInsn(Opcodes.DUP);
        super.visitVarInsn(Opcodes.ASTORE, lockSlot);
        super.visitInsn(Opcodes.MONITORENTER);
        super.visitLabel(locked);
        callAndStore(h);
        super.visitVarInsn(Opcodes.ALOAD, lockSlot);
        super.visitInsn(Opcodes.MONITOREXIT);
        super.visitLabel(unlocked);
        super.visitJumpInsn(Opcodes.GOTO, join);
        super.visitLabel(release);
        List<Object> withLock = new ArrayList<>(java.util.Arrays.asList(locals));
        pad(withLock, lockSlot);
        withLock.add(owner);
        frame(withLock.toArray(), JUST_THROWABLE);
        super.visitVarInsn(Opcodes.ASTORE, lockSlot + 1);
        super.visitVarInsn(Opcodes.ALOAD, lockSlot);
        super.visitInsn(Opcodes.MONITOREXIT);
        super.visitLabel(released);
        super.visitVarInsn(Opcodes.ALOAD, lockSlot + 1);
        super.visitInsn(Opcodes.ATHROW);
        super.visitLabel(end);
    }

    private void load(AsmHook.Value v) {
        switch (v.kind) {
            case THIS:
                super.visitVarInsn(Opcodes.ALOAD, 0);
                break;
            case ARGUMENT:
                super.visitVarInsn(arguments[v.index].getOpcode(Opcodes.ILOAD), argumentSlot(v.index));
                break;
            case FIELD:
                super.visitVarInsn(Opcodes.ALOAD, 0);
                super.visitFieldInsn(Opcodes.GETFIELD, owner, v.name, v.descriptor);
                break;
            case NULL:
                super.visitInsn(Opcodes.ACONST_NULL);
                break;
            case ENTER_VALUE:
                super.visitVarInsn(Opcodes.ALOAD, enterSlot);
                break;
            case RETURNED:
                super.visitVarInsn(returnType.getOpcode(Opcodes.ILOAD), returnSlot);
                break;
            case THIS_INSTANCE_OF:
                super.visitVarInsn(Opcodes.ALOAD, 0);
                super.visitTypeInsn(Opcodes.INSTANCEOF, v.name);
                break;
            default:
                throw new IllegalStateException(v.toString());
        }
    }

    /** The value on the stack (and, for a field, {@code this} under it) into {@code target}. */
    private void store(AsmHook.Value target) {
        switch (target.kind) {
            case ARGUMENT:
                super.visitVarInsn(arguments[target.index].getOpcode(Opcodes.ISTORE), argumentSlot(target.index));
                break;
            case FIELD:
                super.visitFieldInsn(Opcodes.PUTFIELD, owner, target.name, target.descriptor);
                break;
            case ENTER_VALUE:
                super.visitVarInsn(Opcodes.ASTORE, enterSlot);
                break;
            case RETURNED:
                super.visitVarInsn(returnType.getOpcode(Opcodes.ISTORE), returnSlot);
                break;
            default:
                throw new IllegalStateException(target.toString());
        }
    }

    /** In the handler, the stack empty: what the hook stores when its door call threw. */
    private void fallback(AsmHook h) {
        AsmHook.Value target = h.target();
        if (target == null) {
            return;
        }
        switch (h.fallback()) {
            case MARKER:
                if (target.kind == AsmHook.Value.Kind.FIELD) {
                    super.visitVarInsn(Opcodes.ALOAD, 0);
                }
                super.visitLdcInsn(Markers.REDACTION_FAILED);
                store(target);
                break;
            case MARKER_LINE_BYTES:
                if (target.kind == AsmHook.Value.Kind.FIELD) {
                    super.visitVarInsn(Opcodes.ALOAD, 0);
                }
                super.visitLdcInsn(Markers.REDACTION_FAILED + "\n");
                super.visitFieldInsn(Opcodes.GETSTATIC, "java/nio/charset/StandardCharsets", "US_ASCII",
                        "Ljava/nio/charset/Charset;");
                super.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/lang/String", "getBytes",
                        "(Ljava/nio/charset/Charset;)[B", false);
                store(target);
                break;
            default:
                if (target.kind == AsmHook.Value.Kind.ENTER_VALUE) {
                    // the exit reads it on every path
                    super.visitInsn(Opcodes.ACONST_NULL);
                    store(target);
                }
                break;
        }
    }

    private int argumentSlot(int index) {
        int slot = isStatic ? 0 : 1;
        for (int i = 0; i < index; i++) {
            slot += arguments[i].getSize();
        }
        return slot;
    }

    /** At entry: {@code this}, the arguments, and the enter value once stored. */
    private Object[] entryLocals(boolean withEnter) {
        List<Object> locals = new ArrayList<>();
        if (!isStatic) {
            locals.add(owner);
        }
        for (Type t : arguments) {
            locals.add(frameType(t));
        }
        if (withEnter) {
            pad(locals, enterSlot);
            locals.add(enterType);
        }
        return locals.toArray();
    }

    /** After the original code: {@code this}, the enter value, the returned value or the throwable; the rest TOP. */
    private Object[] exitLocals(boolean withReturned, boolean withThrown) {
        List<Object> locals = new ArrayList<>();
        locals.add(isStatic ? Opcodes.TOP : owner);
        if (enterSlot >= 0) {
            pad(locals, enterSlot);
            locals.add(enterType);
        }
        if (withReturned && returnType.getSort() != Type.VOID) {
            pad(locals, returnSlot);
            locals.add(frameType(returnType));
        }
        if (withThrown) {
            pad(locals, thrownSlot);
            locals.add(THROWABLE);
        }
        return locals.toArray();
    }

    /** TOP up to {@code slot} (a long or double is one element of a frame and two slots). */
    private static void pad(List<Object> locals, int slot) {
        int slots = 0;
        for (Object o : locals) {
            slots += o == Opcodes.LONG || o == Opcodes.DOUBLE ? 2 : 1;
        }
        for (; slots < slot; slots++) {
            locals.add(Opcodes.TOP);
        }
    }

    private void frame(Object[] locals, Object[] stackTypes) {
        if (frames) {
            super.visitFrame(Opcodes.F_NEW, locals.length, locals, stackTypes.length, stackTypes);
        }
    }

    private static Object frameType(Type t) {
        switch (t.getSort()) {
            case Type.BOOLEAN:
            case Type.BYTE:
            case Type.CHAR:
            case Type.SHORT:
            case Type.INT:
                return Opcodes.INTEGER;
            case Type.FLOAT:
                return Opcodes.FLOAT;
            case Type.LONG:
                return Opcodes.LONG;
            case Type.DOUBLE:
                return Opcodes.DOUBLE;
            default:
                return t.getInternalName();
        }
    }

    /** Stack the hook needs: this (for a field store), its values, and room for the fallback's two. */
    private int stackOf(AsmHook h) {
        int n = h.target() != null && h.target().kind == AsmHook.Value.Kind.FIELD ? 1 : 0;
        int values = 0;
        for (AsmHook.Value v : h.loads()) {
            values += v.kind == AsmHook.Value.Kind.ARGUMENT ? arguments[v.index].getSize()
                    : v.kind == AsmHook.Value.Kind.RETURNED ? returnType.getSize()
                    : v.kind == AsmHook.Value.Kind.FIELD ? Type.getType(v.descriptor).getSize() : 1;
        }
        return n + Math.max(Math.max(values, 2), Type.getReturnType(h.doorDescriptor()).getSize());
    }
}
