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

/** Issue 6: least privilege. Only com.acme.orders may read DB_PASSWORD; com.acme.reports may not. */
@SuppressWarnings("unchecked")
class AccessPolicyIT {
    @TempDir
    Path dir;

    private Path config(String extra) throws Exception {
        Path cfg = dir.resolve("secret-agent.yaml");
        Files.writeString(cfg, "audit.file: " + dir.resolve("audit.jsonl") + "\n"
                + extra
                + "policy:\n"
                + "  - secret: DB_PASSWORD\n"
                + "    allow: [com.acme.orders., \"jar:billing-*.jar\"]\n"
                + "  - secret: API_*\n"
                + "    allow: [com.acme.orders.OrdersApp]\n");
        return cfg;
    }

    private ChildJvm.Result run(String extraConfig, String secret, String... steps) throws Exception {
        return ChildJvm.app("access-app", "com.acme.orders.OrdersApp", steps)
                .withAgent("config=" + config(extraConfig)).workDir(dir).env("DB_PASSWORD", secret).run();
    }

    @Test
    void aDeniedCallerGetsNullAndLeavesAFailureLine() throws Exception {
        String secret = ChildJvm.randomSecret("pw-");
        ChildJvm.Result r = run("", secret, "read", "DB_PASSWORD", "report", "DB_PASSWORD");

        assertThat(r.exit).as(r.toString()).isZero();
        assertThat(r.stdout()).contains("orders read DB_PASSWORD -> present", "report read DB_PASSWORD -> null");
        List<Map<String, Object>> reads = withAction(lines(dir.resolve("audit.jsonl")), "read");
        assertThat(reads).hasSize(2);
        assertThat(reads).filteredOn(l -> "com.acme.orders.OrdersApp".equals(l.get("caller.class"))).singleElement()
                .satisfies(l -> assertThat(l).containsEntry("event.outcome", "success").doesNotContainKey("event.reason"));
        assertThat(reads).filteredOn(l -> "com.acme.reports.ReportJob".equals(l.get("caller.class"))).singleElement()
                .satisfies(l -> assertThat(l).containsEntry("event.outcome", "failure")
                        .containsEntry("event.reason", "denied by policy")
                        .containsEntry("secret.id", "DB_PASSWORD")
                        .containsEntry("caller.method", "read")
                        .containsEntry("caller.line", AccessAudit.readSite("com/acme/reports/ReportJob.java", "reports")));
        assertNowhere(secret, r, dir);
    }

    @Test
    void inThrowModeADeniedCallerGetsASecurityException() throws Exception {
        String secret = ChildJvm.randomSecret("pw-");
        ChildJvm.Result r = run("deny.action: throw\n", secret, "report", "DB_PASSWORD", "read", "DB_PASSWORD");
        assertThat(r.exit).as(r.toString()).isZero();
        assertThat(r.stdout()).contains("report read DB_PASSWORD -> SecurityException secret-agent: com.acme.reports.ReportJob"
                + " may not read DB_PASSWORD (policy)", "orders read DB_PASSWORD -> present");
        assertThat(withAction(lines(dir.resolve("audit.jsonl")), "read"))
                .extracting(l -> l.get("caller.class") + ":" + l.get("event.outcome"))
                .containsExactlyInAnyOrder("com.acme.reports.ReportJob:failure", "com.acme.orders.OrdersApp:success");
        assertNowhere(secret, r, dir);
    }

    @Test
    void inAuditModeTheReadIsAllowedAndRecordedAsWouldBeDenied() throws Exception {
        String secret = ChildJvm.randomSecret("pw-");
        ChildJvm.Result r = run("mode: audit\n", secret, "report", "DB_PASSWORD");
        assertThat(r.exit).as(r.toString()).isZero();
        assertThat(r.stdout()).contains("report read DB_PASSWORD -> present");
        assertThat(withAction(lines(dir.resolve("audit.jsonl")), "read")).singleElement()
                .satisfies(l -> assertThat(l).containsEntry("event.outcome", "failure")
                        .containsEntry("event.reason", "would be denied"));
        assertNowhere(secret, r, dir);
    }

    @Test
    void aChildProcessInheritsOnlyWhatThePolicyAllowsItsStarter() throws Exception {
        String secret = ChildJvm.randomSecret("pw-");
        ChildJvm.Result r = run("", secret, "spawn", "DB_PASSWORD", "report-spawn", "DB_PASSWORD");
        assertThat(r.exit).as(r.toString()).isZero();
        assertThat(r.stdout()).contains("orders child sees DB_PASSWORD -> set", "report child sees DB_PASSWORD -> unset");
        List<Map<String, Object>> inherit = withAction(lines(dir.resolve("audit.jsonl")), "inherit");
        assertThat(inherit).filteredOn(l -> "com.acme.reports.ReportJob".equals(l.get("caller.class"))
                        && "failure".equals(l.get("event.outcome"))).singleElement()
                .satisfies(l -> assertThat(l).containsEntry("event.reason", "denied by policy")
                        .containsEntry("secret.id", List.of("DB_PASSWORD")));
        assertThat(inherit).filteredOn(l -> "com.acme.orders.OrdersApp".equals(l.get("caller.class"))).singleElement()
                .satisfies(l -> assertThat((List<Object>) l.get("secret.id")).contains("DB_PASSWORD"));
        assertNowhere(secret, r, dir);
    }

    @Test
    void aDumpByADeniedCallerLeavesTheSecretOut() throws Exception {
        String secret = ChildJvm.randomSecret("pw-");
        Path cfg = dir.resolve("secret-agent.yaml");
        Files.writeString(cfg, "audit.file: " + dir.resolve("audit.jsonl") + "\n"
                + "policy:\n  - secret: DB_PASSWORD\n    allow: [com.acme.db.]\n");
        ChildJvm.Result r = ChildJvm.app("access-app", "com.acme.orders.OrdersApp", "dump")
                .withAgent("config=" + cfg).workDir(dir).env("DB_PASSWORD", secret).run();
        assertThat(r.exit).as(r.toString()).isZero();
        assertThat(r.stdout()).doesNotContain("DB_PASSWORD=");
        assertThat(withAction(lines(dir.resolve("audit.jsonl")), "dump"))
                .filteredOn(l -> "failure".equals(l.get("event.outcome"))).singleElement()
                .satisfies(l -> assertThat(l).containsEntry("secret.id", List.of("DB_PASSWORD")));
        assertNowhere(secret, r, dir);
    }

    @Test
    void aBadPolicyEntryStopsTheStartNamingTheLine() throws Exception {
        Path cfg = dir.resolve("secret-agent.yaml");
        Files.writeString(cfg, "mode: enforce\npolicy:\n  - secret: DB_PASSWORD\n    allow: [com.acme.db.]\n"
                + "  - secret: API_TOKEN\n    allwo: [com.acme.]\n");
        ChildJvm.Result r = ChildJvm.app("access-app", "com.acme.orders.OrdersApp", "read", "HOME")
                .withAgent("config=" + cfg).workDir(dir).run();
        assertThat(r.exit).as(r.toString()).isEqualTo(2);
        // the line of the bad key (6), not of the entry it belongs to (5)
        assertThat(r.stderr()).contains(cfg + ":6: policy entry: unknown key 'allwo'");
        assertThat(r.stdout()).doesNotContain("done");
    }
}
