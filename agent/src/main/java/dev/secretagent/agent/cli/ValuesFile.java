package dev.secretagent.agent.cli;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The one format of {@code --values-file} for {@code scan} and {@code redact}: one value a line. A line
 * {@code ID=value} whose ID is a name ({@code [A-Za-z_][A-Za-z0-9_.-]*}) gives the value that id; any other line is
 * the value, id {@code values-file:<line>}. A value that holds '=' after a name-like part, or starts with '#', is
 * written behind a leading '=' ({@code =user=secret}: value {@code user=secret}). Empty lines and lines starting
 * with '#' are skipped. The whole line after the '=' is the value (blanks included): no quoting, no trimming.
 */
final class ValuesFile {
    /** One value and its id. */
    static final class Entry {
        final String id;
        final String value;

        Entry(String id, String value) {
            this.id = id;
            this.value = value;
        }
    }

    private ValuesFile() {
    }

    static List<Entry> parse(byte[] bytes) {
        String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\r?\n", -1);
        List<Entry> out = new ArrayList<>();
        for (int n = 1; n <= lines.length; n++) {
            String line = lines[n - 1];
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("=")) {
                if (line.length() > 1) {
                    out.add(new Entry("values-file:" + n, line.substring(1)));
                }
                continue;
            }
            int eq = line.indexOf('=');
            boolean named = eq > 0 && line.substring(0, eq).matches("[A-Za-z_][A-Za-z0-9_.\\-]*");
            String value = named ? line.substring(eq + 1) : line;
            if (!value.isEmpty()) {
                out.add(new Entry(named ? line.substring(0, eq) : "values-file:" + n, value));
            }
        }
        return out;
    }
}
