package dev.secretagent.runtime.redact;


import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;

/**
 * The agent's own log. It never goes through the application's logging (which we instrument, and
 * which may not even be configured yet); it writes to the JVM's original stderr or to
 * {@code diagnostics.file}, and every line passes the redactor first.
 */
public final class Diagnostics {
    public enum Level { ERROR, WARN, INFO, DEBUG }

    /**
     * The engine's warnings, written here. The start hands this to {@link Redaction#setWarnings}: the engine never
     * calls Diagnostics, which calls the engine for every line.
     */
    public static final RedactionWarnings WARNINGS = new RedactionWarnings() {
        @Override
        public void warn(String message) {
            Diagnostics.warn(message);
        }
    };

    private static volatile PrintStream out;
    private static volatile Level threshold = Level.INFO;

    private Diagnostics() {
    }

    /** Captures the raw stderr before the stdio hook wraps it, so our lines are not counted as app output. */
    public static synchronized void configure(PrintStream rawStderr, String file, boolean debug, String level) {
        boolean toFile = file != null && !file.isEmpty();
        // Quiet on stderr by default: the application's console is its own. A file gets the start-up line.
        threshold = debug ? Level.DEBUG : level != null ? parseLevel(level) : toFile ? Level.INFO : Level.WARN;
        if (toFile) {
            try {
                out = new PrintStream(new FileOutputStream(file, true), true, "UTF-8");
                return;
            } catch (IOException e) {
                rawStderr.println("[secret-agent] WARN cannot open diagnostics.file " + file + ": " + e.getMessage()
                        + "; writing diagnostics to stderr");
            }
        }
        out = rawStderr;
    }

    public static Level parseLevel(String level) {
        return Level.valueOf(level.trim().toUpperCase(java.util.Locale.ROOT));
    }

    public static boolean enabled(Level level) {
        return level.ordinal() <= threshold.ordinal();
    }

    public static void error(String msg) {
        log(Level.ERROR, msg, null);
    }

    public static void error(String msg, Throwable t) {
        log(Level.ERROR, msg, t);
    }

    public static void warn(String msg) {
        log(Level.WARN, msg, null);
    }

    public static void info(String msg) {
        log(Level.INFO, msg, null);
    }

    public static void debug(String msg) {
        log(Level.DEBUG, msg, null);
    }

    public static void log(Level level, String msg, Throwable t) {
        if (!enabled(level)) {
            return;
        }
        PrintStream target = out;
        if (target == null) {
            target = System.err;
        }
        try {
            StringBuilder sb = new StringBuilder(96);
            sb.append(Instant.now()).append(" [secret-agent] ").append(level).append(' ').append(msg);
            if (t != null) {
                // Exception messages can carry values (a parser echoing its input): only the type and a redacted message.
                sb.append(" (").append(t.getClass().getName()).append(": ").append(t.getMessage()).append(')');
            }
            target.println(Redaction.redact(sb.toString(), "diagnostics"));
        } catch (Throwable ignored) {
            // the diagnostics channel must never break the caller
        }
    }
}
