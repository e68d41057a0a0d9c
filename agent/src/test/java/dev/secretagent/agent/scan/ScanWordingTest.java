package dev.secretagent.agent.scan;

import dev.secretagent.runtime.redact.CredentialFormats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 20: one credential is one finding; articles and the history advice read right. */
class ScanWordingTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    static String awsKey() {
        StringBuilder sb = new StringBuilder("AK" + "IA");
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        for (int i = 0; i < 16; i++) {
            sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    @Test
    void aKnownValueThatADetectorAlsoRecognisesIsOneFindingNamedByItsId(@TempDir Path dir) throws Exception {
        String key = awsKey();
        Path f = dir.resolve("app.properties");
        Files.writeString(f, "s3.key=" + key + "\nother=" + awsKey() + "\n");
        KnownValues values = new KnownValues(8);
        values.add("S3_KEY", key);
        RepositoryScanner scanner = new RepositoryScanner(values, CredentialFormats.of(List.of()), Allowlist.empty(), Set.of());
        List<ScanFinding> found = scanner.scan(f, "app.properties");
        assertThat(found).extracting(ScanFinding::rule).containsExactly("value:S3_KEY", "format:aws-access-key");
        assertThat(found.get(0).line).isEqualTo(1);
        assertThat(found.get(1).line).isEqualTo(2);
    }

    @Test
    void articlesFollowTheSoundOfTheName() {
        assertThat(ScanFinding.credential("aws", false)).isEqualTo("an AWS credential");
        assertThat(ScanFinding.credential("github", false)).isEqualTo("a GitHub credential");
        assertThat(ScanFinding.credential("pem", true)).isEqualTo("A PEM private key");
        assertThat(ScanFinding.credential("jwt", false)).isEqualTo("a JWT");
        assertThat(ScanFinding.credential("openai", false)).isEqualTo("an OpenAI credential");
    }

    @Test
    void historyIsMentionedOnlyInAGitWorkTree(@TempDir Path dir) throws Exception {
        ScanFinding f = new ScanFinding("a.txt", 1, 1, ScanFinding.Kind.FORMAT, "aws");
        assertThat(ScanOutput.human(List.of(f), 1, 0, true)).contains("git history");
        assertThat(ScanOutput.human(List.of(f), 1, 0, false)).doesNotContain("history");
        assertThat(ScanRun.inGitWorkTree(dir)).isFalse();
        Files.createDirectory(dir.resolve(".git"));
        Files.createDirectories(dir.resolve("sub/deeper"));
        assertThat(ScanRun.inGitWorkTree(dir.resolve("sub/deeper"))).isTrue();
    }
}
