package dev.secretagent.agent.config;

import dev.secretagent.runtime.Settings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Resolves the agent's options from its four sources with the documented precedence:
 * agent arguments &gt; {@code secretagent.*} system properties &gt; {@code SECRETAGENT_*} environment &gt;
 * the YAML file named by {@code config} &gt; defaults. Every value is validated; the first problem
 * found is reported with the key and where it came from.
 */
public final class AgentConfig {
    private final Map<String, String> values;
    private final Map<String, String> origins;
    private final Map<String, List<Map<String, Object>>> sections;
    private final List<FleetPolicy.Refusal> refusals;

    private AgentConfig(Map<String, String> values, Map<String, String> origins,
                        Map<String, List<Map<String, Object>>> sections, List<FleetPolicy.Refusal> refusals) {
        this.values = values;
        this.origins = origins;
        this.sections = sections;
        this.refusals = refusals;
    }

    public static AgentConfig load(String agentArgs, Properties systemProperties, Map<String, String> environment)
            throws ConfigException {
        Map<String, String> fromArgs = parseArguments(agentArgs);
        Map<String, String> fromProps = new LinkedHashMap<>();
        for (String name : systemProperties.stringPropertyNames()) {
            if (name.startsWith("secretagent.")) {
                String key = name.substring("secretagent.".length());
                requireKnown(key, "system property -D" + name);
                fromProps.put(key, systemProperties.getProperty(name));
            }
        }
        Map<String, String> fromEnv = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : environment.entrySet()) {
            if (e.getKey().startsWith("SECRETAGENT_")) {
                Option o = Option.byEnvironmentName(e.getKey());
                if (o == null) {
                    throw new ConfigException("unknown key in environment variable " + e.getKey()
                            + " (see docs/configuration.md for the keys)");
                }
                fromEnv.put(o.key, e.getValue());
            }
        }

        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> origins = new LinkedHashMap<>();
        for (Option o : Option.values()) {
            if (o.defaultValue != null) {
                put(values, origins, o, o.defaultValue, "default");
            }
        }
        String configPath = firstNonNull(fromArgs.get("config"), fromProps.get("config"), fromEnv.get("config"));
        Map<String, List<Map<String, Object>>> sections = Collections.emptyMap();
        if (configPath != null) {
            YamlConfigFile yaml = readFile(configPath, Option.CONFIG.key);
            for (Map.Entry<String, String> e : yaml.values.entrySet()) {
                put(values, origins, Option.byKey(e.getKey()), e.getValue(), yaml.where(e.getKey()));
            }
            sections = yaml.sections;
        }
        for (Map.Entry<String, String> e : fromEnv.entrySet()) {
            Option o = Option.byKey(e.getKey());
            put(values, origins, o, e.getValue(), "environment variable " + o.environmentName());
        }
        for (Map.Entry<String, String> e : fromProps.entrySet()) {
            put(values, origins, Option.byKey(e.getKey()), e.getValue(), "system property -Dsecretagent." + e.getKey());
        }
        for (Map.Entry<String, String> e : fromArgs.entrySet()) {
            put(values, origins, Option.byKey(e.getKey()), e.getValue(), "agent argument");
        }
        List<FleetPolicy.Refusal> refusals = new ArrayList<>();
        // Every fleet policy any source names is a floor: a second fleet.policy (say -Dsecretagent.fleet.policy
        // beside the one in JAVA_TOOL_OPTIONS) can add to the first, never replace it.
        int layer = 0;
        for (String fleetPath : fleetPolicies(fromArgs, fromProps, fromEnv, values)) {
            layer++;
            YamlConfigFile fleet = readFile(fleetPath, Option.FLEET_POLICY.key);
            Map<String, String> floors = new LinkedHashMap<>();
            for (Map.Entry<String, String> e : fleet.values.entrySet()) {
                Option o = Option.byKey(e.getKey());
                try {
                    floors.put(o.key, o.type.normalize(e.getValue()));
                } catch (IllegalArgumentException ex) {
                    throw new ConfigException("bad value for key '" + o.key + "' in " + fleet.where(o.key) + ": " + ex.getMessage());
                }
            }
            floors.put(Option.FLEET_POLICY.key, fleetPath.trim());
            refusals.addAll(FleetPolicy.apply(floors, values, origins));
            sections = FleetPolicy.mergeSections(fleet.sections, layer, fleetPath.trim(), sections, refusals);
        }
        return new AgentConfig(values, origins, sections, refusals);
    }

    /** The distinct fleet policy files named by any source, the highest-precedence source's first. */
    private static List<String> fleetPolicies(Map<String, String> fromArgs, Map<String, String> fromProps,
                                              Map<String, String> fromEnv, Map<String, String> resolved) {
        java.util.Set<String> paths = new java.util.LinkedHashSet<>();
        for (String p : new String[] {resolved.get(Option.FLEET_POLICY.key), fromArgs.get(Option.FLEET_POLICY.key),
                fromProps.get(Option.FLEET_POLICY.key), fromEnv.get(Option.FLEET_POLICY.key)}) {
            if (p != null && !p.trim().isEmpty()) {
                paths.add(p.trim());
            }
        }
        return new ArrayList<>(paths);
    }

    private static YamlConfigFile readFile(String path, String key) throws ConfigException {
        Path file = Paths.get(path.trim());
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(key + ": file not found: " + file.toAbsolutePath());
        }
        return YamlConfigFile.read(file);
    }

    /** {@code key=value,key=value}; list values inside arguments use ';' since ',' separates options. */
    static Map<String, String> parseArguments(String args) throws ConfigException {
        Map<String, String> out = new LinkedHashMap<>();
        if (args == null || args.trim().isEmpty()) {
            return out;
        }
        for (String part : args.split(",")) {
            if (part.trim().isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw new ConfigException("agent argument '" + part + "' is not key=value");
            }
            String key = part.substring(0, eq).trim();
            requireKnown(key, "agent argument");
            out.put(key, part.substring(eq + 1));
        }
        return out;
    }

    private static void requireKnown(String key, String where) throws ConfigException {
        if (Option.byKey(key) == null) {
            throw new ConfigException("unknown key '" + key + "' in " + where + " (see docs/configuration.md for the keys)");
        }
    }

    private static void put(Map<String, String> values, Map<String, String> origins, Option o, String raw, String origin)
            throws ConfigException {
        try {
            values.put(o.key, o.type.normalize(raw));
            origins.put(o.key, origin);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("bad value for key '" + o.key + "' in " + origin + ": " + e.getMessage());
        }
    }

    private static String firstNonNull(String... values) {
        for (String v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    public String get(Option o) {
        return values.get(o.key);
    }

    public String origin(Option o) {
        return origins.get(o.key);
    }

    public Map<String, String> values() {
        return Collections.unmodifiableMap(values);
    }

    /** Application settings that the fleet policy refused, each naming the key and where it came from. */
    public List<FleetPolicy.Refusal> refusals() {
        return Collections.unmodifiableList(refusals);
    }

    public Settings toSettings() {
        return new Settings(values, sections);
    }
}
