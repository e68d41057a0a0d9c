package dev.secretagent.agent.instrument;

import net.bytebuddy.jar.asm.MethodVisitor;

/**
 * A method's whole new body, for the one kind of hook that cannot be "load, call a door, store": a target whose
 * work needs the framework's own types (which the runtime, in the bootstrap loader, cannot see) and that takes a
 * method over. The original body is dropped. It writes its own stack-map frames (the class is never given to a
 * frame-computing writer, which would load classes).
 */
public interface MethodBody {
    /** Emits the body of {@code owner}'s method (internal name), from its first instruction to its last. */
    void emit(MethodVisitor mv, String owner);

    int maxStack();

    int maxLocals();
}
