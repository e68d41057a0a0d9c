package dev.secretagent.agent.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AgentConfigTest {
    @TempDir
    Path dir;

    private Path yaml(String text) throws IOException {
        Path f = dir.resolve("secret-agent.yaml");
        Files.write(f, text.getBytes(StandardCharsets.UTF_8));
        return f;
    }

    @Test
    void defaultsWhenNothingIsGiven() throws Exception {
        AgentConfig c = AgentConfig.load(null, new Properties(), Map.of());
        assertThat(c.get(Option.MODE)).isEqualTo("enforce");
        assertThat(c.get(Option.MIN_LENGTH)).isEqualTo("8");
        assertThat(c.get(Option.MASK)).isEqualTo("[REDACTED:{id}]");
        assertThat(c.origin(Option.MODE)).isEqualTo("default");
    }

    @Test
    void precedenceIsArgumentsPropertiesEnvironmentFileDefaults() throws Exception {
        Path f = yaml("mode: dev\nservice.name: from-file\nmin.length: 10\naudit.file: /tmp/file.jsonl\n");
        Properties props = new Properties();
        props.setProperty("secretagent.mode", "audit");
        props.setProperty("secretagent.min.length", "11");
        Map<String, String> env = new HashMap<>();
        env.put("SECRETAGENT_CONFIG", f.toString());
        env.put("SECRETAGENT_MIN_LENGTH", "12");
        env.put("SECRETAGENT_SERVICE_NAME", "from-env");
        AgentConfig c = AgentConfig.load("mode=enforce", props, env);
        assertThat(c.get(Option.MODE)).isEqualTo("enforce");
        assertThat(c.get(Option.MIN_LENGTH)).isEqualTo("11");
        assertThat(c.get(Option.SERVICE_NAME)).isEqualTo("from-env");
        assertThat(c.get(Option.AUDIT_FILE)).isEqualTo("/tmp/file.jsonl");
        assertThat(c.origin(Option.AUDIT_FILE)).isEqualTo(f + ":4");
    }

    @Test
    void nestedYamlKeysAndListsAreFlattened() throws Exception {
        Path f = yaml("service:\n  name: orders\naudit:\n  file: /var/log/a.jsonl\n  stderr: true\nheaders:\n  - X-Session\n  - X-Tenant-Key\n");
        AgentConfig c = AgentConfig.load("config=" + f, new Properties(), Map.of());
        assertThat(c.get(Option.SERVICE_NAME)).isEqualTo("orders");
        assertThat(c.get(Option.AUDIT_STDERR)).isEqualTo("true");
        assertThat(c.get(Option.HEADERS)).isEqualTo("X-Session,X-Tenant-Key");
    }

    @Test
    void policySectionKeepsItsLineNumbers() throws Exception {
        Path f = yaml("mode: enforce\npolicy:\n  - secret: DB_PASSWORD\n    allow: [com.acme.db.]\n");
        AgentConfig c = AgentConfig.load("config=" + f, new Properties(), Map.of());
        assertThat(c.toSettings().section("policy")).singleElement()
                .satisfies(e -> assertThat(e).containsEntry("secret", "DB_PASSWORD").containsEntry("_line", 3));
    }

    @Test
    void unknownKeysAreRefusedWhereverTheyComeFrom() throws Exception {
        assertThatThrownBy(() -> AgentConfig.load("no.such.key=1", new Properties(), Map.of()))
                .hasMessageContaining("unknown key 'no.such.key' in agent argument");
        Properties p = new Properties();
        p.setProperty("secretagent.redaction", "off");
        assertThatThrownBy(() -> AgentConfig.load(null, p, Map.of()))
                .hasMessageContaining("unknown key 'redaction'").hasMessageContaining("-Dsecretagent.redaction");
        assertThatThrownBy(() -> AgentConfig.load(null, new Properties(), Map.of("SECRETAGENT_TURBO", "1")))
                .hasMessageContaining("SECRETAGENT_TURBO");
        Path f = yaml("mode: dev\n\nredact: false\n");
        assertThatThrownBy(() -> AgentConfig.load("config=" + f, new Properties(), Map.of()))
                .hasMessageContaining(f + ":3").hasMessageContaining("unknown key 'redact'");
    }

    @Test
    void badValuesNameKeyAndOrigin() throws Exception {
        assertThatThrownBy(() -> AgentConfig.load("min.length=zero", new Properties(), Map.of()))
                .hasMessageContaining("key 'min.length'").hasMessageContaining("positive integer");
        Path f = yaml("leaks.fail: maybe\n");
        assertThatThrownBy(() -> AgentConfig.load("config=" + f, new Properties(), Map.of()))
                .hasMessageContaining("key 'leaks.fail'").hasMessageContaining(f + ":1");
        assertThatThrownBy(() -> AgentConfig.load("mode", new Properties(), Map.of()))
                .hasMessageContaining("not key=value");
    }

    @Test
    void malformedYamlNamesTheLine() throws Exception {
        Path f = yaml("mode: dev\naudit.file: \"unterminated\nx: [\n");
        assertThatThrownBy(() -> AgentConfig.load("config=" + f, new Properties(), Map.of()))
                .hasMessageContaining(f.toString()).hasMessageContaining("malformed YAML");
        Path dup = yaml("mode: dev\nmode: audit\n");
        assertThatThrownBy(() -> AgentConfig.load("config=" + dup, new Properties(), Map.of()))
                .hasMessageContaining(dup + ":2").hasMessageContaining("duplicate key 'mode'");
    }

    @Test
    void missingConfigFileIsNamed() {
        assertThatThrownBy(() -> AgentConfig.load("config=/nonexistent/x.yaml", new Properties(), Map.of()))
                .hasMessageContaining("/nonexistent/x.yaml");
    }

    @Test
    void sizesDurationsAndListsAreNormalised() throws Exception {
        AgentConfig c = AgentConfig.load("audit.max.file.size=2MB,store.refresh.interval=30s,headers=A;B",
                new Properties(), Map.of());
        assertThat(c.get(Option.AUDIT_MAX_FILE_SIZE)).isEqualTo(String.valueOf(2 * 1024 * 1024));
        assertThat(c.get(Option.STORE_REFRESH_INTERVAL)).isEqualTo("30000");
        assertThat(c.get(Option.HEADERS)).isEqualTo("A,B");
    }

    @Test
    void aFleetRotationCadenceCannotBeLengthenedByTheApplication() throws Exception {
        Path fleet = dir.resolve("fleet.yaml");
        Files.write(fleet, "rotation.cadence: prod/*=30d\n".getBytes(StandardCharsets.UTF_8));
        Path app = dir.resolve("app.yaml");
        Files.write(app, "rotation.cadence: [prod/*=400d, prod/db/*=7d]\n".getBytes(StandardCharsets.UTF_8));
        Properties props = new Properties();
        props.setProperty("secretagent.config", app.toString());
        AgentConfig c = AgentConfig.load("fleet.policy=" + fleet, props, Map.of());
        dev.secretagent.runtime.rotation.RotationPolicy p =
                dev.secretagent.runtime.rotation.RotationPolicy.parse(c.get(Option.ROTATION_CADENCE));
        long day = dev.secretagent.runtime.rotation.RotationPolicy.DAY;
        assertThat(p.cadence("prod/api/token").maxAgeMillis).as("the fleet's 30d stays").isEqualTo(30 * day);
        assertThat(p.cadence("prod/db/password").maxAgeMillis).as("shortening is allowed").isEqualTo(7 * day);
        assertThatThrownBy(() -> AgentConfig.load("rotation.cadence=prod/*", new Properties(), Map.of()))
                .hasMessageContaining("rotation.cadence");
    }

    @Test
    void fleetPolicyIsAFloorTheApplicationMayExtendButNotWeaken() throws Exception {
        Path fleet = dir.resolve("fleet.yaml");
        Files.write(fleet, ("mode: enforce\nheaders: [X-Fleet]\naudit.file: /var/log/fleet.jsonl\nmin.length: 10\n"
                + "policy:\n  - secret: DB_PASSWORD\n    allow: [com.acme.db.]\n").getBytes(StandardCharsets.UTF_8));
        Path app = dir.resolve("app.yaml");
        Files.write(app, ("mode: dev\nheaders: [X-App]\naudit.file: /tmp/elsewhere.jsonl\nmin.length: 6\n"
                + "redaction.enabled: false\nservice.name: orders\n"
                + "policy:\n  - secret: DB_PASSWORD\n    allow: [com.evil.]\n  - secret: APP_TOKEN\n    allow: [com.acme.]\n")
                .getBytes(StandardCharsets.UTF_8));
        Properties props = new Properties();
        props.setProperty("secretagent.config", app.toString());
        AgentConfig c = AgentConfig.load("fleet.policy=" + fleet, props, Map.of());

        assertThat(c.get(Option.MODE)).isEqualTo("enforce");
        assertThat(c.get(Option.REDACTION_ENABLED)).isEqualTo("true");
        assertThat(c.get(Option.AUDIT_FILE)).isEqualTo("/var/log/fleet.jsonl");
        assertThat(c.get(Option.HEADERS)).isEqualTo("X-Fleet,X-App");
        assertThat(c.get(Option.MIN_LENGTH)).as("a lower min.length redacts more: allowed").isEqualTo("6");
        assertThat(c.get(Option.SERVICE_NAME)).isEqualTo("orders");
        assertThat(c.refusals()).extracting(Object::toString).hasSize(3)
                .anySatisfy(r -> assertThat(r).contains("'mode'").contains(app + ":1"))
                .anySatisfy(r -> assertThat(r).contains("'redaction.enabled'"))
                .anySatisfy(r -> assertThat(r).contains("'audit.file'"));
        // the application's entry for DB_PASSWORD is a second layer: it can only narrow (AccessPolicyTest)
        assertThat(c.toSettings().section("policy")).extracting(e -> e.get("secret"))
                .containsExactly("DB_PASSWORD", "DB_PASSWORD", "APP_TOKEN");
        assertThat(c.toSettings().section("policy").get(0).get("allow")).isEqualTo(java.util.List.of("com.acme.db."));
        assertThat(c.toSettings().section("policy").get(0).get("_fleet")).isEqualTo(1);
    }

    @Test
    void aHigherMinLengthUnderAFleetPolicyIsRefused() throws Exception {
        Path fleet = dir.resolve("fleet.yaml");
        Files.write(fleet, "min.length: 8\n".getBytes(StandardCharsets.UTF_8));
        AgentConfig c = AgentConfig.load("fleet.policy=" + fleet, new Properties(), Map.of("SECRETAGENT_MIN_LENGTH", "40"));
        assertThat(c.get(Option.MIN_LENGTH)).isEqualTo("8");
        assertThat(c.refusals()).singleElement().satisfies(r -> assertThat(r.toString()).contains("SECRETAGENT_MIN_LENGTH"));
    }

    @Test
    void underAFleetPolicyAnApplicationMayNameMoreLogFilesNeverFewer() throws Exception {
        Path fleet = dir.resolve("fleet.yaml");
        Files.write(fleet, "mode: enforce\n".getBytes(StandardCharsets.UTF_8));
        String floor = Type.LIST.normalize(Option.LOG_FILES.defaultValue);
        AgentConfig more = AgentConfig.load("fleet.policy=" + fleet, new Properties(),
                Map.of("SECRETAGENT_LOG_FILES", Option.LOG_FILES.defaultValue + ";*.trace"));
        assertThat(more.get(Option.LOG_FILES)).isEqualTo(floor + ",*.trace");
        assertThat(more.refusals()).isEmpty();
        for (String weaker : new String[] {"*.log", "", Option.LOG_FILES.defaultValue + ";!orders*.log"}) {
            AgentConfig c = AgentConfig.load("fleet.policy=" + fleet, new Properties(), Map.of("SECRETAGENT_LOG_FILES", weaker));
            assertThat(c.get(Option.LOG_FILES)).as(weaker).isEqualTo(floor);
        }
    }
}
