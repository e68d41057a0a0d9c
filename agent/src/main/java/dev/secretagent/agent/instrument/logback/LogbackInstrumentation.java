package dev.secretagent.agent.instrument.logback;

import dev.secretagent.agent.instrument.AsmHook;
import dev.secretagent.agent.instrument.SupportedVersions;
import dev.secretagent.agent.instrument.TargetInstrumentation;
import dev.secretagent.agent.instrument.TypeInstrumentation;
import dev.secretagent.agent.instrument.TypeTransformer;

import java.util.Arrays;
import java.util.List;

import static dev.secretagent.agent.instrument.AsmHook.At.ENTER;
import static dev.secretagent.agent.instrument.AsmHook.At.EXIT;
import static dev.secretagent.agent.instrument.AsmHook.At.EXIT_OR_THROW;
import static dev.secretagent.agent.instrument.AsmHook.Fallback.MARKER;
import static dev.secretagent.agent.instrument.AsmHook.Fallback.MARKER_LINE_BYTES;
import static dev.secretagent.agent.instrument.AsmHook.Value.argument;
import static dev.secretagent.agent.instrument.AsmHook.Value.enterValue;
import static dev.secretagent.agent.instrument.AsmHook.Value.field;
import static dev.secretagent.agent.instrument.AsmHook.Value.nothing;
import static dev.secretagent.agent.instrument.AsmHook.Value.returned;
import static dev.secretagent.agent.instrument.AsmHook.Value.selfInstanceOf;

/**
 * Logback 1.2.x to 1.5.x.
 *
 * <ul>
 *   <li>Bytes: every appender that writes text (console, file, rolling file, and anything else built on
 *       {@code OutputStreamAppender}, whatever its encoder or layout: pattern, JSON, HTML, logstash) hands
 *       the encoder's bytes to the private {@code writeBytes(byte[])}; they are redacted there, after every
 *       layout decision (MDC, arguments, stack traces, escaping) was taken. The channel is the event's logger,
 *       recorded by {@code subAppend(event)} for the current thread. Async appenders end in one of these on
 *       their worker thread.</li>
 *   <li>Events: for appenders that ship events instead of text (socket, serialising, custom), the formatted
 *       message, the raw message and every throwable message are redacted when read outside a text
 *       appender.</li>
 *   <li>Serialised events: socket, SSL socket and server socket appenders serialise a {@code LoggingEventVO}
 *       copy of each event; its {@code writeObject} redacts the copy's message, thread name, arguments (written
 *       as strings), MDC and logger-context properties first, swapping shared maps and arrays for redacted
 *       copies (see {@link ShippedEventAdvice}).</li>
 * </ul>
 */
public final class LogbackInstrumentation implements TargetInstrumentation {
    @Override
    public String name() {
        return "logback";
    }

    @Override
    public SupportedVersions supportedVersions() {
        // 1.1.x appenders had no writeBytes: the encoder wrote to the stream itself
        return SupportedVersions.oldest("ch.qos.logback:logback-classic:1.2.13", "ch.qos.logback:logback-core:1.2.13")
                .newest("ch.qos.logback:logback-classic:1.5.38", "ch.qos.logback:logback-core:1.5.38")
                .outside("ch.qos.logback:logback-classic:1.1.11", "ch.qos.logback:logback-core:1.1.11");
    }

    /** The runtime door every hook calls (runtime/door/logback). */
    private static final String DOOR = "dev/secretagent/runtime/door/logback/LogbackDoor";
    private static final String TEXT = "Ljava/lang/String;";
    private static final String TEXT_OUT = "()" + TEXT;
    private static final String EVENT_TEXT = "(" + TEXT + TEXT + ")" + TEXT;

    @Override
    public List<TypeInstrumentation> types() {
        // the hot types (every text appender's line, and the event text) take plain-ASM hooks: transforming them
        // loads no Byte Buddy class; the serialised value object's hook needs Logback's own types (Byte Buddy advice)
        return Arrays.asList(
                new TypeInstrumentation("ch.qos.logback.core.OutputStreamAppender") {
                    @Override
                    protected void transform(TypeTransformer t) {
                        // subAppend(E): the event (whose logger names the channel) recorded for writeBytes
                        t.asm(AsmHook.at(ENTER, "subAppend", "(Ljava/lang/Object;)V")
                                .call(DOOR, "enterLogbackAppender", "(Ljava/lang/Object;)Ljava/lang/Object;", argument(0))
                                .into(enterValue()));
                        t.asm(AsmHook.at(EXIT_OR_THROW, "subAppend", "(Ljava/lang/Object;)V")
                                .call(DOOR, "exitLogbackAppender", "(Ljava/lang/Object;)V", enterValue()));
                        // writeBytes(byte[]): the encoder's final bytes, redacted before they are written; fail
                        // closed: a line that could not be checked is not written as it was
                        t.asm(AsmHook.at(ENTER, "writeBytes", "([B)V")
                                .call(DOOR, "logbackBytes", "([BZ)[B", argument(0),
                                        selfInstanceOf("ch/qos/logback/core/ConsoleAppender"))
                                .into(argument(0)).orOnError(MARKER_LINE_BYTES));
                    }
                },
                new TypeInstrumentation("ch.qos.logback.classic.spi.LoggingEvent") {
                    @Override
                    protected void transform(TypeTransformer t) {
                        // event text for appenders that ship events
                        for (String method : new String[] {"getFormattedMessage", "getMessage"}) {
                            t.asm(AsmHook.at(EXIT, method, TEXT_OUT)
                                    .call(DOOR, "logbackEventText", EVENT_TEXT, returned(), field("loggerName", TEXT))
                                    .into(returned()).orOnError(MARKER));
                        }
                    }
                },
                new TypeInstrumentation("ch.qos.logback.classic.spi.LoggingEventVO") {
                    @Override
                    protected void transform(TypeTransformer t) {
                        // by name and descriptor: reading this declaration loads no Byte Buddy class
                        t.advice("writeObject", "(Ljava/io/ObjectOutputStream;)V", ShippedEventAdvice.class);
                    }
                },
                new TypeInstrumentation("ch.qos.logback.classic.spi.ThrowableProxy") {
                    @Override
                    protected void transform(TypeTransformer t) {
                        // exception messages (and causes', suppressed') of shipped events
                        t.asm(throwableText("getMessage"));
                        // "CIRCULAR REFERENCE: " + the throwable's toString(), message included
                        t.asmSince("logback 1.3", throwableText("getOverridingMessage"));
                    }
                });
    }

    private static AsmHook throwableText(String method) {
        return AsmHook.at(EXIT, method, TEXT_OUT).call(DOOR, "logbackEventText", EVENT_TEXT, returned(), nothing())
                .into(returned()).orOnError(MARKER);
    }
}
