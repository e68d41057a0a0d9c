package dev.secretagent.agent.leaks;

import dev.secretagent.agent.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The dev-mode SARIF reports of several test JVMs (one per Surefire/Failsafe fork) merged into one SARIF 2.1.0 log:
 * one run, the rules of all forks once each, every result with its rule index renumbered. Also the leaks as rows for
 * a build's failure message: test class, method, file, line, secret id, channel, count. Values are in none of the
 * inputs, so they are in none of the outputs.
 */
public final class ForkReports {
    /** One leak as a build message names it. */
    public static final class Leak {
        public final String secretId;
        public final String channel;
        /** {@code class.method} of the call site, or {@code ?}. */
        public final String where;
        /** Source file relative to the SARIF's SRCROOT, or null. */
        public final String file;
        public final long line;
        public final long count;

        Leak(String secretId, String channel, String where, String file, long line, long count) {
            this.secretId = secretId;
            this.channel = channel;
            this.where = where;
            this.file = file;
            this.line = line;
            this.count = count;
        }

        /** The class part of {@link #where}: for a test's own call, the test class. */
        public String className() {
            int dot = where.lastIndexOf('.');
            return dot > 0 ? where.substring(0, dot) : where;
        }

        /** {@code example.OrderTest.connects (src/test/java/example/OrderTest.java:24): DB_PASSWORD to stderr, 1 time}. */
        public String text() {
            return where + " (" + (file == null ? "unknown file" : file) + (line > 0 ? ":" + line : "") + "): "
                    + secretId + " to " + channel + ", " + count + (count == 1 ? " time" : " times");
        }
    }

    private final Map<String, Object> merged;
    private final List<Leak> leaks;
    private final int reports;

    private ForkReports(Map<String, Object> merged, List<Leak> leaks, int reports) {
        this.merged = merged;
        this.leaks = leaks;
        this.reports = reports;
    }

    /** The {@code .sarif} files directly in {@code dir}, sorted; none when it does not exist. */
    public static List<Path> in(Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (java.util.stream.Stream<Path> s = Files.list(dir)) {
            s.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".sarif") && Files.isRegularFile(p))
                    .sorted().forEach(out::add);
        }
        return out;
    }

    /** Reads and merges the reports; a file that is not a SARIF log stops it with the file's name. */
    @SuppressWarnings("unchecked")
    public static ForkReports merge(List<Path> files, String version) throws IOException {
        Map<String, Object> driver = new LinkedHashMap<>();
        driver.put("name", "secret-agent");
        driver.put("version", version == null ? "dev" : version);
        List<Object> rules = new ArrayList<>();
        driver.put("rules", rules);
        Map<String, Integer> ruleIndex = new LinkedHashMap<>();
        Map<String, Object> baseIds = null;
        List<Object> results = new ArrayList<>();
        List<Leak> leaks = new ArrayList<>();
        for (Path f : files) {
            Object root;
            try {
                root = Json.parse(new String(Files.readAllBytes(f), StandardCharsets.UTF_8));
            } catch (IOException | RuntimeException e) {
                throw new IOException("not a readable SARIF log: " + f);
            }
            if (!(root instanceof Map) || !(((Map<String, Object>) root).get("runs") instanceof List)) {
                throw new IOException("not a SARIF log (no runs): " + f);
            }
            for (Object r : (List<Object>) ((Map<String, Object>) root).get("runs")) {
                Map<String, Object> run = (Map<String, Object>) r;
                Map<String, Object> d = (Map<String, Object>) ((Map<String, Object>) run.get("tool")).get("driver");
                List<Object> theirRules = d.get("rules") instanceof List ? (List<Object>) d.get("rules") : List.of();
                for (Object rule : theirRules) {
                    String id = (String) ((Map<String, Object>) rule).get("id");
                    if (!ruleIndex.containsKey(id)) {
                        ruleIndex.put(id, rules.size());
                        rules.add(rule);
                    }
                }
                if (baseIds == null && run.get("originalUriBaseIds") instanceof Map) {
                    baseIds = (Map<String, Object>) run.get("originalUriBaseIds");
                }
                if (run.get("results") instanceof List) {
                    for (Object o : (List<Object>) run.get("results")) {
                        Map<String, Object> result = (Map<String, Object>) o;
                        Object rid = result.get("ruleId");
                        if (rid instanceof String && ruleIndex.containsKey(rid)) {
                            result.put("ruleIndex", (long) ruleIndex.get(rid));
                        }
                        results.add(result);
                        leaks.add(leakOf(result));
                    }
                }
            }
        }
        Map<String, Object> run = new LinkedHashMap<>();
        Map<String, Object> tool = new LinkedHashMap<>();
        tool.put("driver", driver);
        run.put("tool", tool);
        if (baseIds != null) {
            run.put("originalUriBaseIds", baseIds);
        }
        run.put("results", results);
        Map<String, Object> log = new LinkedHashMap<>();
        log.put("$schema", "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json");
        log.put("version", "2.1.0");
        log.put("runs", List.of(run));
        return new ForkReports(log, leaks, files.size());
    }

    @SuppressWarnings("unchecked")
    private static Leak leakOf(Map<String, Object> result) {
        Map<String, Object> props = result.get("properties") instanceof Map ? (Map<String, Object>) result.get("properties") : Map.of();
        String where = "?";
        String file = null;
        long line = 0;
        if (result.get("locations") instanceof List && !((List<Object>) result.get("locations")).isEmpty()) {
            Map<String, Object> loc = (Map<String, Object>) ((List<Object>) result.get("locations")).get(0);
            Object phys = loc.get("physicalLocation");
            if (phys instanceof Map) {
                Object art = ((Map<String, Object>) phys).get("artifactLocation");
                if (art instanceof Map && ((Map<String, Object>) art).get("uri") instanceof String) {
                    file = (String) ((Map<String, Object>) art).get("uri");
                }
                Object region = ((Map<String, Object>) phys).get("region");
                if (region instanceof Map && ((Map<String, Object>) region).get("startLine") instanceof Number) {
                    line = ((Number) ((Map<String, Object>) region).get("startLine")).longValue();
                }
            }
            Object logical = loc.get("logicalLocations");
            if (logical instanceof List && !((List<Object>) logical).isEmpty()) {
                Object name = ((Map<String, Object>) ((List<Object>) logical).get(0)).get("fullyQualifiedName");
                if (name instanceof String) {
                    where = (String) name;
                }
            }
        }
        return new Leak(text(props.get("secretId"), "?"), text(props.get("channel"), "?"), where, file, line,
                props.get("count") instanceof Number ? ((Number) props.get("count")).longValue() : 1);
    }

    private static String text(Object o, String otherwise) {
        return o instanceof String ? (String) o : otherwise;
    }

    public String sarif() {
        return Json.pretty(merged);
    }

    public List<Leak> leaks() {
        return leaks;
    }

    /** How many fork reports were merged. */
    public int reports() {
        return reports;
    }

    /** The human summary: a headline and one line per leak. */
    public List<String> summary() {
        List<String> out = new ArrayList<>();
        if (leaks.isEmpty()) {
            out.add("secret-agent: no leaks in the output of " + reports + (reports == 1 ? " test JVM" : " test JVMs"));
            return out;
        }
        out.add("secret-agent: " + leaks.size() + (leaks.size() == 1 ? " leak" : " leaks") + " in the output of "
                + reports + (reports == 1 ? " test JVM" : " test JVMs")
                + " (the values were redacted; without the agent they would have been written):");
        for (Leak l : leaks) {
            out.add("  " + l.text());
        }
        return out;
    }
}
