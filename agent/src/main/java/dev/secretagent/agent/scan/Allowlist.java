package dev.secretagent.agent.scan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code .secret-agent-allowlist}: findings a team has looked at and accepted, each with its reason.
 * One entry a line: {@code <path glob> <rule> <reason ...>}, where the rule is {@code *},
 * {@code format:<detector|family|*>} or {@code value:<secret id|*>}. A line without a reason is an error: an
 * allowlist nobody can explain is how real credentials slip through. {@code #} starts a comment line.
 */
public final class Allowlist {
    public static final String FILE_NAME = ".secret-agent-allowlist";

    static final class Entry {
        final String glob;
        final PathMatcher matcher;
        final String rule;
        final String reason;
        final int line;

        Entry(String glob, String rule, String reason, int line) {
            this.glob = glob;
            this.matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
            this.rule = rule;
            this.reason = reason;
            this.line = line;
        }

        boolean covers(ScanFinding f) {
            if (!matcher.matches(Paths.get(f.path))) {
                return false;
            }
            if (rule.equals("*")) {
                return true;
            }
            String r = f.rule();
            // format:github covers the family's detectors (format:github-pat, format:github-oauth-token, ...)
            return rule.endsWith(":*") ? r.startsWith(rule.substring(0, rule.length() - 1))
                    : r.equals(rule) || (rule.startsWith("format:") && r.startsWith(rule + "-"));
        }
    }

    private final List<Entry> entries = new ArrayList<>();

    public static Allowlist empty() {
        return new Allowlist();
    }

    public static Allowlist read(Path file) throws IOException {
        Allowlist a = new Allowlist();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).trim();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            String[] parts = l.split("\\s+", 3);
            if (parts.length < 3 || parts[2].trim().isEmpty()) {
                throw new IllegalArgumentException(file + ":" + (i + 1)
                        + ": an allowlist entry needs a path glob, a rule and a reason: <glob> <rule> <reason>");
            }
            String rule = parts[1];
            if (!rule.equals("*") && !rule.startsWith("format:") && !rule.startsWith("value:")) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": rule '" + rule
                        + "' is not *, format:<detector> or value:<secret id>");
            }
            a.entries.add(new Entry(parts[0], rule, parts[2].trim(), i + 1));
        }
        return a;
    }

    public boolean allows(ScanFinding f) {
        for (Entry e : entries) {
            if (e.covers(f)) {
                return true;
            }
        }
        return false;
    }

    public int size() {
        return entries.size();
    }
}
