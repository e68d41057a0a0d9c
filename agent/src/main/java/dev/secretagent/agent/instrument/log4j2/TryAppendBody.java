package dev.secretagent.agent.instrument.log4j2;

import dev.secretagent.agent.instrument.MethodBody;
import dev.secretagent.runtime.redact.Markers;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * The new body of {@code AbstractOutputStreamAppender.tryAppend(LogEvent)}: layout bytes, redacted, to the same
 * manager, with the same flush rule. Exceptions of the layout or the manager propagate exactly as from the original
 * (append() turns them into the appender's error handling); only the door call is guarded, and fails closed.
 * Written as bytecode because it calls Log4j2's own types, which the runtime cannot see; it decides nothing:
 * <pre>
 *   byte[] bytes = this.getLayout().toByteArray(event);
 *   if (bytes != null &amp;&amp; bytes.length &gt; 0) {
 *       byte[] clean;
 *       try { clean = Log4j2Door.log4j2Bytes(bytes, event.getLoggerName()); }
 *       catch (Throwable agentBug) { clean = (Markers.REDACTION_FAILED + "\n").getBytes(US_ASCII); }
 *       this.manager.writeBytes(clean, 0, clean.length);
 *       if (this.immediateFlush || event.isEndOfBatch()) { this.manager.flush(); }
 *   }
 * </pre>
 */
final class TryAppendBody implements MethodBody {
    private static final String LAYOUT = "org/apache/logging/log4j/core/Layout";
    private static final String EVENT = "org/apache/logging/log4j/core/LogEvent";
    private static final String MANAGER = "org/apache/logging/log4j/core/appender/OutputStreamManager";
    private static final String MANAGER_TYPE = "L" + MANAGER + ";";
    private static final String BYTES = "[B";

    @Override
    public void emit(MethodVisitor mv, String owner) {
        Label doorStart = new Label();
        Label doorEnd = new Label();
        Label doorFailed = new Label();
        Label write = new Label();
        Label flush = new Label();
        Label end = new Label();
        mv.visitTryCatchBlock(doorStart, doorEnd, doorFailed, "java/lang/Throwable");
        // slots: 0 this, 1 event, 2 bytes, 3 clean
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, owner, "getLayout", "()L" + LAYOUT + ";", false);
        mv.visitVarInsn(Opcodes.ALOAD, 1);
        mv.visitMethodInsn(Opcodes.INVOKEINTERFACE, LAYOUT, "toByteArray", "(L" + EVENT + ";)[B", true);
        mv.visitVarInsn(Opcodes.ASTORE, 2);
        mv.visitVarInsn(Opcodes.ALOAD, 2);
        mv.visitJumpInsn(Opcodes.IFNULL, end);
        mv.visitVarInsn(Opcodes.ALOAD, 2);
        mv.visitInsn(Opcodes.ARRAYLENGTH);
        mv.visitJumpInsn(Opcodes.IFLE, end);

        mv.visitLabel(doorStart);
        mv.visitVarInsn(Opcodes.ALOAD, 2);
        mv.visitVarInsn(Opcodes.ALOAD, 1);
        mv.visitMethodInsn(Opcodes.INVOKEINTERFACE, EVENT, "getLoggerName", "()Ljava/lang/String;", true);
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, "dev/secretagent/runtime/door/log4j2/Log4j2Door", "log4j2Bytes",
                "([BLjava/lang/String;)[B", false);
        mv.visitVarInsn(Opcodes.ASTORE, 3);
        mv.visitLabel(doorEnd);
        mv.visitJumpInsn(Opcodes.GOTO, write);

        mv.visitLabel(doorFailed);
        Object[] withBytes = {owner, EVENT, BYTES};
        mv.visitFrame(Opcodes.F_NEW, 3, withBytes, 1, new Object[] {"java/lang/Throwable"});
        mv.visitInsn(Opcodes.POP);
        mv.visitLdcInsn(Markers.REDACTION_FAILED + "\n");
        mv.visitFieldInsn(Opcodes.GETSTATIC, "java/nio/charset/StandardCharsets", "US_ASCII", "Ljava/nio/charset/Charset;");
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/lang/String", "getBytes", "(Ljava/nio/charset/Charset;)[B", false);
        mv.visitVarInsn(Opcodes.ASTORE, 3);

        Object[] withClean = {owner, EVENT, BYTES, BYTES};
        mv.visitLabel(write);
        mv.visitFrame(Opcodes.F_NEW, 4, withClean, 0, new Object[0]);
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        mv.visitFieldInsn(Opcodes.GETFIELD, owner, "manager", MANAGER_TYPE);
        mv.visitVarInsn(Opcodes.ALOAD, 3);
        mv.visitInsn(Opcodes.ICONST_0);
        mv.visitVarInsn(Opcodes.ALOAD, 3);
        mv.visitInsn(Opcodes.ARRAYLENGTH);
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, MANAGER, "writeBytes", "([BII)V", false);
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        mv.visitFieldInsn(Opcodes.GETFIELD, owner, "immediateFlush", "Z");
        mv.visitJumpInsn(Opcodes.IFNE, flush);
        mv.visitVarInsn(Opcodes.ALOAD, 1);
        mv.visitMethodInsn(Opcodes.INVOKEINTERFACE, EVENT, "isEndOfBatch", "()Z", true);
        mv.visitJumpInsn(Opcodes.IFEQ, end);

        mv.visitLabel(flush);
        mv.visitFrame(Opcodes.F_NEW, 4, withClean, 0, new Object[0]);
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        mv.visitFieldInsn(Opcodes.GETFIELD, owner, "manager", MANAGER_TYPE);
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, MANAGER, "flush", "()V", false);

        mv.visitLabel(end);
        mv.visitFrame(Opcodes.F_NEW, 2, new Object[] {owner, EVENT}, 0, new Object[0]);
        mv.visitInsn(Opcodes.RETURN);
    }

    @Override
    public int maxStack() {
        return 4;
    }

    @Override
    public int maxLocals() {
        return 4;
    }
}
