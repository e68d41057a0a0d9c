package dev.secretagent.runtime.http;

import dev.secretagent.runtime.Keys;
import dev.secretagent.runtime.Settings;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The header names whose lines a wire redactor must see whole: the engine's default list plus the
 * {@code headers} option. This class only decides what to HOLD BACK (a line that is, or may still
 * become, a sensitive header line); masking the value is the redaction engine's name rule, applied
 * to the completed line.
 */
public final class SensitiveHeaders {
    static final String[] DEFAULTS = {"Authorization", "Proxy-Authorization", "Cookie", "Set-Cookie", "X-Api-Key",
        "X-Auth-Token"};

    private static volatile Cached cached;

    private SensitiveHeaders() {
    }

    /** Lower-case names, for the installed settings. */
    public static String[] names() {
        Settings s = Settings.current();
        Cached c = cached;
        if (c == null || c.settings != s) {
            List<String> names = new ArrayList<String>();
            for (String d : DEFAULTS) {
                names.add(d.toLowerCase(Locale.ROOT));
            }
            if (s != null) {
                for (String h : s.get(Keys.HEADERS)) {
                    String low = h.trim().toLowerCase(Locale.ROOT);
                    if (!low.isEmpty() && !names.contains(low)) {
                        names.add(low);
                    }
                }
            }
            c = new Cached(s, names.toArray(new String[0]));
            cached = c;
        }
        return c.names;
    }

    /**
     * True when the bytes {@code b[from, to)}, the unfinished start of a line, are a sensitive header line
     * or could still become one: a prefix of {@code name:} (case-insensitive), or {@code name:} followed by
     * part of its value. Optional blanks before the colon are allowed (HTTP forbids them, dumps do not care).
     */
    public static boolean mayBeSensitiveLine(byte[] b, int from, int to) {
        for (String name : names()) {
            if (matchesLinePrefix(b, from, to, name)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matchesLinePrefix(byte[] b, int from, int to, String name) {
        int n = name.length();
        int i = 0;
        for (; i < n; i++) {
            if (from + i >= to) {
                return true; // the line so far is a prefix of the name
            }
            int c = b[from + i] & 0xFF;
            if (c >= 'A' && c <= 'Z') {
                c += 32;
            }
            if (c != name.charAt(i)) {
                return false;
            }
        }
        int p = from + n;
        while (p < to && (b[p] == ' ' || b[p] == '\t')) {
            p++;
        }
        return p >= to || b[p] == ':';
    }

    private static final class Cached {
        final Settings settings;
        final String[] names;

        Cached(Settings settings, String[] names) {
            this.settings = settings;
            this.names = names;
        }
    }
}
