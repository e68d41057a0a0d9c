package dev.secretagent.runtime.leaks;

import dev.secretagent.runtime.JsonText;
import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The dev-mode report: JSON (ours), SARIF 2.1.0 (for CI code scanning) and the summary table for
 * stderr. Everything here is built from ids, channels and frames: a report never holds a value.
 */
public final class LeakReport {
    static final String SARIF_SCHEMA =
            "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

    private final List<LeakFinding> findings;
    private final SourceFiles sources;
    private final String version;

    public LeakReport(List<LeakFinding> findings, File workDir, String version) {
        this.findings = findings;
        this.sources = new SourceFiles(workDir);
        this.version = version == null ? "dev" : version;
    }

    public static boolean isSarif(String path) {
        return path.toLowerCase(Locale.ROOT).endsWith(".sarif");
    }

    long redactions() {
        long n = 0;
        for (LeakFinding f : findings) {
            n += f.count();
        }
        return n;
    }

    // ------------------------------------------------------------------ JSON

    public String json() {
        StringBuilder sb = new StringBuilder(1024);
        sb.append("{\n  \"tool\": \"secret-agent\",\n  \"version\": ").append(JsonText.quote(version))
                .append(",\n  \"findings\": ").append(findings.size())
                .append(",\n  \"redactions\": ").append(redactions())
                .append(",\n  \"leaks\": [");
        for (int i = 0; i < findings.size(); i++) {
            LeakFinding f = findings.get(i);
            sb.append(i == 0 ? "\n" : ",\n");
            sb.append("    {\"secretId\": ").append(JsonText.quote(f.secretId))
                    .append(", \"rule\": ").append(JsonText.quote(f.ruleId()))
                    .append(", \"channel\": ").append(JsonText.quote(f.channel))
                    .append(", \"count\": ").append(f.count())
                    .append(", \"thread\": ").append(JsonText.quote(f.thread));
            if (f.site != null) {
                sb.append(",\n     \"callSite\": {\"class\": ").append(JsonText.quote(f.site.className))
                        .append(", \"method\": ").append(JsonText.quote(f.site.method))
                        .append(", \"file\": ").append(JsonText.quote(f.site.file))
                        .append(", \"line\": ").append(f.site.line)
                        .append(", \"path\": ").append(JsonText.quote(sources.relativePath(f.site))).append('}');
            } else {
                sb.append(",\n     \"callSite\": null");
            }
            sb.append(",\n     \"stack\": [");
            for (int k = 0; k < f.stack.size(); k++) {
                sb.append(k == 0 ? "" : ", ").append(JsonText.quote(f.stack.get(k).toString()));
            }
            sb.append("]}");
        }
        sb.append(findings.isEmpty() ? "]\n}\n" : "\n  ]\n}\n");
        return sb.toString();
    }

    // ------------------------------------------------------------------ SARIF 2.1.0

    public String sarif() {
        Map<String, Integer> ruleIndex = new LinkedHashMap<String, Integer>();
        for (LeakFinding f : findings) {
            if (!ruleIndex.containsKey(f.ruleId())) {
                ruleIndex.put(f.ruleId(), ruleIndex.size());
            }
        }
        StringBuilder sb = new StringBuilder(2048);
        sb.append("{\n  \"$schema\": ").append(JsonText.quote(SARIF_SCHEMA)).append(",\n  \"version\": \"2.1.0\",\n")
                .append("  \"runs\": [{\n    \"tool\": {\"driver\": {\"name\": \"secret-agent\", \"version\": ")
                .append(JsonText.quote(version)).append(", \"rules\": [");
        int r = 0;
        for (String rule : ruleIndex.keySet()) {
            sb.append(r++ == 0 ? "\n" : ",\n");
            sb.append("      {\"id\": ").append(JsonText.quote(rule))
                    .append(", \"shortDescription\": {\"text\": ").append(JsonText.quote(ruleText(rule))).append('}')
                    .append(", \"defaultConfiguration\": {\"level\": \"error\"}}");
        }
        sb.append(ruleIndex.isEmpty() ? "]}},\n" : "\n    ]}},\n");
        sb.append("    \"originalUriBaseIds\": {\"SRCROOT\": {\"uri\": ")
                .append(JsonText.quote(sources.root.toPath().toUri().toString())).append("}},\n");
        sb.append("    \"results\": [");
        for (int i = 0; i < findings.size(); i++) {
            LeakFinding f = findings.get(i);
            sb.append(i == 0 ? "\n" : ",\n");
            sb.append("      {\"ruleId\": ").append(JsonText.quote(f.ruleId()))
                    .append(", \"ruleIndex\": ").append(ruleIndex.get(f.ruleId()))
                    .append(", \"level\": \"error\"")
                    .append(",\n       \"message\": {\"text\": ").append(JsonText.quote(message(f))).append('}');
            Frame at = f.site != null ? f.site : f.stack.isEmpty() ? null : f.stack.get(0);
            sb.append(",\n       \"locations\": [");
            if (at != null) {
                sb.append(location(at, true));
            }
            sb.append(']');
            sb.append(",\n       \"stacks\": [{\"frames\": [");
            for (int k = 0; k < f.stack.size(); k++) {
                sb.append(k == 0 ? "" : ", ").append("{\"location\": ").append(location(f.stack.get(k), false)).append('}');
            }
            sb.append("]}]");
            sb.append(",\n       \"partialFingerprints\": {\"secretAgentLeak/v1\": ")
                    .append(JsonText.quote(f.secretId + "|" + f.channel + "|"
                            + (f.site != null ? f.site.className + "." + f.site.method : "?")))
                    .append('}');
            sb.append(",\n       \"properties\": {\"secretId\": ").append(JsonText.quote(f.secretId))
                    .append(", \"channel\": ").append(JsonText.quote(f.channel))
                    .append(", \"count\": ").append(f.count()).append("}}");
        }
        sb.append(findings.isEmpty() ? "]\n  }]\n}\n" : "\n    ]\n  }]\n}\n");
        return sb.toString();
    }

