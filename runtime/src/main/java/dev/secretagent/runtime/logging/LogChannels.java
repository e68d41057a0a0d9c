package dev.secretagent.runtime.logging;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Channel names for redactions in logging frameworks ({@code logback:<logger>}, {@code log4j2:<logger>},
 * {@code jul:<logger>}, {@code log4j1:<logger>}), built once per logger and reused: a log line costs one map lookup, not a
 * string concatenation. The map is bounded because some applications create loggers per request;
 * past the bound a name is built each time (correct, just not cached).
 */
public final class LogChannels {
    static final int MAX_CACHED = 4096;
    private static final ConcurrentHashMap<String, String> LOGBACK = new ConcurrentHashMap<String, String>();
    private static final ConcurrentHashMap<String, String> LOG4J2 = new ConcurrentHashMap<String, String>();
    private static final ConcurrentHashMap<String, String> JUL = new ConcurrentHashMap<String, String>();
    private static final ConcurrentHashMap<String, String> LOG4J1 = new ConcurrentHashMap<String, String>();

    private LogChannels() {
    }

    public static String logback(String logger) {
        return channel(LOGBACK, "logback", logger);
    }

    public static String log4j2(String logger) {
        return channel(LOG4J2, "log4j2", logger);
    }

    /** Log4j 1.2 and reload4j. */
    public static String log4j1(String logger) {
        return channel(LOG4J1, "log4j1", logger);
    }

    public static String jul(String logger) {
        return channel(JUL, "jul", logger);
    }

    static String channel(ConcurrentHashMap<String, String> cache, String framework, String logger) {
        if (logger == null) {
            return framework;
        }
        String c = cache.get(logger);
        if (c == null) {
            c = framework + ":" + (logger.isEmpty() ? "root" : logger);
            if (cache.size() < MAX_CACHED) {
                cache.put(logger, c);
            }
        }
        return c;
    }
}
