package dev.secretagent.agent.config;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the YAML configuration file. Keys may be written flat ({@code service.name: x}) or nested
 * ({@code service: {name: x}}); lists may be YAML sequences. We walk SnakeYAML's node tree rather
 * than its loaded objects so that every error can name the line.
 */
final class YamlConfigFile {
    final Map<String, String> values = new LinkedHashMap<>();
    final Map<String, Integer> lines = new LinkedHashMap<>();
    final Map<String, List<Map<String, Object>>> sections = new LinkedHashMap<>();
    private final Path file;

    private YamlConfigFile(Path file) {
        this.file = file;
    }

    static YamlConfigFile read(Path file) throws ConfigException {
        YamlConfigFile cfg = new YamlConfigFile(file);
        String text;
        try {
            text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException("config: cannot read " + file + ": " + e.getMessage());
        }
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Node root;
        try {
            // Composer only, not `new Yaml()`: the constructor side of SnakeYAML initialises java.util.logging,
            // which must stay untouched until the application configures it.
            Composer composer = new Composer(new ParserImpl(new StreamReader(new StringReader(text)), options),
                    new Resolver(), options);
            root = composer.getSingleNode();
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            throw new ConfigException(file + (m != null ? ":" + (m.getLine() + 1) : "") + ": malformed YAML: "
                    + e.getProblem());
        } catch (YAMLException e) {
            throw new ConfigException(file + ": malformed YAML: " + e.getMessage());
        }
        if (root == null) {
            return cfg; // empty file
        }
        if (!(root instanceof MappingNode)) {
            throw new ConfigException(cfg.where(root) + ": the configuration must be a mapping of keys to values");
        }
        cfg.walk("", (MappingNode) root);
        return cfg;
    }

    private void walk(String prefix, MappingNode node) throws ConfigException {
        for (NodeTuple t : node.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode)) {
                throw new ConfigException(where(t.getKeyNode()) + ": keys must be plain text");
            }
            String key = prefix + ((ScalarNode) t.getKeyNode()).getValue();
            Node value = t.getValueNode();
            if (lines.containsKey(key) || sections.containsKey(key)) {
                throw new ConfigException(where(t.getKeyNode()) + ": malformed YAML: duplicate key '" + key + "'");
            }
            if (prefix.isEmpty() && Option.SECTIONS.contains(key)) {
                sections.put(key, section(key, value));
                continue;
            }
            Option option = Option.byKey(key);
            if (option == null && value instanceof MappingNode) {
                walk(key + ".", (MappingNode) value);
                continue;
            }
            if (option == null) {
                throw new ConfigException(where(t.getKeyNode()) + ": unknown key '" + key
                        + "' (see docs/configuration.md for the keys)");
            }
            values.put(key, scalarOrList(key, value));
            lines.put(key, value.getStartMark().getLine() + 1);
        }
    }

    private String scalarOrList(String key, Node value) throws ConfigException {
        if (value instanceof ScalarNode) {
            return ((ScalarNode) value).getValue();
        }
        if (value instanceof SequenceNode && (Option.byKey(key).type == Type.LIST || Option.byKey(key).type == Type.CADENCES)) {
            StringBuilder sb = new StringBuilder();
            for (Node item : ((SequenceNode) value).getValue()) {
                if (!(item instanceof ScalarNode)) {
                    throw new ConfigException(where(item) + ": key '" + key + "': list items must be plain values");
                }
                if (sb.length() > 0) {
                    sb.append(',');
                }
                sb.append(((ScalarNode) item).getValue());
            }
            return sb.toString();
        }
        throw new ConfigException(where(value) + ": key '" + key + "' expects a single value, not a "
                + (value instanceof SequenceNode ? "list" : "mapping"));
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> section(String key, Node value) throws ConfigException {
        if (!(value instanceof SequenceNode)) {
            throw new ConfigException(where(value) + ": section '" + key + "' must be a list of entries");
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Node item : ((SequenceNode) value).getValue()) {
            if (!(item instanceof MappingNode)) {
                throw new ConfigException(where(item) + ": each entry of '" + key + "' must be a mapping");
            }
            Map<String, Object> entry = (Map<String, Object>) toObject(item);
            entry.put("_line", item.getStartMark().getLine() + 1);
            // each key's own line, so that an error points at the bad key, not at the entry's first line
            Map<String, Integer> keyLines = new LinkedHashMap<>();
            for (NodeTuple t : ((MappingNode) item).getValue()) {
                keyLines.put(String.valueOf(toObject(t.getKeyNode())), t.getKeyNode().getStartMark().getLine() + 1);
            }
            entry.put("_lines", keyLines);
            out.add(entry);
        }
        return out;
    }

    private Object toObject(Node node) {
        if (node instanceof ScalarNode) {
            return ((ScalarNode) node).getValue();
        }
        if (node instanceof SequenceNode) {
            List<Object> list = new ArrayList<>();
            for (Node n : ((SequenceNode) node).getValue()) {
                list.add(toObject(n));
            }
            return list;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (NodeTuple t : ((MappingNode) node).getValue()) {
            map.put(String.valueOf(toObject(t.getKeyNode())), toObject(t.getValueNode()));
        }
        return map;
    }

    String where(Node node) {
        return file + ":" + (node.getStartMark().getLine() + 1);
    }

    String where(String key) {
        Integer line = lines.get(key);
        return file + (line == null ? "" : ":" + line);
    }
}
