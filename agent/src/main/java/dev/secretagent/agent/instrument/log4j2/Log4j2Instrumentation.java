package dev.secretagent.agent.instrument.log4j2;

import dev.secretagent.agent.instrument.AsmHook;
import dev.secretagent.agent.instrument.SupportedVersions;
import dev.secretagent.agent.instrument.TargetInstrumentation;
import dev.secretagent.agent.instrument.TypeInstrumentation;
import dev.secretagent.agent.instrument.TypeTransformer;

import java.util.Collections;
import java.util.List;

/**
 * Log4j2 (2.17 to current). Every appender that writes text through an OutputStreamManager (console, file,
 * rolling file, random-access and memory-mapped files, socket with a layout; synchronous, or behind an async
 * appender or async loggers) funnels one event through {@code AbstractOutputStreamAppender.tryAppend}, which
 * either encodes the layout straight into the manager's buffer (the garbage-free path: the text never exists as
 * one array a hook could see, and the buffer may be drained mid-line) or writes the layout's byte array.
 * The hook takes that choice over: it asks the layout for the event's bytes (every Layout must provide them,
 * JSON template layout included), redacts them and writes them to the same manager with the same flush rule.
 * Cost of the trade: one byte array per event where the garbage-free path had none (see docs/performance.md).
 */
public final class Log4j2Instrumentation implements TargetInstrumentation {
    @Override
    public String name() {
        return "log4j2";
    }

    @Override
    public SupportedVersions supportedVersions() {
        // 2.0.x appenders had no tryAppend: the encoder path arrived later
        return SupportedVersions.oldest("org.apache.logging.log4j:log4j-core:2.17.2")
                .newest("org.apache.logging.log4j:log4j-core:2.25.3")
                .outside("org.apache.logging.log4j:log4j-core:2.0.2");
    }

    @Override
    public List<TypeInstrumentation> types() {
        // plain ASM: transforming the appender loads no Byte Buddy class (the first log line's start-up)
        return Collections.<TypeInstrumentation>singletonList(
                new TypeInstrumentation("org.apache.logging.log4j.core.appender.AbstractOutputStreamAppender") {
                    @Override
                    protected void transform(TypeTransformer t) {
                        t.asm(AsmHook.replaceBody("tryAppend", "(Lorg/apache/logging/log4j/core/LogEvent;)V",
                                new TryAppendBody()));
                    }
                });
    }
}
