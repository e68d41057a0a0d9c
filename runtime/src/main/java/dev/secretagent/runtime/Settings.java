package dev.secretagent.runtime;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The agent's resolved configuration as the runtime sees it: a flat, validated, immutable map of
 * option keys to values. The agent module parses and validates (YAML, arguments, environment);
 * the runtime only reads, so it stays free of any parsing library.
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

    public String get(String key, String defaultValue) {
        String v = values.get(key);
        return v == null ? defaultValue : v;
    }

    public boolean getBoolean(String key, boolean defaultValue) {
        String v = values.get(key);
        return v == null ? defaultValue : Boolean.parseBoolean(v);
    }

    public int getInt(String key, int defaultValue) {
        String v = values.get(key);
        return v == null ? defaultValue : Integer.parseInt(v.trim());
    }

    public long getLong(String key, long defaultValue) {
        String v = values.get(key);
        return v == null ? defaultValue : Long.parseLong(v.trim());
    }

    /** Comma-separated list value, trimmed, empty entries dropped. */
    public List<String> getList(String key) {
        String v = values.get(key);
        if (v == null || v.trim().isEmpty()) {
            return Collections.emptyList();
        }
        java.util.ArrayList<String> out = new java.util.ArrayList<String>();
        for (String part : v.split(",")) {
            String t = part.trim();
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return Collections.unmodifiableList(out);
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
        return get("mode", "enforce");
    }
}
