package dev.secretagent.agent.config;

import dev.secretagent.runtime.Key;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** How an option's text value is checked and normalised. {@link #normalize} throws with a user-facing reason. */
public abstract class Type {
    public static final Type STRING = new Type("text") {
        @Override
        String normalize(String v) {
            return v;
        }
    };
    public static final Type PATH = new Type("path") {
        @Override
        String normalize(String v) {
            if (v.trim().isEmpty()) {
                throw new IllegalArgumentException("a path must not be empty");
            }
            return v.trim();
        }
    };
    public static final Type BOOLEAN = new Type("true|false") {
        @Override
        String normalize(String v) {
            String t = v.trim().toLowerCase(Locale.ROOT);
            if (!t.equals("true") && !t.equals("false")) {
                throw new IllegalArgumentException("expected true or false, got '" + v + "'");
            }
            return t;
        }
    };
    public static final Type POSITIVE_INT = new Type("positive integer") {
        @Override
        String normalize(String v) {
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
    };
    /** A byte size such as 10MB; normalised to a number of bytes (the runtime's {@link Key#bytes} reads both). */
    public static final Type SIZE = new Type("size such as 512KB, 10MB") {
        @Override
        String normalize(String v) {
            return Long.toString(Key.bytes(v));
        }
    };
    /** A duration such as 500ms, 30s, 5m, 1h; normalised to milliseconds. */
    public static final Type DURATION = new Type("duration such as 500ms, 30s, 5m, 1h") {
        @Override
        String normalize(String v) {
            return Long.toString(Key.millis(v, false));
        }
    };
    /** A list: ';' or ',' separated in one string, or a YAML sequence; normalised to comma-separated. */
    public static final Type LIST = new Type("list") {
        @Override
        String normalize(String v) {
            return String.join(",", Key.elements(v));
        }
    };

    /** Rotation rules {@code glob=duration} (a rotation cadence per secret path), as a list; each rule is checked here. */
    public static final Type CADENCES = new Type("list of glob=duration such as prod/db/*=30d") {
        @Override
        String normalize(String v) {
            String list = LIST.normalize(v);
            dev.secretagent.runtime.rotation.RotationPolicy.parse(list);
            return list;
        }
    };

    private final String description;

    Type(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    abstract String normalize(String value);

    /** The values an enumerated type allows, or null for an open type. */
    public List<String> allowed() {
        return null;
    }

    public static Type enumOf(String... allowed) {
        final List<String> values = Arrays.asList(allowed);
        return new Type(String.join("|", allowed)) {
            @Override
            public List<String> allowed() {
                return values;
            }

            @Override
            String normalize(String v) {
                String t = v.trim().toLowerCase(Locale.ROOT);
                if (!values.contains(t)) {
                    throw new IllegalArgumentException("expected one of " + String.join(", ", values) + ", got '" + v + "'");
                }
                return t;
            }
        };
    }
}
