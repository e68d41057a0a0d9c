package dev.secretagent.agent.config;

import dev.secretagent.runtime.access.SecretNames;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A security team's policy file (option {@code fleet.policy}, usually given in JAVA_TOOL_OPTIONS):
 * its settings are a floor. The application's own configuration may extend them (more secret
 * names, more header names, a stricter mode, a longer min.length) but never weaken them; a weakening
 * value is refused — the fleet's value stays — and reported, so the refusal can be audited.
 */
public final class FleetPolicy {
    /** One refused override: which key, from which source, why and what stays (never the value asked for). */
    public static final class Refusal {
        public final String key;
        public final String origin;
        public final String reason;

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

    private FleetPolicy() {
    }

    /**
     * The fleet's value of {@code o}, the floor another source is measured against: what the fleet file
     * sets, else the option's default, else (for lists) empty; secret.names without a value means the
     * built-in patterns. Null when the fleet leaves a fleet-decided option unset (anyone may set it then).
     */
    static String floor(Option o, Map<String, String> fleet) {
        String v = fleet.get(o.key);
        if (v != null) {
            return v;
        }
        if (o.effect.openWhereFleetSilent()) {
            return null;
        }
        if (o == Option.SECRET_NAMES) {
            return String.join(",", SecretNames.BUILT_IN);
        }
        if (o.defaultValue != null) {
            return o.type.normalize(o.defaultValue);
        }
        return "";
    }

    /**
     * Merges {@code app} (already resolved from every other source) over {@code fleet} option by option,
     * as each option's {@link Effect} says; returns the refusals and leaves the effective values in {@code app}.
     */
    static List<Refusal> apply(Map<String, String> fleet, Map<String, String> app, Map<String, String> appOrigins) {
        List<Refusal> refusals = new ArrayList<>();
        for (Option o : Option.values()) {
            String key = o.key;
            String floor = floor(o, fleet);
            if (floor == null) {
                continue; // neutral, or fleet-decided and left to the application
            }
            String wanted = app.get(key);
            String origin = appOrigins.get(key);
            if (wanted == null || "default".equals(origin) || wanted.equals(floor)) {
                put(app, appOrigins, key, floor);
                continue;
            }
            Effect.Merged m = o.effect.merge(floor, wanted);
            if (m.refused != null) {
                refusals.add(new Refusal(key, origin, "it would weaken the fleet policy: " + m.refused
                        + " (" + key + "=" + shown(m.value) + " stays)"));
            }
            if (m.value.equals(floor)) {
                put(app, appOrigins, key, floor);
            } else {
                app.put(key, m.value);
            }
        }
        return refusals;
    }

    private static void put(Map<String, String> app, Map<String, String> appOrigins, String key, String value) {
        if (value.isEmpty()) {
            app.remove(key);
        } else {
            app.put(key, value);
        }
        appOrigins.put(key, "fleet policy");
    }

    private static String shown(String value) {
        return value.isEmpty() ? "(none)" : value;
    }

    /**
     * Sections. Policy: the fleet's entries are marked {@code _fleet}; for a secret a fleet entry covers,
     * a caller must be allowed by the fleet's entries and by any application entry that covers it too,
     * so an application entry (a literal name or a glob such as {@code DB_*} or {@code *}) can narrow who
     * reads a fleet-governed secret, never widen it (see AccessPolicy). Inject: the fleet's entries stay;
     * the application adds entries for other names, an entry for a name the fleet injects is refused.
     */
    static Map<String, List<Map<String, Object>>> mergeSections(Map<String, List<Map<String, Object>>> fleet,
                                                               int layer, String fleetFile,
                                                               Map<String, List<Map<String, Object>>> app,
                                                               List<Refusal> refusals) {
        Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>(app);
        List<Map<String, Object>> policy = new ArrayList<>();
        for (Map<String, Object> entry : fleet.getOrDefault("policy", new ArrayList<Map<String, Object>>())) {
            Map<String, Object> marked = new LinkedHashMap<>(entry);
            marked.put("_fleet", layer);
            marked.put("_file", fleetFile);
            policy.add(marked);
        }
        policy.addAll(app.getOrDefault("policy", new ArrayList<Map<String, Object>>()));
        if (!policy.isEmpty()) {
            out.put("policy", policy);
        }
        List<Map<String, Object>> fleetInject = fleet.getOrDefault("inject", new ArrayList<Map<String, Object>>());
        if (!fleetInject.isEmpty()) {
            Set<Object> injected = new HashSet<>();
            for (Map<String, Object> entry : fleetInject) {
                injected.add(entry.get("env"));
                injected.add(entry.get("property"));
                injected.add(entry.get("file"));
            }
            injected.remove(null);
            List<Map<String, Object>> inject = new ArrayList<>(fleetInject);
            for (Map<String, Object> entry : app.getOrDefault("inject", new ArrayList<Map<String, Object>>())) {
                Object target = entry.get("env") != null ? entry.get("env")
                        : entry.get("property") != null ? entry.get("property") : entry.get("file");
                if (target != null && injected.contains(target)) {
                    refusals.add(new Refusal("inject", "line " + entry.get("_line") + " of the configuration",
                            "the fleet policy injects " + target + " (its entry stays)"));
                } else {
                    inject.add(entry);
                }
            }
            out.put("inject", inject);
        }
        for (Map.Entry<String, List<Map<String, Object>>> e : fleet.entrySet()) {
            if (!out.containsKey(e.getKey())) {
                out.put(e.getKey(), e.getValue());
            }
        }
        return out;
    }
}
