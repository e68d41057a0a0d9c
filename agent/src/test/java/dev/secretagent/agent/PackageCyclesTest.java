package dev.secretagent.agent;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No package of the runtime, the agent or the Maven plugin depends on itself through others: the layers read in one
 * direction. A hand-written scan of the sources (imports and fully qualified names in code; comments and string
 * literals, such as the reflective hand-over in AgentEntry, do not count), so that it needs no library.
 */
class PackageCyclesTest {
    private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern REFERENCE = Pattern.compile("\\b(dev\\.secretagent(?:\\.[a-z]\\w*)*)\\.[A-Z]");
    private static final Pattern NOISE = Pattern.compile(
            "/\\*.*?\\*/|//[^\\n]*|'(?:\\\\.|[^'\\\\])'|\"(?:\\\\.|[^\"\\\\\\n])*\"", Pattern.DOTALL);
    private static final Pattern CLASS_NAME = Pattern.compile("\\b[A-Z]\\w*\\b");


    @Test
    void runtimeHasNoPackageCycle() throws IOException {
        assertThat(cycles(Paths.get("..", "runtime", "src", "main", "java"))).isEmpty();
    }

    @Test
    void agentHasNoPackageCycle() throws IOException {
        List<Set<String>> cycles = cycles(Paths.get("src", "main", "java"));
        assertThat(cycles).isEmpty();
    }

    @Test
    void mavenPluginHasNoPackageCycle() throws IOException {
        assertThat(cycles(Paths.get("..", "maven-plugin", "src", "main", "java"))).isEmpty();
    }

    /**
     * Class level, inside the engine's package: the diagnostics channel redacts its lines through the engine, so the
     * engine must never reach back to it (it reports through {@code RedactionWarnings}, set at start). The package
     * as a whole still has class cycles (the streams and their hold-back, the rule scanner and its rules), which are
     * one unit each; this one was a layer inversion.
     */
    @Test
    void diagnosticsIsInNoClassCycleOfTheEngine() throws IOException {
        Map<String, Set<String>> classes = classGraph(Paths.get("..", "runtime", "src", "main", "java", "dev",
                "secretagent", "runtime", "redact"));
        assertThat(classes.get("Diagnostics")).contains("Redaction"); // the scan sees same-package uses
        assertThat(stronglyConnected(classes)).noneMatch(cycle -> cycle.contains("Diagnostics"));
    }

    @Test
    void theScanFindsACycle() {
        Map<String, Set<String>> graph = new TreeMap<>();
        graph.put("a", new TreeSet<>(List.of("b")));
        graph.put("b", new TreeSet<>(List.of("c")));
        graph.put("c", new TreeSet<>(List.of("a")));
        graph.put("d", new TreeSet<>(List.of("a")));
        assertThat(stronglyConnected(graph)).containsExactly(new TreeSet<>(List.of("a", "b", "c")));
    }

    /** Each cycle as the set of packages in it (a strongly connected component of more than one package). */
    static List<Set<String>> cycles(Path sources) throws IOException {
        assertThat(sources).isDirectory();
        Map<String, Set<String>> graph = new TreeMap<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                String text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
                Matcher pkg = PACKAGE.matcher(text);
                if (!pkg.find()) {
                    continue;
                }
                Set<String> uses = graph.computeIfAbsent(pkg.group(1), k -> new TreeSet<>());
                Matcher ref = REFERENCE.matcher(NOISE.matcher(text).replaceAll(" "));
                while (ref.find()) {
                    if (!ref.group(1).equals(pkg.group(1)) && !ref.group(1).startsWith("dev.secretagent.shaded")) {
                        uses.add(ref.group(1));
                    }
                }
            }
        }
        return stronglyConnected(graph);
    }

    /**
     * The uses among the top-level classes of one package's folder: a class uses another when its code names it
     * (same package, so by simple name; a nested class counts as its outer class).
     */
    static Map<String, Set<String>> classGraph(Path packageDir) throws IOException {
        assertThat(packageDir).isDirectory();
        Map<String, String> code = new TreeMap<>();
        try (Stream<Path> files = Files.list(packageDir)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                String text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
                code.put(f.getFileName().toString().replace(".java", ""), NOISE.matcher(text).replaceAll(" "));
            }
        }
        Map<String, Set<String>> graph = new TreeMap<>();
        for (Map.Entry<String, String> c : code.entrySet()) {
            Set<String> uses = graph.computeIfAbsent(c.getKey(), k -> new TreeSet<>());
            Matcher name = CLASS_NAME.matcher(c.getValue());
            while (name.find()) {
                if (code.containsKey(name.group()) && !name.group().equals(c.getKey())) {
                    uses.add(name.group());
                }
            }
        }
        return graph;
    }

    /** Tarjan's algorithm, iterative enough for a few dozen packages. */
    static List<Set<String>> stronglyConnected(Map<String, Set<String>> graph) {
        Map<String, Integer> index = new TreeMap<>();
        Map<String, Integer> low = new TreeMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new TreeSet<>();
        List<Set<String>> out = new ArrayList<>();
        for (String v : graph.keySet()) {
            if (!index.containsKey(v)) {
                visit(v, graph, index, low, stack, onStack, out);
            }
        }
        return out;
    }

    private static void visit(String v, Map<String, Set<String>> graph, Map<String, Integer> index,
                              Map<String, Integer> low, Deque<String> stack, Set<String> onStack, List<Set<String>> out) {
        index.put(v, index.size());
        low.put(v, index.get(v));
        stack.push(v);
        onStack.add(v);
        for (String w : graph.getOrDefault(v, Set.of())) {
            if (!index.containsKey(w)) {
                visit(w, graph, index, low, stack, onStack, out);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (onStack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            Set<String> component = new TreeSet<>();
            String w;
            do {
                w = stack.pop();
                onStack.remove(w);
                component.add(w);
            } while (!w.equals(v));
            if (component.size() > 1) {
                out.add(component);
            }
        }
    }
}
