package dev.secretagent.agent.instrument.jetty;

import dev.secretagent.runtime.door.jetty.BufferDumps;
import net.bytebuddy.asm.Advice;

import java.nio.ByteBuffer;

/**
 * Inlined into {@code fill(ByteBuffer)} of Jetty's endpoints (the socket one, the TLS one's decrypted side):
 * tells the door which bytes of the buffer this read of this connection brings, before the endpoint's own
 * "filled N ..." dump and the parser's dumps, so a header value split between two reads is known in the
 * second. Records nothing else; never changes the read.
 */
public final class FillAdvice {
    private FillAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static Object enter(@Advice.This Object endpoint, @Advice.Argument(0) ByteBuffer buffer) {
        return BufferDumps.enterFill(endpoint, buffer);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(@Advice.Enter Object previous) {
        BufferDumps.exitFill(previous);
    }
}
