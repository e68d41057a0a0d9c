package dev.secretagent.agent.instrument.apachehttp5;

import dev.secretagent.runtime.door.apachehttp5.ApacheHttp5Wire;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code Wire#wire(String header, byte[] b, int pos, int len)} (HttpClient 5 classic): the
 * record is replaced by the bytes the per-connection redactor lets out; nothing is logged when it holds
 * all of them back (a sensitive header line not finished yet).
 */
public final class Http5WireAdvice {
    private Http5WireAdvice() {
    }

    @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class)
    public static boolean enter(@Advice.This Object wire,
                                @Advice.Argument(0) String header,
                                @Advice.Argument(value = 1, readOnly = false) byte[] b,
                                @Advice.Argument(value = 2, readOnly = false) int pos,
                                @Advice.Argument(value = 3, readOnly = false) int len) {
        try {
            byte[] r = ApacheHttp5Wire.redact(wire, header, b, pos, len, "apachehttp5:wire");
            b = r;
            pos = 0;
            len = r.length;
            return r.length == 0;
        } catch (Throwable t) {
            return true; // fail closed: drop the record rather than dump it unredacted
        }
    }
}
