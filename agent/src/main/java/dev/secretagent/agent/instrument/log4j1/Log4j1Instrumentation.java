package dev.secretagent.agent.instrument.log4j1;

import dev.secretagent.agent.instrument.TargetInstrumentation;
import net.bytebuddy.agent.builder.AgentBuilder;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

/**
 * Log4j 1.2 and reload4j (the same classes). Every appender that writes text (console, file, rolling and daily
 * rolling file, syslog, anything built on {@code WriterAppender}, whatever its layout: pattern, TTCC, XML, HTML)
 * writes each event's layout output, and the stack trace lines a layout leaves out, through a
 * {@code QuietWriter}; the text is redacted there. {@code CountingQuietWriter} (rolling files) overrides the
 * method without calling it, so it is hooked as well; {@code SyslogQuietWriter} calls it. The channel is the
 * event's logger, recorded by {@code WriterAppender.subAppend(event)} for the current thread.
 *
 * <p>Appenders that ship events rather than text (SocketAppender, SocketHubAppender) Java-serialise the
 * application's own {@code LoggingEvent}: {@code LoggingEvent.writeObject} is hooked, and the fields it writes
 * (rendered message, thread name, NDC, MDC copy, the throwable's lines) are redacted for the time of the write and
 * put back afterwards, so the event the other appenders see is unchanged. JMS (whatever its provider does with an
 * ObjectMessage), JDBC and SMTP appenders are not covered.
 */
public final class Log4j1Instrumentation implements TargetInstrumentation {
    @Override
    public String name() {
        return "log4j1";
    }

    @Override
    public String[] classNamePrefixes() {
        return new String[] {"org.apache.log4j.WriterAppender", "org.apache.log4j.helpers.QuietWriter",
                "org.apache.log4j.helpers.CountingQuietWriter", "org.apache.log4j.spi.LoggingEvent"};
    }

    @Override
    public AgentBuilder apply(AgentBuilder builder) {
        return builder
                .type(named("org.apache.log4j.WriterAppender"))
                .transform(new AgentBuilder.Transformer.ForAdvice()
                        .advice(named("subAppend").and(takesArguments(1)), SubAppendAdvice.class.getName())
                        .include(ClassLoader.getSystemClassLoader()))
                .type(namedOneOf("org.apache.log4j.helpers.QuietWriter", "org.apache.log4j.helpers.CountingQuietWriter"))
                .transform(new AgentBuilder.Transformer.ForAdvice()
                        .advice(named("write").and(takesArguments(String.class)), QuietWriteAdvice.class.getName())
                        .include(ClassLoader.getSystemClassLoader()))
                .type(named("org.apache.log4j.spi.LoggingEvent"))
                .transform(new AgentBuilder.Transformer.ForAdvice()
                        .advice(named("writeObject").and(takesArguments(java.io.ObjectOutputStream.class)),
                                ShippedEventAdvice.class.getName())
                        .include(ClassLoader.getSystemClassLoader()));
    }
}
