package dev.secretagent.e2e;


import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every byte a logging test application wrote (stdout, stderr, every file in its output directory), checked
 * for every form of every secret, and its lines counted per output so that a run with the agent can be
 * compared with a control run without it: same lines, nothing lost, nothing doubled.
 */
final class LogOutputs {
    /** Output name (rolled files grouped: rolling.3.log counts as rolling.log) -> content. */
    final Map<String, String> outputs = new TreeMap<>();

    static LogOutputs of(ChildJvm.Result run, Path outDir) throws IOException {
        LogOutputs o = new LogOutputs();
        o.add("stdout", run.stdout());
        o.add("stderr", withoutAgentLines(run.stderr()));
        for (Map.Entry<Path, byte[]> f : ChildJvm.allFiles(outDir).entrySet()) {
            // rolled files grouped: rolling.3.log (Logback, Log4j2) and rolling.log.3 (Log4j 1.2) count as rolling.log
            String name = f.getKey().getFileName().toString().replaceAll("\\.\\d+\\.", ".").replaceAll("\\.log\\.\\d+$", ".log");
            if (name.endsWith(".lck")) {
                continue;
            }
            o.add(name, new String(f.getValue(), StandardCharsets.UTF_8));
        }
        return o;
    }

    static LogOutputs of(String stdout, String stderr, Path outDir) throws IOException {
        return of(new ChildJvm.Result(0, stdout.getBytes(StandardCharsets.UTF_8), stderr.getBytes(StandardCharsets.UTF_8)), outDir);
    }

    private void add(String name, String content) {
        outputs.merge(name, content, String::concat);
    }

    /**
     * The agent's own lines are not the application's output, nor is the JVM's warning (JDK 21+) that an agent
     * was loaded dynamically after an attach.
     */
    static String withoutAgentLines(String s) {
        StringBuilder sb = new StringBuilder();
        for (String line : s.split("\n", -1)) {
            boolean jvmAttachWarning = line.startsWith("WARNING: ")
                    && (line.contains("agent") || line.contains("serviceability tool"));
            if (!line.startsWith("[secret-agent]") && !line.contains(" [secret-agent] ") && !jvmAttachWarning) {
                sb.append(line).append('\n');
            }
        }
        return sb.substring(0, Math.max(0, sb.length() - 1));
    }

    Map<String, Long> lineCounts() {
        Map<String, Long> m = new TreeMap<>();
        outputs.forEach((k, v) -> m.put(k, v.chars().filter(c -> c == '\n').count()));
        return m;
    }

    /** The forms in which a layout may write a value: as is, JSON-escaped, XML-escaped. */
    static Map<String, String> forms(String secret) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("raw", secret);
        f.put("json", secret.replace("\\", "\\\\").replace("\"", "\\\"").replace("/", "\\/"));
        f.put("json-unescaped-slash", secret.replace("\\", "\\\\").replace("\"", "\\\""));
        f.put("xml", secret.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&apos;"));
        f.put("xml-text", secret.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"));
        return f;
    }

    /** No form of any secret in any output: the first one found fails, with an excerpt around it. */
    void assertNoSecret(String... secrets) {
        for (Map.Entry<String, String> out : outputs.entrySet()) {
            for (String secret : secrets) {
                for (Map.Entry<String, String> form : forms(secret).entrySet()) {
                    if (out.getValue().contains(form.getValue())) {
                        throw new AssertionError(out.getKey() + " holds the " + form.getKey() + " form of a secret:\n"
                                + excerpt(out.getValue(), form.getValue()));
                    }
                }
            }
        }
    }

    void assertEveryOutputHolds(String secret, String... names) {
        for (String n : names) {
            assertThat(outputs).containsKey(n);
            boolean any = false;
            for (String form : forms(secret).values()) {
                any |= outputs.get(n).contains(form);
            }
            assertThat(any).as("control run: %s holds the secret", n).isTrue();
        }
    }

    private static String excerpt(String text, String needle) {
        int i = text.indexOf(needle);
        int from = text.lastIndexOf('\n', i) + 1;
        int to = text.indexOf('\n', i);
        return text.substring(from, to < 0 ? text.length() : to).replace(needle, "<SECRET>");
    }

    static Path freshDir(String name) throws IOException {
        Path base = Path.of("target", "e2e-logs");
        Files.createDirectories(base);
        return Files.createTempDirectory(base.toAbsolutePath(), name + "-");
    }
}
