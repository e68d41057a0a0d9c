package dev.secretagent.agent.instrument.apachehttp4;

import dev.secretagent.runtime.door.apachehttp4.ApacheHttp4Wire;
import net.bytebuddy.asm.Advice;

import java.io.InputStream;

/** Inlined into {@code org.apache.http.impl.conn.Wire#wire(String header, InputStream in)} (HttpClient 4.5). */
public final class Http4WireAdvice {
    private Http4WireAdvice() {
    }

    @Advice.OnMethodEnter
    public static void enter(@Advice.This Object wire,
                             @Advice.Argument(0) String header,
                             @Advice.Argument(value = 1, readOnly = false) InputStream in) {
        try {
            in = ApacheHttp4Wire.redact(wire, header, in, "apachehttp4:wire");
        } catch (Throwable t) {
            in = new java.io.ByteArrayInputStream(new byte[0]);
        }
    }
}
