package dev.secretagent.agent.config;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated from the option table, not from a hand-written list: for every option that is not neutral,
 * from every source an application controls, a weakening value is refused (the fleet value stays, the
 * refusal names key and source) and a strengthening value is accepted. A new option is covered the
 * day it is added, with the effect its declaration gives it.
 */
class FleetOptionTableTest {
    @TempDir
    Path dir;

    /** A fleet value for the option that leaves room to weaken it, in the option's own syntax. */
    static String fleetValue(Option o) {
        if (o.type.allowed() != null) {
            List<String> allowed = o.type.allowed();
            if (o.effect == Effect.FLEET_DECIDES) {
                return allowed.get(0);
            }
            return o.effect.strongerThan(o.type.normalize(allowed.get(0)));
        }
        if (o.type == Type.BOOLEAN) {
            return "true";
        }
        if (o.type == Type.POSITIVE_INT || o.type == Type.SIZE) {
            return "10";
        }
        if (o.type == Type.DURATION) {
            return "10ms";
        }
        if (o.type == Type.LIST) {
            return o.key.equals("detectors") ? "all" : "ALPHA_*,BETA_*";
        }
        if (o.type == Type.CADENCES) {
            return o.type.normalize(o.example);
        }
        return o.type == Type.PATH ? "/etc/secret-agent/fleet-" + o.key : "fleet-" + o.key;
    }

    /** A value that weakens the normalised fleet value, in the syntax a user would type; null when none exists. */
    static String weaker(Option o, String floor) {
        if (o.effect == Effect.FLEET_DECIDES && o.type.allowed() != null) {
            for (String v : o.type.allowed()) {
                if (!v.equals(floor)) {
                    return v;
                }
            }
        }
        String w = o.effect.weakerThan(floor);
        return w != null && o.type == Type.DURATION ? w + "ms" : w;
    }

    static String stronger(Option o, String floor) {
        if (o.type == Type.CADENCES) {
            return floor + ",extra/*=1d"; // one more rule: a cadence can only get shorter
        }
        String s = o.effect.strongerThan(floor);
        return o.type == Type.DURATION ? s + "ms" : s;
    }

    static List<Option> governed() {
        List<Option> out = new ArrayList<>();
        for (Option o : Option.values()) {
            // fleet.policy itself: a second fleet file adds a floor (its own test below)
            if (!o.effect.neutral() && o != Option.FLEET_POLICY) {
                out.add(o);
            }
        }
        return out;
    }

    enum Source { AGENT_ARGUMENT, SYSTEM_PROPERTY, ENVIRONMENT, CONFIG_FILE }

    private AgentConfig load(Path fleet, Option o, String value, Source source) throws Exception {
        Properties props = new Properties();
        Map<String, String> env = new HashMap<>();
        String args = "fleet.policy=" + fleet;
        switch (source) {
            case AGENT_ARGUMENT:
                args += "," + o.key + "=" + value.replace(',', ';');
                break;
            case SYSTEM_PROPERTY:
                props.setProperty(o.systemPropertyName(), value);
                break;
            case ENVIRONMENT:
                env.put(o.environmentName(), value);
                break;
            default:
                Path app = dir.resolve("app-" + o.key + ".yaml");
                write(app, o.key + ": \"" + value + "\"\n");
                props.setProperty("secretagent.config", app.toString());
        }
        return AgentConfig.load(args, props, env);
    }

    private Path fleetFile(Option o) throws IOException {
        Path fleet = dir.resolve("fleet-" + o.key + ".yaml");
        write(fleet, o.key + ": \"" + fleetValue(o) + "\"\n");
        return fleet;
    }

