package dev.secretagent.agent.instrument.logback;

import dev.secretagent.agent.instrument.SupportedVersions;
import dev.secretagent.agent.instrument.TargetInstrumentation;
import dev.secretagent.agent.instrument.TypeInstrumentation;
import dev.secretagent.agent.instrument.TypeTransformer;

import java.io.ObjectOutputStream;
import java.util.Arrays;
import java.util.List;

import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.returns;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

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

    @Override
    public List<TypeInstrumentation> types() {
        return Arrays.asList(
                new TypeInstrumentation("ch.qos.logback.core.OutputStreamAppender") {
                    @Override
                    protected void transform(TypeTransformer t) {
                        t.advice(named("subAppend").and(takesArguments(1)).and(not(isStatic())), SubAppendAdvice.class);
                        t.advice(named("writeBytes").and(takesArguments(byte[].class)), WriteBytesAdvice.class);
                    }
                },
                new TypeInstrumentation("ch.qos.logback.classic.spi.LoggingEvent") {
                    @Override
                    protected void transform(TypeTransformer t) {
                        t.advice(named("getFormattedMessage").and(takesArguments(0)).and(returns(String.class)),
                                EventMessageAdvice.class);
                        t.advice(named("getMessage").and(takesArguments(0)).and(returns(String.class)),
                                EventMessageAdvice.class);
                    }
                },
                new TypeInstrumentation("ch.qos.logback.classic.spi.LoggingEventVO") {
                    @Override
                    protected void transform(TypeTransformer t) {
                        t.advice(named("writeObject").and(takesArguments(ObjectOutputStream.class)),
                                ShippedEventAdvice.class);
                    }
                },
                new TypeInstrumentation("ch.qos.logback.classic.spi.ThrowableProxy") {
                    @Override
                    protected void transform(TypeTransformer t) {
                        t.advice(named("getMessage").and(takesArguments(0)).and(returns(String.class)),
                                ThrowableMessageAdvice.class);
                        // "CIRCULAR REFERENCE: " + the throwable's toString(), message included
                        t.adviceSince("logback 1.3", named("getOverridingMessage").and(takesArguments(0))
                                .and(returns(String.class)), ThrowableMessageAdvice.class);
                    }
                });
    }
}