    /** A frame's location; in stacks, frames whose source is not in this project get only their logical name. */
    private String location(Frame fr, boolean always) {
        StringBuilder sb = new StringBuilder(160).append('{');
        if (always || sources.exists(fr)) {
            sb.append("\"physicalLocation\": {\"artifactLocation\": {\"uri\": ")
                    .append(JsonText.quote(sources.relativePath(fr))).append(", \"uriBaseId\": \"SRCROOT\"}");
            if (fr.line > 0) {
                sb.append(", \"region\": {\"startLine\": ").append(fr.line).append('}');
            }
            sb.append("}, ");
        }
        sb.append("\"logicalLocations\": [{\"fullyQualifiedName\": ")
                .append(JsonText.quote(fr.className + "." + fr.method)).append(", \"kind\": \"function\"}]}");
        return sb.toString();
    }

    static String ruleText(String rule) {
        if (rule.equals("known-secret")) {
            return "A known secret's value reached the program's output (it was redacted)";
        }
        if (rule.startsWith("detector/")) {
            String kind = rule.substring(9);
            // "An aws credential", "A github credential": the article follows the name's first sound
            boolean an = !kind.isEmpty() && "aeio".indexOf(kind.charAt(0)) >= 0;
            return (an ? "An " : "A ") + kind + " credential reached the program's output (it was redacted)";
        }
        return "A value behind a sensitive name (" + rule + ") reached the program's output (it was redacted)";
    }

    static String message(LeakFinding f) {
        return "Secret " + f.secretId + " was written to " + f.channel + " " + f.count()
                + (f.count() == 1 ? " time" : " times") + " from " + f.siteText()
                + "; secret-agent redacted it, without the agent it would have leaked.";
    }

    // ------------------------------------------------------------------ summary table

    public List<String> summaryLines(String reportPath) {
        List<String> out = new ArrayList<String>();
        if (findings.isEmpty()) {
            out.add("[secret-agent] dev mode: no leaks found");
            return out;
        }
        out.add("[secret-agent] dev mode: " + findings.size() + (findings.size() == 1 ? " leak" : " leaks")
                + " found (" + redactions() + " redactions); values were redacted, the call sites below wrote them:");
        int wId = "secret".length();
        int wCh = "channel".length();
        for (LeakFinding f : findings) {
            wId = Math.max(wId, f.secretId.length());
            wCh = Math.max(wCh, f.channel.length());
        }
        wId = Math.min(wId, 40);
        wCh = Math.min(wCh, 48);
        out.add(String.format("  %6s  %-" + wId + "s  %-" + wCh + "s  %s", "count", "secret", "channel", "call site"));
        for (LeakFinding f : findings) {
            out.add(String.format("  %6d  %-" + wId + "s  %-" + wCh + "s  %s", f.count(), f.secretId, f.channel,
                    f.siteText()));
        }
        if (reportPath != null) {
            out.add("[secret-agent] leak report: " + reportPath);
        }
        return out;
    }
}
