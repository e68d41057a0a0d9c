package dev.secretagent.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.secretagent.agent.config.Effect;
import dev.secretagent.agent.config.Option;
import dev.secretagent.agent.config.Type;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14, by behaviour and generated from the option table: a fleet policy in JAVA_TOOL_OPTIONS, and
 * the application asking — from one source at a time — for a weakening value of every option that
 * has one (redaction off, secret names replaced, DB_PASSWORD excluded, the console hook disabled, a
 * weaker mode, a higher min.length, ...). The secret stays masked, every refusal is on stderr and in
 * the fleet's audit file with key and source, and the same settings without the fleet do leak.
 */
class FleetOptionTableIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    enum Source { AGENT_ARGUMENT, SYSTEM_PROPERTY, ENVIRONMENT, CONFIG_FILE }

    /** The weakening value the application asks for, per option with a floor at its default. */
    static Map<Option, String> weakenings() {
        Map<Option, String> out = new LinkedHashMap<>();
        for (Option o : Option.values()) {
            if (o.effect.neutral() || o.effect == Effect.FLEET_DECIDES || o.type == Type.PATH) {
                // fleet-decided keys are refused only where the fleet sets them (audit.file below); a path option's
                // weakening needs a real file of its kind (detectors.config): FleetOptionTableTest covers those
                continue;
            }
            String floor = o == Option.SECRET_NAMES ? "*PASSWORD*,*SECRET*,*TOKEN*"
                    : o.defaultValue == null ? "" : normalizedDefault(o);
            String weak = o == Option.INSTRUMENT_DISABLED ? "stdio" : o.effect.weakerThan(floor);
            if (weak != null) {
                out.put(o, o.type == Type.DURATION ? weak + "ms" : weak);
            }
        }
        out.put(Option.AUDIT_FILE, "/tmp/elsewhere-" + ChildJvm.randomSecret("a").substring(0, 6) + ".jsonl");
        return out;
    }

    private static String normalizedDefault(Option o) {
        String d = o.defaultValue;
        if (o.type == Type.DURATION || o.type == Type.SIZE) {
            // the table's defaults are written as a user writes them (5m, 10MB); the effect compares normalised numbers
            long n = o.type == Type.DURATION ? durationMillis(d) : sizeBytes(d);
            return Long.toString(n);
        }
        return d;
    }

    private static long durationMillis(String d) {
        long n = Long.parseLong(d.replaceAll("[^0-9]", ""));
        return d.endsWith("ms") ? n : d.endsWith("s") ? n * 1000 : d.endsWith("m") ? n * 60_000 : n * 3_600_000;
    }

    private static long sizeBytes(String d) {
        long n = Long.parseLong(d.replaceAll("[^0-9]", ""));
        return d.endsWith("GB") ? n << 30 : d.endsWith("MB") ? n << 20 : d.endsWith("KB") ? n << 10 : n;
    }

    @ParameterizedTest
    @EnumSource(Source.class)
    void noSourceWeakensTheFleetPolicy(Source source, @TempDir Path dir) throws Exception {
        Path audit = dir.resolve("fleet-audit.jsonl");
        Path fleet = dir.resolve("policy.yaml");
        Files.write(fleet, ("audit.file: " + audit + "\nsecret.names: ['*PASSWORD*', '*SECRET*', '*TOKEN*']\n")
                .getBytes(StandardCharsets.UTF_8));
        Map<Option, String> weak = weakenings();
        String secret = ChildJvm.randomSecret("fleet-");

        ChildJvm.Result r = run(dir, source, weak, secret, "-javaagent:" + ChildJvm.AGENT_JAR + "=fleet.policy=" + fleet);

        assertThat(r.exit).as(r.toString()).isZero();
        assertThat(r.stdout()).contains("DB_PASSWORD=[REDACTED:DB_PASSWORD]").doesNotContain(secret);
        assertThat(r.stderr()).doesNotContain(secret);
        List<JsonNode> refusals = new ArrayList<>();
        String auditText = new String(Files.readAllBytes(audit), StandardCharsets.UTF_8);
        assertThat(auditText).doesNotContain(secret);
        for (String line : auditText.split("\n")) {
            JsonNode n = JSON.readTree(line);
            if ("configure".equals(n.path("event.action").asText())) {
                assertThat(n.path("event.outcome").asText()).isEqualTo("failure");
                refusals.add(n);
            }
        }
        Set<String> refusedKeys = new TreeSet<>();
        for (JsonNode n : refusals) {
            refusedKeys.add(n.path("config.key").asText());
            assertThat(n.path("config.source").asText()).isNotEmpty();
        }
        Set<String> asked = new TreeSet<>();
        weak.keySet().forEach(o -> asked.add(o.key));
        assertThat(refusedKeys).as("one configure/failure audit line per weakened key").isEqualTo(asked);
        for (Option o : weak.keySet()) {
            assertThat(r.stderr()).as("stderr names " + o.key).contains("application setting '" + o.key + "'");
        }
    }

    @ParameterizedTest
    @EnumSource(value = Source.class, names = {"SYSTEM_PROPERTY", "CONFIG_FILE"})
    void controlWithoutAFleetTheSameSettingsLeak(Source source, @TempDir Path dir) throws Exception {
        String secret = ChildJvm.randomSecret("fleet-");
        ChildJvm.Result r = run(dir, source, weakenings(), secret, null);
        assertThat(r.stdout()).as(r.toString()).contains("DB_PASSWORD=" + secret);
    }

    private static ChildJvm.Result run(Path dir, Source source, Map<Option, String> weak, String secret,
                                       String javaToolOptions) throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("DB_PASSWORD", secret);
        List<String> cmd = new ArrayList<>();
        cmd.add(ChildJvm.javaBin());
        StringBuilder args = new StringBuilder();
        StringBuilder yaml = new StringBuilder();
        for (Map.Entry<Option, String> e : weak.entrySet()) {
            Option o = e.getKey();
            String v = e.getValue();
            switch (source) {
                case AGENT_ARGUMENT:
                    args.append(args.length() == 0 ? "" : ",").append(o.key).append('=').append(v.replace(',', ';'));
                    break;
                case SYSTEM_PROPERTY:
                    cmd.add("-D" + o.systemPropertyName() + "=" + v);
                    break;
                case ENVIRONMENT:
                    env.put(o.environmentName(), v);
                    break;
                default:
                    yaml.append(o.key).append(": \"").append(v).append("\"\n");
            }
        }
        if (source == Source.CONFIG_FILE) {
            Path app = dir.resolve("app.yaml");
            Files.write(app, yaml.toString().getBytes(StandardCharsets.UTF_8));
            env.put("SECRETAGENT_CONFIG", app.toString());
        }
        if (javaToolOptions != null) {
            if (source == Source.AGENT_ARGUMENT) {
                // the application's own -javaagent arguments; the fleet names its policy in the container's environment
                env.put("SECRETAGENT_FLEET_POLICY", javaToolOptions.substring(javaToolOptions.indexOf("fleet.policy=") + 13));
                cmd.add("-javaagent:" + ChildJvm.AGENT_JAR + "=" + args);
            } else {
                env.put("JAVA_TOOL_OPTIONS", javaToolOptions);
            }
        } else {
            cmd.add("-javaagent:" + ChildJvm.AGENT_JAR + (args.length() == 0 ? "" : "=" + args));
        }
        cmd.add("-cp");
        cmd.add(ChildJvm.appJar("hello-app").toString());
        cmd.add("demo.EnvPrinter");
        cmd.add("DB_PASSWORD");
        return Cli.run(cmd, env, null);
    }
}
