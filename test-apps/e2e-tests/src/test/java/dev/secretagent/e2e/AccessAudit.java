package dev.secretagent.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Helpers for the access/audit end-to-end tests: parse audit lines, find the app's read sites, scan for values. */
final class AccessAudit {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AccessAudit() {
    }

    /** Every line parsed by a real JSON parser (a malformed line fails the test). */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> lines(Path file) throws IOException {
        List<Map<String, Object>> out = new ArrayList<>();
        if (!Files.exists(file)) {
            return out;
        }
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isEmpty()) {
                out.add(JSON.readValue(line, Map.class));
            }
        }
        return out;
    }

    static List<Map<String, Object>> withAction(List<Map<String, Object>> lines, String action) {
        return lines.stream().filter(l -> action.equals(l.get("event.action"))).collect(Collectors.toList());
    }

    /** The line number of the comment marker in access-app's source: where caller.line must point. */
    static int readSite(String sourceFile, String marker) throws IOException {
        Path src = ChildJvm.APPS.resolve("access-app/src/main/java").resolve(sourceFile);
        List<String> lines = Files.readAllLines(src, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("// READ-SITE " + marker)) {
                return i + 1;
            }
        }
        throw new AssertionError("no READ-SITE " + marker + " in " + src);
    }

    static long pid(ChildJvm.Result r) {
        for (String l : r.stdout().split("\n")) {
            if (l.startsWith("pid ")) {
                return Long.parseLong(l.substring(4).trim());
            }
        }
        throw new AssertionError("the app did not print its pid: " + r);
    }

    /** No byte the app printed or the agent wrote (any file under dir, stdout, stderr) holds the value. */
    static void assertNowhere(String secret, ChildJvm.Result r, Path dir) throws IOException {
        byte[] needle = secret.getBytes(StandardCharsets.UTF_8);
        assertThat(indexOf(r.stdoutBytes, needle)).as("stdout holds the secret").isEqualTo(-1);
        assertThat(indexOf(r.stderrBytes, needle)).as("stderr holds the secret").isEqualTo(-1);
        for (Map.Entry<Path, byte[]> f : ChildJvm.allFiles(dir).entrySet()) {
            assertThat(indexOf(f.getValue(), needle)).as(f.getKey() + " holds the secret").isEqualTo(-1);
        }
    }

    static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
