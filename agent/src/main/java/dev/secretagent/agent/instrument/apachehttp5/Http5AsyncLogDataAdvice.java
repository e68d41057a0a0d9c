package dev.secretagent.agent.instrument.apachehttp5;

import dev.secretagent.runtime.door.apachehttp5.ApacheHttp5Wire;
import net.bytebuddy.asm.Advice;

import java.nio.ByteBuffer;

/**
 * Inlined into {@code LoggingIOSession#logData(ByteBuffer data, String prefix)} (HttpClient 5 async): the
 * hex-and-text rows are made from the buffer handed on here, so hex shows only redacted bytes. The
 * session is the connection; it logs a duplicate of the I/O buffer, so replacing it changes no I/O.
 */
public final class Http5AsyncLogDataAdvice {
    private Http5AsyncLogDataAdvice() {
    }

    @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class)
    public static boolean enter(@Advice.This Object session,
                                @Advice.Argument(value = 0, readOnly = false) ByteBuffer data,
                                @Advice.Argument(1) String prefix) {
        try {
            data = ApacheHttp5Wire.redact(session, prefix, data, "apachehttp5:wire");
            return !data.hasRemaining();
        } catch (Throwable t) {
            return true;
        }
    }
}
