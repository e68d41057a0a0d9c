package dev.secretagent.runtime.door.jetty;

import dev.secretagent.runtime.http.HeaderNames;
import dev.secretagent.runtime.http.SensitiveHeaders;
import dev.secretagent.runtime.redact.Markers;
import dev.secretagent.runtime.redact.Redaction;

import java.lang.reflect.Method;
import java.util.Locale;

/**
 * The door for a client's debug call that hands a header's name and its value as two separate arguments of
 * one log statement (Jetty's HttpParser: {@code LOG.debug("parsedHeader({}) header={}, headerString=[{}],
 * valueString=[{}]", field, header, name, value)}). Formatted, the two end up apart ({@code
 * headerString=[Set-Cookie], valueString=[session=v]}), where no header-name rule sees the pair. The call is
 * replaced by {@link #debug}: a String argument that follows a String argument naming a sensitive header is
 * masked, then the logger's own {@code debug(String, Object[])} is called with the same format.
 */
public final class HeaderLogArgs {
    static final String CHANNEL = "jetty:parser";

    private HeaderLogArgs() {
    }

    /** Stands in for {@code logger.debug(format, args)}. Never throws into the caller. */
    public static void debug(Object logger, String format, Object[] args) {
        Object[] out = args;
        try {
            out = mask(args);
        } catch (Throwable t) {
            out = new Object[] {Markers.REDACTION_FAILED};
        }
        try {
            Method m = logger.getClass().getMethod("debug", String.class, Object[].class);
            if (!m.canAccess(logger)) {
                m.setAccessible(true);
            }
            m.invoke(logger, format, out);
        } catch (Throwable t) {
            // a debug line is not worth breaking the parse
        }
    }

    /** A copy of {@code args} with each value that follows a sensitive header name masked (same array when none). */
    static Object[] mask(Object[] args) {
        if (args == null) {
            return null;
        }
        Object[] out = args;
        String[] names = SensitiveHeaders.names();
        for (int i = 0; i + 1 < args.length; i++) {
            if (!(args[i] instanceof String) || !(args[i + 1] instanceof String)) {
                continue;
            }
            String name = ((String) args[i]).trim().toLowerCase(Locale.ROOT);
            String value = (String) args[i + 1];
            if (!contains(names, name) || contains(names, value.trim().toLowerCase(Locale.ROOT)) || value.isEmpty()) {
                continue;
            }
            if (out == args) {
                out = args.clone();
            }
            out[i + 1] = HeaderNames.mask("header:" + args[i]);
            Redaction.notifyMasked("header:" + args[i], CHANNEL);
        }
        return out;
    }

    private static boolean contains(String[] names, String s) {
        for (String n : names) {
            if (n.equals(s)) {
                return true;
            }
        }
        return false;
    }
}
