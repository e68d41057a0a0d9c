package dev.secretagent.agent.config;

import dev.secretagent.runtime.Key;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How an option's text value is checked and normalised. {@link #normalize} throws with a user-facing reason.
 *
 * <p>One class with a switch on the kind rather than a subclass per type: every start loads this class before
 * {@code main} (the defaults are normalised too), and each anonymous subclass was one more class for the application
 * class loader to read from the agent jar and verify on the premain thread (nine in all).
 */
public final class Type {
    private static final int TEXT = 0;
    private static final int PATH_KIND = 1;
    private static final int BOOLEAN_KIND = 2;
    private static final int POSITIVE = 3;
    private static final int SIZE_KIND = 4;
    private static final int DURATION_KIND = 5;
    private static final int LIST_KIND = 6;
    private static final int CADENCE_LIST = 7;
    private static final int ENUMERATED = 8;

    public static final Type STRING = new Type("text", TEXT, null);
    public static final Type PATH = new Type("path", PATH_KIND, null);
    public static final Type BOOLEAN = new Type("true|false", BOOLEAN_KIND, null);
    public static final Type POSITIVE_INT = new Type("positive integer", POSITIVE, null);
    /** A byte size such as 10MB; normalised to a number of bytes (the runtime's {@link Key#bytes} reads both). */
    public static final Type SIZE = new Type("size such as 512KB, 10MB", SIZE_KIND, null);
    /** A duration such as 500ms, 30s, 5m, 1h; normalised to milliseconds. */
    public static final Type DURATION = new Type("duration such as 500ms, 30s, 5m, 1h", DURATION_KIND, null);
    /** A list: ';' or ',' separated in one string, or a YAML sequence; normalised to comma-separated. */
    public static final Type LIST = new Type("list", LIST_KIND, null);
    /** Rotation rules {@code glob=duration} (a rotation cadence per secret path), as a list; each rule is checked here. */
    public static final Type CADENCES = new Type("list of glob=duration such as prod/db/*=30d", CADENCE_LIST, null);

    private final String description;
    private final int kind;
    /** ENUMERATED: the values allowed. */
    private final List<String> values;

    private Type(String description, int kind, List<String> values) {
        this.description = description;
        this.kind = kind;
        this.values = values;
    }

    public String description() {
        return description;
    }

    String normalize(String v) {
        switch (kind) {
            case PATH_KIND:
                if (v.trim().isEmpty()) {
                    throw new IllegalArgumentException("a path must not be empty");
                }
                return v.trim();
            case BOOLEAN_KIND:
                return trueOrFalse(v);
            case POSITIVE:
                return positiveInt(v);
            case SIZE_KIND:
                return Long.toString(Key.bytes(v));
            case DURATION_KIND:
                return Long.toString(Key.millis(v, false));
            case LIST_KIND:
                return String.join(",", Key.elements(v));
            case CADENCE_LIST:
                String list = LIST.normalize(v);
                dev.secretagent.runtime.rotation.RotationPolicy.parse(list);
                return list;
            case ENUMERATED:
                return oneOfValues(v);
            default:
                return v;
        }
    }

    private static String trueOrFalse(String v) {
        String t = v.trim().toLowerCase(Locale.ROOT);
        if (!t.equals("true") && !t.equals("false")) {
            throw new IllegalArgumentException("expected true or false, got '" + v + "'");
        }
        return t;
    }

    private static String positiveInt(String v) {
        try {
            int i = Integer.parseInt(v.trim());
            if (i <= 0) {
                throw new NumberFormatException();
            }
            return Integer.toString(i);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a positive integer, got '" + v + "'");
        }
    }

    private String oneOfValues(String v) {
        String t = v.trim().toLowerCase(Locale.ROOT);
        if (!values.contains(t)) {
            throw new IllegalArgumentException("expected one of " + String.join(", ", values) + ", got '" + v + "'");
        }
        return t;
    }

    /** The values an enumerated type allows, or null for an open type. */
    public List<String> allowed() {
        return values;
    }

    public static Type enumOf(String... allowed) {
        return new Type(String.join("|", allowed), ENUMERATED, Arrays.asList(allowed));
    }
}
