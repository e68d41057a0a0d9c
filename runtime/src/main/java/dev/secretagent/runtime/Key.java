package dev.secretagent.runtime;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * One option key as the runtime reads it: its name, the type of its value and its one default. The table of every
 * key is {@link Keys}; the agent's {@code Option} refers to it for name and default and adds what only the agent
 * needs (validation, help, the fleet effect). A value in {@link Settings} is already validated and normalised by
 * the agent; a key the settings lack reads as its default, so no reader states a default of its own.
 *
 * @param <T> String, Boolean, Integer, Long or List&lt;String&gt;
 */
public final class Key<T> {
    /** How the text of a value becomes the value. */
    public enum Kind {
        TEXT, FLAG, COUNT, BYTES, MILLIS, LIST
    }

    public final String name;
    public final Kind kind;
    /** The default as a user would write it (docs/configuration.md shows it), or null: no value. */
    public final String defaultText;

    private Key(String name, Kind kind, String defaultText) {
        this.name = name;
        this.kind = kind;
        this.defaultText = defaultText;
    }

    static Key<String> text(String name, String defaultText) {
        return new Key<String>(name, Kind.TEXT, defaultText);
    }

    static Key<Boolean> flag(String name, boolean defaultValue) {
        return new Key<Boolean>(name, Kind.FLAG, Boolean.toString(defaultValue));
    }

    static Key<Integer> count(String name, int defaultValue) {
        return new Key<Integer>(name, Kind.COUNT, Integer.toString(defaultValue));
    }

    static Key<Long> bytes(String name, String defaultText) {
        return new Key<Long>(name, Kind.BYTES, defaultText);
    }

    static Key<Long> millis(String name, String defaultText) {
        return new Key<Long>(name, Kind.MILLIS, defaultText);
    }

    static Key<List<String>> list(String name, String defaultText) {
        return new Key<List<String>>(name, Kind.LIST, defaultText);
    }

    /** The value of this key in a flat map of option texts (the settings, or a command's own options). */
    public T in(Map<String, String> values) {
        String v = values.get(name);
        return parse(v == null ? defaultText : v);
    }

    /** The default as a value (null, or an empty list, when the key has none). */
    public T defaultValue() {
        return parse(defaultText);
    }

    /** The value of {@code text}; null text is no value (an empty list for a list). */
    @SuppressWarnings("unchecked")
    public T parse(String text) {
        if (text == null) {
            return kind == Kind.LIST ? (T) Collections.<String>emptyList() : null;
        }
        switch (kind) {
            case FLAG:
                return (T) Boolean.valueOf(text.trim());
            case COUNT:
                return (T) Integer.valueOf(text.trim());
            case BYTES:
                return (T) Long.valueOf(bytes(text));
            case MILLIS:
                return (T) Long.valueOf(millis(text));
            case LIST:
                return (T) elements(text);
            default:
                return (T) text;
        }
    }

    /** A byte size such as 10MB (a bare number is bytes). IAE with a user-facing reason. */
    public static long bytes(String text) {
        String[] parts = numberAndUnit(text.trim());
        String unit = parts == null ? null : parts[1].isEmpty() ? "B" : oneOf(parts[1], "B", "KB", "MB", "GB");
        if (unit == null) {
            throw new IllegalArgumentException("expected a size such as 10MB, got '" + text + "'");
        }
        long mult = unit.equals("KB") ? 1024L : unit.equals("MB") ? 1024L * 1024 : unit.equals("GB") ? 1024L * 1024 * 1024 : 1L;
        return Long.parseLong(parts[0]) * mult;
    }

    /**
     * A duration such as 500ms, 30s, 5m, 1h. A bare number is milliseconds only when {@code bareIsMillis}: that is
     * the normalised form the settings hold; a user must name the unit.
     */
    public static long millis(String text, boolean bareIsMillis) {
        String[] parts = numberAndUnit(text.trim());
        String unit = parts == null ? null
                : parts[1].isEmpty() ? (bareIsMillis ? "ms" : null) : oneOf(parts[1], "ms", "s", "m", "h");
        if (unit == null) {
            throw new IllegalArgumentException("expected a duration such as 30s or 5m, got '" + text + "'");
        }
        long mult = unit.equals("ms") ? 1L : unit.equals("s") ? 1000L : unit.equals("m") ? 60_000L : 3_600_000L;
        return Long.parseLong(parts[0]) * mult;
    }

    private static long millis(String text) {
        return millis(text, true);
    }

    /** A list: ';' or ',' separated, trimmed, empty entries dropped. */
    public static List<String> elements(String text) {
        List<String> out = new ArrayList<String>();
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == ';' || text.charAt(i) == ',') {
                String t = text.substring(start, i).trim();
                if (!t.isEmpty()) {
                    out.add(t);
                }
                start = i + 1;
            }
        }
        return Collections.unmodifiableList(out);
    }

    /*
     * The size and duration forms read by hand, not by java.util.regex: every start normalises the options'
     * defaults, and compiling the two case-insensitive patterns (and one more per list split) on the premain thread,
     * interpreted, cost it ~2-3 ms of CPU (docs/performance.md, lean17). Same language as the patterns they replace,
     * (\d+)\s*(unit)? with CASE_INSENSITIVE: ASCII digits, the regex's six whitespace characters, ASCII case only
     * (KeyFormsTest holds the two against each other).
     */

    /** {@code "10 MB"} as {"10", "MB"}, {@code "10"} as {"10", ""}; null when the text does not start with a digit. */
    private static String[] numberAndUnit(String text) {
        int digits = 0;
        while (digits < text.length() && text.charAt(digits) >= '0' && text.charAt(digits) <= '9') {
            digits++;
        }
        if (digits == 0) {
            return null;
        }
        int unit = digits;
        while (unit < text.length() && isRegexSpace(text.charAt(unit))) {
            unit++;
        }
        return new String[] {text.substring(0, digits), text.substring(unit)};
    }

    /**
     * One of the six characters java.util.regex's whitespace class matches: space, tab, newline, vertical tab, form
     * feed, carriage return (also read by the audit's service name).
     */
    public static boolean isRegexSpace(char c) {
        return " \t\n\u000B\f\r".indexOf(c) >= 0;
    }

    /** The one of {@code units} that {@code text} is, ignoring ASCII case only; null if none. */
    private static String oneOf(String text, String... units) {
        for (String unit : units) {
            if (unit.length() == text.length() && asciiEqualsIgnoringCase(unit, text)) {
                return unit;
            }
        }
        return null;
    }

    private static boolean asciiEqualsIgnoringCase(String unit, String text) {
        for (int i = 0; i < unit.length(); i++) {
            char c = text.charAt(i);
            char lower = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
            if (lower != Character.toLowerCase(unit.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return name;
    }
}
