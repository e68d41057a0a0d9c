package dev.secretagent.agent.targets;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The class names each target's declarations name, as plain strings (a trailing {@code *} marks a prefix): what
 * the class-load gate needs before main. Reading them from the declarations themselves would load every target's
 * type declarations (some forty classes) on the application's main thread, for a JVM that may never load one of
 * those classes; the declarations are read when the first watched class arrives. {@code instrument/WatchedClassNamesTest}
 * checks that this table is exactly what the declarations say, so it cannot drift.
 */
public final class WatchedClassNames {
    private static final Map<String, List<String>> BY_TARGET = new HashMap<>();

    static {
        put("logback",
                "ch.qos.logback.core.OutputStreamAppender",
                "ch.qos.logback.classic.spi.LoggingEvent",
                "ch.qos.logback.classic.spi.LoggingEventVO",
                "ch.qos.logback.classic.spi.ThrowableProxy");
        put("log4j2",
                "org.apache.logging.log4j.core.appender.AbstractOutputStreamAppender");
        put("jul",
                "java.util.logging.StreamHandler");
        put("log4j1",
                "org.apache.log4j.WriterAppender",
                "org.apache.log4j.helpers.QuietWriter",
                "org.apache.log4j.helpers.CountingQuietWriter",
                "org.apache.log4j.spi.LoggingEvent",
                "org.apache.log4j.PatternLayout",
                "org.apache.log4j.EnhancedPatternLayout",
                "org.apache.log4j.SimpleLayout",
                "org.apache.log4j.TTCCLayout",
                "org.apache.log4j.HTMLLayout",
                "org.apache.log4j.xml.XMLLayout",
                "org.apache.log4j.xml.XSLTLayout",
                "org.apache.log4j.jdbc.JdbcPatternParser");
        put("okhttp",
                "okhttp3.logging.HttpLoggingInterceptor",
                "okhttp3.logging.LoggingEventListener");
        put("apachehttp4",
                "org.apache.http.impl.conn.Wire",
                "org.apache.http.impl.cookie.BasicClientCookie",
                "org.apache.http.client.protocol.ResponseProcessCookies");
        put("apachehttp5",
                "org.apache.hc.client5.http.impl.Wire",
                "org.apache.hc.client5.http.impl.async.LoggingIOSession",
                "org.apache.hc.client5.http.impl.cookie.BasicClientCookie",
                "org.apache.hc.client5.http.protocol.ResponseProcessCookies");
        put("jetty",
                "org.eclipse.jetty.util.BufferUtil",
                "org.eclipse.jetty.io.*",
                "org.eclipse.jetty.http.HttpCookie",
                "org.eclipse.jetty.http.HttpParser");
        put("netty",
                "io.netty.handler.logging.LoggingHandler",
                "reactor.netty.transport.logging.ReactorNettyLoggingHandler");
        put("otel",
                "io.opentelemetry.exporter.internal.otlp.logs.LogsRequestMarshaler",
                "io.opentelemetry.exporter.internal.otlp.logs.LowAllocationLogsRequestMarshaler",
                "io.opentelemetry.exporter.internal.otlp.traces.TraceRequestMarshaler",
                "io.opentelemetry.exporter.internal.otlp.traces.LowAllocationTraceRequestMarshaler",
                "io.opentelemetry.exporter.internal.otlp.metrics.MetricsRequestMarshaler",
                "io.opentelemetry.exporter.internal.otlp.metrics.LowAllocationMetricsRequestMarshaler");
    }

    private WatchedClassNames() {
    }

    /** Target name → the names it watches (a trailing {@code *}: every class whose name starts with the rest). */
    public static Map<String, List<String>> byTarget() {
        return Collections.unmodifiableMap(BY_TARGET);
    }

    private static void put(String target, String... names) {
        BY_TARGET.put(target, Collections.unmodifiableList(Arrays.asList(names)));
    }
}