    @TestFactory
    List<DynamicTest> everyWeakeningFromEverySourceIsRefused() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Option o : governed()) {
            for (Source source : Source.values()) {
                tests.add(DynamicTest.dynamicTest(o.key + " from " + source, () -> {
                    Path fleet = fleetFile(o);
                    String floor = o.type.normalize(fleetValue(o));
                    String weak = weaker(o, floor);
                    if (weak == null) {
                        return; // this effect cannot be weakened (an additive list)
                    }
                    AgentConfig c = load(fleet, o, weak, source);
                    assertThat(c.get(o)).as("fleet value of %s holds", o.key).isEqualTo(floor.isEmpty() ? null : floor);
                    assertThat(c.refusals()).as("refusals").anySatisfy(r -> {
                        assertThat(r.key).isEqualTo(o.key);
                        assertThat(r.toString()).contains("'" + o.key + "'").contains("stays");
                    });
                    if (weak.length() >= 12) { // the refusal never repeats what was asked for (it may be a value typed in the wrong place)
                        assertThat(c.refusals().toString()).doesNotContain(weak);
                    }
                }));
            }
        }
        return tests;
    }

    @TestFactory
    List<DynamicTest> everyStrengtheningFromEverySourceIsAccepted() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Option o : governed()) {
            for (Source source : Source.values()) {
                tests.add(DynamicTest.dynamicTest(o.key + " from " + source, () -> {
                    Path fleet = fleetFile(o);
                    String floor = o.type.normalize(fleetValue(o));
                    AgentConfig c = load(fleet, o, stronger(o, floor), source);
                    assertThat(c.refusals()).as("nothing refused").isEmpty();
                    String strong = o.type.normalize(stronger(o, floor));
                    if (o.effect == Effect.LIST_ADDS || o.effect == Effect.LIST_ELEMENTS_PROTECT) {
                        assertThat(Effect.elements(c.get(o))).containsAll(Effect.elements(strong));
                    } else {
                        assertThat(c.get(o) == null ? "" : c.get(o)).isEqualTo(strong);
                    }
                }));
            }
        }
        return tests;
    }

    @Test
    void protectiveOptionsAreFloorsEvenWhereTheFleetFileIsSilent() throws Exception {
        Path fleet = dir.resolve("empty-fleet.yaml");
        write(fleet, "service.name: fleet\n");
        Map<String, String> env = new HashMap<>();
        env.put("SECRETAGENT_SECRET_NAMES_EXCLUDE", "DB_PASSWORD");
        env.put("SECRETAGENT_SECRET_NAMES", "*_NOTHING");
        env.put("SECRETAGENT_INSTRUMENT_DISABLED", "stdio");
        env.put("SECRETAGENT_REDACTION_ENABLED", "false");
        AgentConfig c = AgentConfig.load("fleet.policy=" + fleet, new Properties(), env);
        assertThat(c.get(Option.SECRET_NAMES_EXCLUDE)).isNull();
        assertThat(c.get(Option.INSTRUMENT_DISABLED)).isNull();
        assertThat(c.get(Option.REDACTION_ENABLED)).isEqualTo("true");
        assertThat(Effect.elements(c.get(Option.SECRET_NAMES))).contains("*PASSWORD*", "*_NOTHING");
        assertThat(c.refusals()).extracting(r -> r.key)
                .contains("secret.names.exclude", "secret.names", "instrument.disabled", "redaction.enabled");
    }

    @Test
    void aSecondFleetPolicyAddsAFloorButCannotReplaceTheFirst() throws Exception {
        Path fleet = dir.resolve("fleet.yaml");
        write(fleet, "mode: enforce\nsecret.names.extra: [ZZ_*]\n");
        Path lax = dir.resolve("lax.yaml");
        write(lax, "mode: dev\nredaction.enabled: false\nmin.length: 6\n");
        Properties props = new Properties();
        props.setProperty("secretagent.fleet.policy", lax.toString());
        AgentConfig c = AgentConfig.load(null, props, Map.of("SECRETAGENT_FLEET_POLICY", fleet.toString()));
        assertThat(c.get(Option.MODE)).isEqualTo("enforce");
        assertThat(c.get(Option.REDACTION_ENABLED)).isEqualTo("true");
        assertThat(c.get(Option.SECRET_NAMES_EXTRA)).isEqualTo("ZZ_*");
        assertThat(c.get(Option.MIN_LENGTH)).as("a stricter value of the second file holds").isEqualTo("6");
    }

    @Test
    void everyOptionDeclaresAnEffect() {
        for (Option o : Option.values()) {
            assertThat(o.effect).as(o.key).isNotNull();
        }
    }

    private static void write(Path p, String text) throws IOException {
        Files.write(p, text.getBytes(StandardCharsets.UTF_8));
    }
}
