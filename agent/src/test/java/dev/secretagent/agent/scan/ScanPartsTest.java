package dev.secretagent.agent.scan;

import dev.secretagent.runtime.redact.CredentialFormats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScanPartsTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    static String random(String alphabet, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    @Test
    void knownValuesAreFoundByFingerprintInPlainAndBase64Form() {
        String v = "pw-" + random("abcdefghijklmnop", 20);
        KnownValues kv = new KnownValues(8);
        assertThat(kv.add("DB_PASSWORD", v)).isTrue();
        assertThat(kv.add("SHORT", "abc")).isFalse();
        String b64 = Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8)).replaceAll("=+$", "");
        String text = "a=" + v + "\nb=" + b64 + "\nc=" + v.substring(1) + "x\n";
        List<String> hits = new ArrayList<>();
        kv.find(text, (off, len, id) -> hits.add(id + "@" + off));
        assertThat(hits).containsExactlyInAnyOrder("DB_PASSWORD@2", "DB_PASSWORD@" + text.indexOf(b64));
    }

    @Test
    void detectorsFindCredentialShapesBuiltAtRunTime() {
        String aws = "AK" + "IA" + random("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16);
        List<CredentialFormats.Hit> hits = CredentialFormats.of(List.of()).find("key = \"" + aws + "\"; password=${X}");
        assertThat(hits).hasSize(1);
        assertThat(hits.get(0).detector).isEqualTo("aws-access-key");
        assertThat(hits.get(0).start).isEqualTo(7);
        assertThat(CredentialFormats.of(List.of("none")).find(aws)).isEmpty();
        assertThatThrownBy(() -> CredentialFormats.of(List.of("nosuch"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void allowlistNeedsReasonsAndMatchesGlobAndRule(@TempDir Path dir) throws Exception {
        Path f = dir.resolve(Allowlist.FILE_NAME);
        Files.writeString(f, "# comment\ndocs/** format:* examples from the docs, never valid\nconf/a.properties value:DB local only\n");
        Allowlist a = Allowlist.read(f);
        assertThat(a.size()).isEqualTo(2);
        assertThat(a.allows(new ScanFinding("docs/x/y.md", 1, 1, ScanFinding.Kind.FORMAT, "jwt"))).isTrue();
        assertThat(a.allows(new ScanFinding("docs/x/y.md", 1, 1, ScanFinding.Kind.VALUE, "DB"))).isFalse();
        assertThat(a.allows(new ScanFinding("conf/a.properties", 1, 1, ScanFinding.Kind.VALUE, "DB"))).isTrue();
        assertThat(a.allows(new ScanFinding("conf/a.properties", 1, 1, ScanFinding.Kind.VALUE, "OTHER"))).isFalse();
        Files.writeString(f, "docs/** format:*\n");
        assertThatThrownBy(() -> Allowlist.read(f)).hasMessageContaining(":1: an allowlist entry needs");
    }

    @Test
    void inlineAllowCommentOnTheLineOrAlone(@TempDir Path dir) throws Exception {
        String aws = "AK" + "IA" + random("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16);
        Path f = dir.resolve("A.java");
        Files.writeString(f, "// secret-agent:allow doc example\nString a = \"" + aws + "\";\nString b = \"" + aws
                + "\"; // secret-agent:allow doc\nString c = \"" + aws + "\";\n");
        RepositoryScanner s = new RepositoryScanner(new KnownValues(8), CredentialFormats.of(List.of()), Allowlist.empty(), Set.of());
        List<ScanFinding> found = s.scan(f, "A.java");
        assertThat(found).hasSize(1);
        assertThat(found.get(0).line).isEqualTo(4);
        assertThat(s.allowed).isEqualTo(2);
    }
}
