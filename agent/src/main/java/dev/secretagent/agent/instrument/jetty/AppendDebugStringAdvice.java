package dev.secretagent.agent.instrument.jetty;

import dev.secretagent.runtime.door.jetty.BufferDumps;
import net.bytebuddy.asm.Advice;

import java.nio.ByteBuffer;

/**
 * Inlined into {@code org.eclipse.jetty.util.BufferUtil#appendDebugString(StringBuilder, ByteBuffer)}: the
 * consumed, remaining and stale bytes are printed from a redacted copy of the same shape. The pointers
 * ({@code [p=..,l=..,c=..]}) were printed by the caller from the real buffer; the real buffer is untouched.
 */
public final class AppendDebugStringAdvice {
    private AppendDebugStringAdvice() {
    }

    @Advice.OnMethodEnter
    public static void enter(@Advice.Argument(value = 1, readOnly = false) ByteBuffer buffer) {
        try {
            buffer = BufferDumps.forDetail(buffer);
        } catch (Throwable t) {
            buffer = ByteBuffer.allocate(0);
        }
    }
}
