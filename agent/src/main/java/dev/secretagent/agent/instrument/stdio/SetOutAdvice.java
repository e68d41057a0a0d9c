package dev.secretagent.agent.instrument.stdio;

import net.bytebuddy.asm.Advice;

/** Inlined into System.setOut: the stream the application installs is wrapped before it is set. */
public final class SetOutAdvice {
    private SetOutAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void enter(@Advice.Argument(value = 0, readOnly = false) java.io.PrintStream stream) {
        stream = dev.secretagent.runtime.redact.ConsoleStreams.wrap(stream, "stdout");
    }
}
