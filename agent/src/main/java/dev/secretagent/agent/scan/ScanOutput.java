package dev.secretagent.agent.scan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The scan's three formats: human (one line a finding), JSON, SARIF 2.1.0. Ids and detectors only. */
public final class ScanOutput {
    private ScanOutput() {
    }

    public static String human(List<ScanFinding> findings, int files, int allowed, boolean inGit) {
        StringBuilder sb = new StringBuilder();
        for (ScanFinding f : findings) {
            sb.append(f.path).append(':').append(f.line).append(':').append(f.column).append(": ")
                    .append(f.describe()).append("  [").append(f.rule()).append("]\n");
        }
        sb.append(findings.isEmpty() ? "secret-agent scan: no credentials found" : "secret-agent scan: "
                + findings.size() + (findings.size() == 1 ? " credential" : " credentials") + " found")
                .append(" in ").append(files).append(files == 1 ? " file" : " files")
                .append(allowed > 0 ? " (" + allowed + " allowed by the allowlist or inline comments)" : "").append('\n');
        if (!findings.isEmpty()) {
            // in a git work tree a committed value stays in history: removing the line is not enough
            sb.append(inGit ? "  remove it and rotate it (once committed, a value stays in git history), or, if it is not a credential,"
                            : "  remove it (and rotate it if it was ever shared), or, if it is not a credential,")
                    .append(" add a line to ")
                    .append(Allowlist.FILE_NAME).append(" (<glob> <rule> <reason>) or a '")
                    .append(RepositoryScanner.ALLOW_MARKER).append(" <reason>' comment on the line\n");
        }
        return sb.toString();
    }

    public static String json(List<ScanFinding> findings, int files, int allowed) {
        StringBuilder sb = new StringBuilder("{\"tool\": \"secret-agent scan\", \"files\": ").append(files)
                .append(", \"allowed\": ").append(allowed).append(", \"findings\": [");
        for (int i = 0; i < findings.size(); i++) {
            ScanFinding f = findings.get(i);
            sb.append(i == 0 ? "\n" : ",\n").append("  {\"path\": ").append(q(f.path)).append(", \"line\": ").append(f.line)
                    .append(", \"column\": ").append(f.column).append(", \"kind\": ").append(q(f.kind.name().toLowerCase()))
                    .append(", \"id\": ").append(q(f.id)).append(", \"rule\": ").append(q(f.rule())).append('}');
        }
        return sb.append(findings.isEmpty() ? "]}\n" : "\n]}\n").toString();
    }

    public static String sarif(List<ScanFinding> findings, String version, String rootUri) {
        Map<String, Integer> rules = new LinkedHashMap<>();
        for (ScanFinding f : findings) {
            rules.putIfAbsent(f.ruleId(), rules.size());
        }
        StringBuilder sb = new StringBuilder("{\n  \"$schema\": ")
                .append(q("https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"))
                .append(",\n  \"version\": \"2.1.0\",\n  \"runs\": [{\n    \"tool\": {\"driver\": {\"name\": \"secret-agent scan\", \"version\": ")
                .append(q(version)).append(", \"rules\": [");
        int r = 0;
        for (String rule : rules.keySet()) {
            sb.append(r++ == 0 ? "\n" : ",\n").append("      {\"id\": ").append(q(rule))
                    .append(", \"shortDescription\": {\"text\": ")
                    .append(q(rule.equals("known-secret-value") ? "The value of a known secret is in a file"
                            : ScanFinding.credential(rule.substring(rule.indexOf('/') + 1), true) + " is in a file"))
                    .append("}, \"defaultConfiguration\": {\"level\": \"error\"}}");
        }
        sb.append(rules.isEmpty() ? "]}},\n" : "\n    ]}},\n");
        sb.append("    \"originalUriBaseIds\": {\"SRCROOT\": {\"uri\": ").append(q(rootUri)).append("}},\n    \"results\": [");
        for (int i = 0; i < findings.size(); i++) {
            ScanFinding f = findings.get(i);
            sb.append(i == 0 ? "\n" : ",\n").append("      {\"ruleId\": ").append(q(f.ruleId()))
                    .append(", \"ruleIndex\": ").append(rules.get(f.ruleId())).append(", \"level\": \"error\", \"message\": {\"text\": ")
                    .append(q("This file holds " + f.describe() + ".")).append("}, \"locations\": [{\"physicalLocation\": ")
                    .append("{\"artifactLocation\": {\"uri\": ").append(q(f.path)).append(", \"uriBaseId\": \"SRCROOT\"}, ")
                    .append("\"region\": {\"startLine\": ").append(f.line).append(", \"startColumn\": ").append(f.column)
                    .append("}}}]}");
        }
        return sb.append(findings.isEmpty() ? "]\n  }]\n}\n" : "\n    ]\n  }]\n}\n").toString();
    }

    static String q(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }
}
