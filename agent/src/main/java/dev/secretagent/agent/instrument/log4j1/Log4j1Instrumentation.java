package dev.secretagent.agent.instrument.log4j1;

import dev.secretagent.agent.instrument.NamedMethod;
import dev.secretagent.agent.instrument.SupportedVersions;
import dev.secretagent.agent.instrument.TargetInstrumentation;
import dev.secretagent.agent.instrument.TypeInstrumentation;
import dev.secretagent.agent.instrument.TypeTransformer;

import java.io.ObjectOutputStream;
import java.util.Arrays;
import java.util.List;

import static net.bytebuddy.matcher.ElementMatchers.hasSuperClass;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.returns;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
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
 * put back afterwards, so the event the other appenders see is unchanged (JMS ObjectMessages too, as far as the
 * provider Java-serialises them).
 *
 * <p>Appenders that format an event with its layout and send the text elsewhere (SMTPAppender's mail body,
 * SyslogAppender's packet before it may be split in two, Log4j 1.2.17's JDBCAppender SQL, an application's own
 * {@code AppenderSkeleton}) get it from {@code Layout.format(event)}: each concrete {@code format} of the built-in
 * layouts is hooked and its result redacted, unless a WriterAppender call is in progress on the thread (its
 * QuietWriter redacts the final text). reload4j's JDBCAppender (1.2.18.1 on) no longer formats with the layout: it
 * builds each bind parameter in {@code JdbcPatternParser.buildValueStr(event, converter)}, hooked the same way.
 *
 * <p>Why the layouts are named rather than matched as "every subclass of Layout": the class-load gate and the
 * ignore matcher decide by class name before a class is parsed, which keeps every other class at one name
 * lookup. An application's own layout elsewhere is covered when its {@code format} returns what a built-in layout's
 * {@code format} returned (a subclass that does not override it, or calls {@code super.format}); one that builds
 * its text itself is not.
 */
public final class Log4j1Instrumentation implements TargetInstrumentation {
    static final String LOGGING_EVENT = "org.apache.log4j.spi.LoggingEvent";

    @Override
    public String name() {
        return "log4j1";
    }

    @Override
    public SupportedVersions supportedVersions() {
        return SupportedVersions.oldest("log4j:log4j:1.2.17").newest("ch.qos.reload4j:reload4j:1.2.26");
    }

    @Override
    public List<TypeInstrumentation> types() {
        return Arrays.asList(
                NamedMethod.advice("org.apache.log4j.WriterAppender", "subAppend", 1, SubAppendAdvice.class),
                new TypeInstrumentation("org.apache.log4j.helpers.QuietWriter", "org.apache.log4j.helpers.CountingQuietWriter") {
                    @Override
                    protected void transform(TypeTransformer t) {
                        t.advice(named("write").and(takesArguments(String.class)), QuietWriteAdvice.class);
                    }
                },
                new TypeInstrumentation(LOGGING_EVENT) {
                    @Override
                    protected void transform(TypeTransformer t) {
                        t.advice(named("writeObject").and(takesArguments(ObjectOutputStream.class)),
                                ShippedEventAdvice.class);
                    }
                },
                // layouts (reload4j, Log4j 1.2.17, apache-log4j-extras): DateLayout and Layout are abstract
                new TypeInstrumentation("org.apache.log4j.PatternLayout", "org.apache.log4j.EnhancedPatternLayout",
                                "org.apache.log4j.SimpleLayout", "org.apache.log4j.TTCCLayout", "org.apache.log4j.HTMLLayout",
                                "org.apache.log4j.xml.XMLLayout", "org.apache.log4j.xml.XSLTLayout") {
                    @Override
                    protected void transform(TypeTransformer t) {
                        t.where(hasSuperClass(named("org.apache.log4j.Layout")));
                        t.advice(named("format").and(not(isAbstract())).and(takesArguments(1))
                                .and(takesArgument(0, named(LOGGING_EVENT))).and(returns(String.class)),
                                FormattedTextAdvice.class);
                    }
                },
                new TypeInstrumentation("org.apache.log4j.jdbc.JdbcPatternParser") {
                    @Override
                    protected void transform(TypeTransformer t) {
                        t.since("reload4j 1.2.18.1");
                        t.advice(named("buildValueStr").and(takesArguments(2))
                                .and(takesArgument(0, named(LOGGING_EVENT))).and(returns(String.class)),
                                FormattedTextAdvice.class);
                    }
                });
    }
}
