package dev.secretagent.runtime;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The agent's resolved configuration as the runtime sees it: a flat, validated, immutable map of
 * option keys to values. The agent module parses and validates (YAML, arguments, environment);
 * the runtime only reads, by the typed keys of {@link Keys}, so it stays free of any parsing library.
 */
public final class Settings {
    private static volatile Settings current = new Settings(Collections.<String, String>emptyMap(),
            Collections.<String, List<Map<String, Object>>>emptyMap());

    private final Map<String, String> values;
    /** Structured sections of the YAML file (e.g. "policy", "secrets"): lists of maps, already validated. */
    private final Map<String, List<Map<String, Object>>> sections;

    public Settings(Map<String, String> values, Map<String, List<Map<String, Object>>> sections) {
        this.values = Collections.unmodifiableMap(new TreeMap<String, String>(values));
        this.sections = Collections.unmodifiableMap(new TreeMap<String, List<Map<String, Object>>>(sections));
    }

    public static Settings current() {
        return current;
    }

    public static void install(Settings settings) {
        current = settings;
    }

    /** The value of {@code key}: the installed value, else the key's one default (see {@link Keys}). */
    public <T> T get(Key<T> key) {
        return key.in(values);
    }

    public List<Map<String, Object>> section(String name) {
        List<Map<String, Object>> s = sections.get(name);
        return s == null ? Collections.<Map<String, Object>>emptyList() : s;
    }

    /**
     * "file:line" of {@code key} in a section entry (the key's own line when the reader recorded it, else
     * the entry's first line), so that a message points at what is wrong.
     */
    public static String where(String file, Map<String, Object> entry, String key) {
        Object lines = entry.get("_lines");
        Object line = lines instanceof Map && key != null ? ((Map<?, ?>) lines).get(key) : null;
        if (line == null) {
            line = entry.get("_line");
        }
        return file + (line == null ? "" : ":" + line);
    }

    public Map<String, String> asMap() {
        return values;
    }

    public String mode() {
        return get(Keys.MODE);
    }
}
