package dev.secretagent.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.secretagent.e2e.AccessAudit.assertNowhere;
import static dev.secretagent.e2e.AccessAudit.lines;
import static dev.secretagent.e2e.AccessAudit.withAction;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14, section 2: every JDK path to the process environment (ProcessBuilder.environment() and its views,
 * System.getenv() views, Runtime.exec with an environment built from those maps, the children) goes through
 * the same policy and audit as System.getenv(name). access-app's com.acme.reports.EnvPaths walks every path.
 */
class EnvironmentPathsIT {
    /** The paths and what each prints when the value showed. */
    static final List<String> SHOWN = List.of(
            "paths pb-get DB_PASSWORD -> present",
            "paths pb-entries DB_PASSWORD -> present",
            "paths pb-string DB_PASSWORD -> present",
            "paths pb-values DB_PASSWORD -> present",
            "paths pb-contains-value DB_PASSWORD -> true",
            "paths pb-foreach DB_PASSWORD -> present",
            "paths map-entries DB_PASSWORD -> present",
            "paths map-values DB_PASSWORD -> present",
            "paths map-contains-value DB_PASSWORD -> true");
    static final List<String> HIDDEN = List.of(
            "paths pb-get DB_PASSWORD -> null",
            "paths pb-entries DB_PASSWORD -> absent",
            "paths pb-string DB_PASSWORD -> absent",
            "paths pb-values DB_PASSWORD -> absent",
            "paths pb-contains-value DB_PASSWORD -> false",
            "paths pb-foreach DB_PASSWORD -> absent",
            "paths map-entries DB_PASSWORD -> absent",
            "paths map-values DB_PASSWORD -> absent",
            "paths map-contains-value DB_PASSWORD -> false");
    static final List<String> CHILDREN = List.of("exec-env", "exec-pb-env", "exec-inherit", "pb-spawn");

    @TempDir
    Path dir;

    private ChildJvm.Result run(String allow, String secret, boolean agent) throws Exception {
        Path cfg = dir.resolve("secret-agent.yaml");
        Files.writeString(cfg, "audit.file: " + dir.resolve("audit.jsonl") + "\n"
                + "policy:\n  - secret: DB_PASSWORD\n    allow: [" + allow + "]\n");
        ChildJvm c = ChildJvm.app("access-app", "com.acme.orders.OrdersApp", "env-paths", "DB_PASSWORD")
                .workDir(dir).env("DB_PASSWORD", secret).jvmArg("-Dprobe=" + secret);
        if (agent) {
            c.withAgent("config=" + cfg);
        }
        return c.run();
    }

    @Test
    void withoutTheAgentEveryPathShowsTheValue() throws Exception {
        String secret = ChildJvm.randomSecret("pw-");
        ChildJvm.Result r = run("com.acme.orders.", secret, false);
        assertThat(r.exit).as(r.toString()).isZero();
        assertThat(r.stdout()).contains(SHOWN);
        for (String child : CHILDREN) {
            assertThat(r.stdout()).contains("paths " + child + " DB_PASSWORD -> set sha=" + StoreInjectionIT.sha(secret));
        }
    }

    @Test
    void aDeniedCallerGetsTheValueThroughNoPathAndEveryPathIsAudited() throws Exception {
        String secret = ChildJvm.randomSecret("pw-");
        ChildJvm.Result r = run("com.acme.orders.", secret, true); // EnvPaths is com.acme.reports: denied
        assertThat(r.exit).as(r.toString()).isZero();
        assertThat(r.stdout()).contains(HIDDEN);
        for (String child : CHILDREN) {
            assertThat(r.stdout()).contains("paths " + child + " DB_PASSWORD -> unset");
        }
        List<Map<String, Object>> audit = lines(dir.resolve("audit.jsonl"));
        assertThat(withAction(audit, "read")).as("pb.environment().get").isNotEmpty().allSatisfy(l -> assertThat(l)
                .containsEntry("event.outcome", "failure").containsEntry("event.reason", "denied by policy")
                .containsEntry("secret.id", "DB_PASSWORD").containsEntry("caller.class", "com.acme.reports.EnvPaths"));
        assertThat(withAction(audit, "dump")).as("views of both maps").isNotEmpty().allSatisfy(l -> assertThat(l)
                .containsEntry("event.outcome", "failure").containsEntry("event.reason", "denied by policy")
                .containsEntry("secret.id", List.of("DB_PASSWORD")));
        assertThat(withAction(audit, "dump")).filteredOn(l -> "success".equals(l.get("event.outcome"))).isEmpty();
        assertThat(withAction(audit, "inherit")).as("Runtime.exec without env, ProcessBuilder.start").isNotEmpty()
                .allSatisfy(l -> assertThat(l).containsEntry("event.outcome", "failure")
                        .containsEntry("caller.class", "com.acme.reports.EnvPaths"));
        assertNowhere(secret, r, dir);
    }

    @Test
    void anAllowedCallerGetsTheValueThroughEveryPathAndEveryPathIsAudited() throws Exception {
        String secret = ChildJvm.randomSecret("pw-");
        ChildJvm.Result r = run("com.acme.reports.EnvPaths", secret, true);
        assertThat(r.exit).as(r.toString()).isZero();
        assertThat(r.stdout()).contains(SHOWN);
        for (String child : CHILDREN) {
            assertThat(r.stdout()).contains("paths " + child + " DB_PASSWORD -> set sha=" + StoreInjectionIT.sha(secret));
        }
        List<Map<String, Object>> audit = lines(dir.resolve("audit.jsonl"));
        assertThat(audit).filteredOn(l -> "failure".equals(l.get("event.outcome"))).isEmpty();
        assertThat(withAction(audit, "read")).isNotEmpty().allSatisfy(l -> assertThat(l)
                .containsEntry("secret.id", "DB_PASSWORD").containsEntry("caller.class", "com.acme.reports.EnvPaths"));
        assertThat(withAction(audit, "dump")).isNotEmpty();
        assertThat(withAction(audit, "inherit")).isNotEmpty().allSatisfy(l -> assertThat(l)
                .containsEntry("event.outcome", "success").containsEntry("secret.id", List.of("DB_PASSWORD")));
        assertNowhere(secret, r, dir);
    }
}
