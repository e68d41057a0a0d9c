package dev.secretagent.agent.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A security team's policy file (option {@code fleet.policy}, usually given in JAVA_TOOL_OPTIONS):
 * its settings are a floor. The application's own configuration may extend them (more secret
 * names, more header names, a stricter mode, a longer min.length) but never weaken them; a weakening
 * value is refused — the fleet's value stays — and reported, so the refusal can be audited.
 */
final class FleetPolicy {
    /** One refused override: which key, what the application asked for, what stays. */
    static final class Refusal {
        final String key;
        final String origin;
        final String reason;

        Refusal(String key, String origin, String reason) {
            this.key = key;
            this.origin = origin;
            this.reason = reason;
        }

        @Override
        public String toString() {
            return "'" + key + "' from " + origin + " refused: " + reason;
        }
    }

    /** Keys that protect; under a fleet policy they have a floor even when the fleet file leaves them out. */
    static final List<String> PROTECTIVE_KEYS = Arrays.asList("mode", "redaction.enabled", "audit.enabled",
            "min.length", "detectors", "audit.failure", "log.files");

    /** Strength order of modes: enforce protects most; dev is for test runs, never production. */
    private static final List<String> MODE_STRENGTH = Arrays.asList("dev", "audit", "enforce");

    private FleetPolicy() {
    }

    /**
     * Merges {@code app} (already resolved from every other source) over {@code fleet}; returns the
     * refusals and leaves the effective values in {@code app}.
     */
    static List<Refusal> apply(Map<String, String> fleet, Map<String, String> app, Map<String, String> appOrigins) {
        List<Refusal> refusals = new ArrayList<>();
        for (Map.Entry<String, String> e : fleet.entrySet()) {
            String key = e.getKey();
            String floor = e.getValue();
            String wanted = app.get(key);
            String origin = appOrigins.get(key);
            if (wanted == null || "default".equals(origin) || Objects.equals(wanted, floor)) {
                app.put(key, floor);
                appOrigins.put(key, "fleet policy");
                continue;
            }
            String effective = merge(key, floor, wanted);
            if (effective == null) {
                refusals.add(new Refusal(key, origin, "it would weaken the fleet policy (" + key + "=" + floor + " stays)"));
                app.put(key, floor);
                appOrigins.put(key, "fleet policy");
            } else {
                app.put(key, effective);
            }
        }
        return refusals;
    }

    /**
     * Policy entries: the application may add entries for secrets the fleet does not mention; an entry
     * for a secret the fleet already governs would widen who may read it, and is refused.
     */
    static Map<String, List<Map<String, Object>>> mergeSections(Map<String, List<Map<String, Object>>> fleet,
                                                               Map<String, List<Map<String, Object>>> app,
                                                               List<String> refusals) {
        Map<String, List<Map<String, Object>>> out = new java.util.LinkedHashMap<>(app);
        List<Map<String, Object>> fleetPolicy = fleet.getOrDefault("policy", new ArrayList<Map<String, Object>>());
        Set<Object> governed = new java.util.HashSet<>();
        for (Map<String, Object> entry : fleetPolicy) {
            governed.add(entry.get("secret"));
        }
        List<Map<String, Object>> policy = new ArrayList<>(fleetPolicy);
        for (Map<String, Object> entry : app.getOrDefault("policy", new ArrayList<Map<String, Object>>())) {
            if (governed.contains(entry.get("secret"))) {
                refusals.add("'policy' entry for secret " + entry.get("secret") + " (line " + entry.get("_line")
                        + ") refused: the fleet policy governs that secret");
            } else {
                policy.add(entry);
            }
        }
        if (!policy.isEmpty()) {
            out.put("policy", policy);
        }
        for (Map.Entry<String, List<Map<String, Object>>> e : fleet.entrySet()) {
            if (!e.getKey().equals("policy") && !out.containsKey(e.getKey())) {
                out.put(e.getKey(), e.getValue());
            }
        }
        return out;
    }

    /** The effective value when the app's value extends or strengthens the fleet's, or null when it weakens it. */
    private static String merge(String key, String floor, String wanted) {
        switch (key) {
            case "mode":
                return MODE_STRENGTH.indexOf(wanted) >= MODE_STRENGTH.indexOf(floor) ? wanted : null;
            case "min.length":
                // values shorter than min.length are not redacted: a higher value redacts less
                return Integer.parseInt(wanted) <= Integer.parseInt(floor) ? wanted : null;
            case "redaction.enabled":
            case "audit.enabled":
                return "true".equals(wanted) ? wanted : null;
            case "audit.stderr":
                return "true".equals(wanted) ? wanted : null;
            case "audit.failure":
                return "block".equals(wanted) ? wanted : null;
            case "headers":
            case "secret.names.extra":
                return union(floor, wanted);
            case "log.files":
                // the app may name more log files, never fewer: every fleet glob kept, no exclusion of its own
                return containsAll(wanted, floor) && !addsExclusion(wanted, floor) ? wanted : null;
            case "detectors":
                return "all".equals(wanted) || containsAll(wanted, floor) ? wanted : null;
            case "service.name":
            case "diagnostics.file":
            case "diagnostics.level":
            case "debug":
            case "mask":
                return wanted; // presentation, not protection
            default:
                // audit.file, instrument.disabled, secret.names, secret.names.exclude, store, ...: the fleet decides
                return null;
        }
    }

    private static String union(String a, String b) {
        Set<String> all = new LinkedHashSet<>(Arrays.asList(a.split(",")));
        all.addAll(Arrays.asList(b.split(",")));
        all.remove("");
        return String.join(",", all);
    }

    private static boolean addsExclusion(String list, String floor) {
        List<String> fleet = Arrays.asList(floor.split(","));
        for (String g : list.split(",")) {
            if (g.startsWith("!") && !fleet.contains(g)) {
                return true;
            }
        }
        return false;
    }

    private static boolean containsAll(String list, String required) {
        if ("all".equals(required)) {
            return false;
        }
        return Arrays.asList(list.split(",")).containsAll(Arrays.asList(required.split(",")));
    }
}
