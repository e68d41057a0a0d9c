package dev.secretagent.agent.instrument.logback;

import dev.secretagent.agent.instrument.TargetInstrumentation;
import net.bytebuddy.agent.builder.AgentBuilder;

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
    public String[] classNamePrefixes() {
        // LoggingEvent and LoggingEventVO both named: the first is a prefix of the second, but the list says what
        // is hooked, not what a prefix happens to admit
        return new String[] {"ch.qos.logback.core.OutputStreamAppender", "ch.qos.logback.classic.spi.LoggingEvent",
                "ch.qos.logback.classic.spi.LoggingEventVO", "ch.qos.logback.classic.spi.ThrowableProxy"};
    }

    @Override
    public AgentBuilder apply(AgentBuilder builder) {
        return builder
                .type(named("ch.qos.logback.core.OutputStreamAppender"))
                .transform(new AgentBuilder.Transformer.ForAdvice()
                        .advice(named("subAppend").and(takesArguments(1)).and(not(isStatic())),
                                SubAppendAdvice.class.getName())
                        .advice(named("writeBytes").and(takesArguments(byte[].class)), WriteBytesAdvice.class.getName())
                        .include(ClassLoader.getSystemClassLoader()))
                .type(named("ch.qos.logback.classic.spi.LoggingEvent"))
                .transform(new AgentBuilder.Transformer.ForAdvice()
                        .advice(named("getFormattedMessage").and(takesArguments(0)).and(returns(String.class)),
                                EventMessageAdvice.class.getName())
                        .advice(named("getMessage").and(takesArguments(0)).and(returns(String.class)),
                                EventMessageAdvice.class.getName())
                        .include(ClassLoader.getSystemClassLoader()))
                .type(named("ch.qos.logback.classic.spi.LoggingEventVO"))
                .transform(new AgentBuilder.Transformer.ForAdvice()
                        .advice(named("writeObject").and(takesArguments(java.io.ObjectOutputStream.class)),
                                ShippedEventAdvice.class.getName())
                        .include(ClassLoader.getSystemClassLoader()))
                .type(named("ch.qos.logback.classic.spi.ThrowableProxy"))
                .transform(new AgentBuilder.Transformer.ForAdvice()
                        .advice(named("getMessage").and(takesArguments(0)).and(returns(String.class)),
                                ThrowableMessageAdvice.class.getName())
                        // 1.3+: "CIRCULAR REFERENCE: " + the throwable's toString(), message included
                        .advice(named("getOverridingMessage").and(takesArguments(0)).and(returns(String.class)),
                                ThrowableMessageAdvice.class.getName())
                        .include(ClassLoader.getSystemClassLoader()));
    }
}
