package dev.secretagent.agent.instrument.jul;

import net.bytebuddy.asm.Advice;

/** Inlined into StreamHandler.publish(LogRecord). */
public final class PublishAdvice {
    private PublishAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static String enter(@Advice.This Object self,
                               @Advice.Argument(0) java.util.logging.LogRecord record,
                               @Advice.FieldValue(value = "writer", readOnly = false) java.io.Writer writer) {
        if (writer != null && !dev.secretagent.runtime.door.jul.JulDoor.isJulWriter(writer)) {
            // setOutputStream/setEncoding assign the writer under the handler's monitor: wrap under it too,
            // so a concurrent FileHandler rotation is never undone by a wrapper of the old writer
            synchronized (self) {
                writer = dev.secretagent.runtime.door.jul.JulDoor.julWriter(writer);
            }
        }
        return dev.secretagent.runtime.door.jul.JulDoor.enterJulHandler(
                record == null ? null : record.getLoggerName());
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(@Advice.Enter String previous) {
        dev.secretagent.runtime.door.jul.JulDoor.exitJulHandler(previous);
    }
}
