package dev.secretagent.agent.config;

import dev.secretagent.runtime.redact.CredentialFormats;
import dev.secretagent.runtime.redact.CustomDetectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GitleaksConfigTest {
    @AfterEach
    void reset() {
        CustomDetectors.reset();
    }

    @Test
    void re2SyntaxIsTranslatedAndWhatJavaLacksIsRefusedNamingTheRule() {
        assertThat(GitleaksConfig.translate("(?P<k>[[:alnum:]]{4})[[:^digit:]]", "r")).isEqualTo("(?<k>[\\p{Alnum}]{4})[\\P{Digit}]");
        assertThat(GitleaksConfig.translate("[a&&b]", "r")).isEqualTo("[a&\\&b]");
        assertThat(GitleaksConfig.translate("[]a]", "r")).isEqualTo("[\\]a]");
        assertThat(GitleaksConfig.translate("(?i)\\btok\\z", "r")).isEqualTo("(?i)\\btok\\z");
        assertThatThrownBy(() -> GitleaksConfig.translate("(?U)a+", "rule x")).hasMessageContaining("rule x").hasMessageContaining("(?U)");
        assertThatThrownBy(() -> GitleaksConfig.translate("a\\Cb", "rule y")).hasMessageContaining("rule y");
    }

    @Test
    void rulesAllowlistsAndUseDefault(@TempDir Path dir) throws Exception {
        Path f = dir.resolve(".gitleaks.toml");
        Files.writeString(f, "[extend]\nuseDefault = false\n[[rules]]\nid = \"corp\"\nregex = '''corp_([a-z0-9]{20})'''\n"
                + "keywords = [\"corp_\"]\nentropy = 2.0\n[rules.allowlist]\nregexes = ['''^dev''']\n"
                + "[allowlist]\nstopwords = [\"sandbox\"]\npaths = ['''\\.md$''']\n");
        GitleaksConfig c = GitleaksConfig.load(f);
        assertThat(c.rules).hasSize(1);
        assertThat(c.useDefault).isFalse();
        assertThat(c.pathAllowed("docs/a.md")).isTrue();
        c.install();
        CredentialFormats formats = CredentialFormats.of(List.of());
        String v = "k9x2m4q7w1e5r8t3y6u0";
        assertThat(formats.find("a corp_" + v)).extracting(h -> h.detector).containsExactly("corp");
        assertThat(formats.find("a corp_dev" + v.substring(3))).isEmpty();
        assertThat(formats.find("a corp_sandbox" + v.substring(7))).isEmpty();
        // useDefault = false: the built-in detectors are off
        assertThat(formats.find("AK" + "IA" + "Q7W2E4R6T8Y3U5I9")).isEmpty();
    }

    @Test
    void errorsNameTheRuleAndNeverTheRegex(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("x.toml");
        Files.writeString(f, "[[rules]]\nid = \"nokw\"\nregex = '''abc_[0-9]+'''\n");
        assertThatThrownBy(() -> GitleaksConfig.load(f)).hasMessageContaining("rule nokw").hasMessageContaining("no keywords")
                .hasMessageNotContaining("abc_");
        Files.writeString(f, "[[rules]\nid = ");
        assertThatThrownBy(() -> GitleaksConfig.load(f)).hasMessageContaining("not valid TOML");
    }
}
