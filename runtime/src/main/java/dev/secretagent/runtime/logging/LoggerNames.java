package dev.secretagent.runtime.logging;

/**
 * The logger name of a framework's event object, read reflectively ({@link StringGetter}): Logback classic events
 * have {@code getLoggerName()}, access events do not (their channel is the framework's name).
 */
public final class LoggerNames {
    private static final StringGetter GETTER = new StringGetter("getLoggerName");

    private LoggerNames() {
    }

    public static String of(Object event) {
        return GETTER.of(event);
    }
}
