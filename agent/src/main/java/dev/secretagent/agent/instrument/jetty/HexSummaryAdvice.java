package dev.secretagent.agent.instrument.jetty;

import dev.secretagent.runtime.door.jetty.BufferDumps;
import net.bytebuddy.asm.Advice;

import java.nio.ByteBuffer;

/**
 * Inlined into {@code org.eclipse.jetty.util.BufferUtil#toHexSummary(ByteBuffer)} ({@code b[n]=48545450...}):
 * the hex is made from the redacted remaining bytes, so its {@code b[n]} is the redacted length.
 */
public final class HexSummaryAdvice {
    private HexSummaryAdvice() {
    }

    @Advice.OnMethodEnter
    public static void enter(@Advice.Argument(value = 0, readOnly = false) ByteBuffer buffer) {
        try {
            buffer = BufferDumps.forRemaining(buffer);
        } catch (Throwable t) {
            buffer = ByteBuffer.allocate(0);
        }
    }
}
