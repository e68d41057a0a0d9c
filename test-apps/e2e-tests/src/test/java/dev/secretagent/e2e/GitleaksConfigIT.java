package dev.secretagent.e2e;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One {@code .gitleaks.toml} (a team's custom rule, a rule allowlist stopword, a global allowlist path) read by
 * {@code scan} and by the agent ({@code detectors.config}): the repository scan reports the custom credential and
 * not the allowlisted one; the running JVM masks the same custom credential on stdout and leaves the allowlisted one.
 * Values are random per run; the control run without the agent shows the leak.
 */
class GitleaksConfigIT {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String CONFIG = String.join("\n",
            "title = \"acme rules\"",
            "[extend]",
            "useDefault = true",
            "",
            "[[rules]]",
            "id = \"acme-service-key\"",
            "description = \"ACME service keys\"",
            "regex = '''acme_live_(?P<key>[a-z0-9]{32})'''",
            "secretGroup = 1",
            "keywords = [\"acme_live_\"]",
            "[[rules.allowlists]]",
            "stopwords = [\"fixture\"]",
            "",
            "[allowlist]",
            "paths = ['''(^|/)vendor/''']",
            "");

    @TempDir
    Path dir;
    String key;
    String fixture;

    static String random(int n) {
        String a = "abcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(a.charAt(RANDOM.nextInt(a.length())));
        }
        return sb.toString();
    }

    @BeforeEach
    void setUp() throws Exception {
        key = random(32);
        fixture = "fixture" + random(25);
        Files.writeString(dir.resolve(".gitleaks.toml"), CONFIG);
        Files.writeString(dir.resolve("app.env"), "ACME_PRIMARY=acme_live_" + key + "\nACME_FIXTURE=acme_live_" + fixture + "\n");
        Files.createDirectories(dir.resolve("vendor"));
        Files.writeString(dir.resolve("vendor/lib.env"), "ACME=acme_live_" + key + "\n");
    }

    @Test
    void scanHonoursTheCustomRuleAndBothAllowlists() throws Exception {
        ChildJvm.Result r = Cli.run(ScanIT.cmd("scan", "--no-env", dir.toString()), Map.of(), null);
        assertThat(r.exit).as(r.toString()).isEqualTo(1);
        assertThat(r.stdout()).contains("app.env:1:24: an acme-service-key credential (by its format)  [format:acme-service-key]")
                .contains("1 credential found").doesNotContain("vendor/").doesNotContain(key).doesNotContain(fixture);

        // the same rule set given explicitly, from elsewhere
        Path elsewhere = Files.createTempDirectory("rules");
        Files.writeString(elsewhere.resolve("team.toml"), CONFIG);
        Files.delete(dir.resolve(".gitleaks.toml"));
        ChildJvm.Result explicit = Cli.run(ScanIT.cmd("scan", "--no-env", "--config",
                elsewhere.resolve("team.toml").toString(), dir.toString()), Map.of(), null);
        assertThat(explicit.exit).as(explicit.toString()).isEqualTo(1);
        assertThat(explicit.stdout()).contains("[format:acme-service-key]").contains("1 credential found");
    }

    @Test
    void theAgentMasksWhatTheCustomRuleFindsAndLeavesTheAllowlistedValue() throws Exception {
        ChildJvm.Result r = ChildJvm.app("hello-app", "demo.EnvPrinter", "ACME_PRIMARY", "ACME_FIXTURE")
                .withAgent("detectors.config=" + dir.resolve(".gitleaks.toml"))
                .env("ACME_PRIMARY", "acme_live_" + key).env("ACME_FIXTURE", "acme_live_" + fixture).run();
        assertThat(r.exit).as(r.toString()).isZero();
        assertThat(r.stdout()).doesNotContain(key)
                .contains("connecting with ACME_PRIMARY=acme_live_[REDACTED:detector:acme-service-key]")
                .contains("connecting with ACME_FIXTURE=acme_live_" + fixture);
        assertThat(r.stderr()).doesNotContain(key).contains("debug: ACME_PRIMARY is acme_live_[REDACTED:detector:acme-service-key]");
    }

    @Test
    void withoutTheAgentTheCustomCredentialIsPrinted() throws Exception {
        ChildJvm.Result r = ChildJvm.app("hello-app", "demo.EnvPrinter", "ACME_PRIMARY")
                .env("ACME_PRIMARY", "acme_live_" + key).run();
        assertThat(r.stdout()).contains("acme_live_" + key);
    }

    @Test
    void aRuleJavaCannotExpressStopsTheAgentAndTheScanNamingTheRule() throws Exception {
        Path bad = dir.resolve("bad.toml");
        Files.writeString(bad, "[[rules]]\nid = \"lazy-rule\"\nregex = '''(?U)tok_[a-z]+'''\nkeywords = [\"tok_\"]\n");
        ChildJvm.Result r = ChildJvm.app("hello-app", "demo.EnvPrinter", "ACME_PRIMARY")
                .withAgent("detectors.config=" + bad).env("ACME_PRIMARY", "x").run();
        assertThat(r.exit).as(r.toString()).isNotZero();
        assertThat(r.stderr()).contains("lazy-rule").contains("(?U)");
        List<String> cmd = new ArrayList<>(ScanIT.cmd("scan", "--no-env", "--config", bad.toString(), dir.toString()));
        ChildJvm.Result s = Cli.run(cmd, Map.of(), null);
        assertThat(s.exit).isEqualTo(2);
        assertThat(s.stderr()).contains("lazy-rule");
    }
}
