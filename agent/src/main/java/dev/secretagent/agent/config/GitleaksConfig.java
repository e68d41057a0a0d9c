package dev.secretagent.agent.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.secretagent.runtime.redact.CustomDetectors;
import dev.secretagent.runtime.redact.DetectorRule;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A gitleaks-format configuration ({@code .gitleaks.toml}), read for {@code scan} and for the agent
 * ({@code detectors.config}): {@code [[rules]]} (id, regex, secretGroup, entropy, keywords, {@code [[rules.allowlists]]}
 * or {@code [rules.allowlist]}: regexes, stopwords), {@code [extend] useDefault}, the global {@code [allowlist]} or
 * {@code [[allowlists]]} (regexes, stopwords, paths). Regexes are RE2 (Go) syntax, translated to java.util.regex
 * ({@link #translate}); what Java cannot express stops the load with a message naming the rule.
 *
 * <p>As in gitleaks, a file without {@code [extend] useDefault = true} replaces the built-in detectors.
 */
public final class GitleaksConfig {
    public final List<DetectorRule> rules = new ArrayList<>();
    public boolean useDefault;
    public final List<String> allowRegexes = new ArrayList<>();
    public final List<String> stopwords = new ArrayList<>();
    /** Global allowlist paths (scan only: the running JVM's output has no path). */
    public final List<Pattern> allowPaths = new ArrayList<>();

    /** Reads and translates the file; IllegalArgumentException with the file and, where it applies, the rule id. */
    public static GitleaksConfig load(Path file) throws IOException {
        JsonNode root;
        try {
            root = new TomlMapper().readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            if (Files.exists(file)) {
                // the parser's message quotes the offending text, which may be a secret: say where, not what
                throw new IllegalArgumentException(file + ": not valid TOML"
                        + (e instanceof com.fasterxml.jackson.core.JsonProcessingException
                        && ((com.fasterxml.jackson.core.JsonProcessingException) e).getLocation() != null
                        ? " (line " + ((com.fasterxml.jackson.core.JsonProcessingException) e).getLocation().getLineNr() + ")" : ""));
            }
            throw e;
        }
        GitleaksConfig c = new GitleaksConfig();
        c.useDefault = root.path("extend").path("useDefault").asBoolean(false);
        if (root.path("extend").has("path") || root.path("extend").has("url")) {
            throw new IllegalArgumentException(file + ": [extend] path/url is not supported (only useDefault)");
        }
        c.global(file, root.path("allowlist"));
        for (JsonNode a : root.path("allowlists")) {
            c.global(file, a);
        }
        int n = 0;
        for (JsonNode r : root.path("rules")) {
            n++;
            String id = r.path("id").asText("");
            if (id.isEmpty()) {
                throw new IllegalArgumentException(file + ": rule " + n + " has no id");
            }
            String where = file + ": rule " + id;
            if (!r.hasNonNull("regex")) {
                throw new IllegalArgumentException(where + ": no regex (rules with only a path are not supported)");
            }
            String regex = translate(r.path("regex").asText(), where);
            List<String> keywords = strings(r.path("keywords"));
            if (keywords.isEmpty()) {
                throw new IllegalArgumentException(where + ": no keywords (the running JVM looks for a rule's"
                        + " keywords first and runs its regex only there; give at least one of 3 or more characters)");
            }
            for (String k : keywords) {
                if (k.length() < 3) {
                    throw new IllegalArgumentException(where + ": a keyword is shorter than 3 characters");
                }
            }
            List<String> allowRegexes = new ArrayList<>();
            List<String> stop = new ArrayList<>();
            List<JsonNode> lists = new ArrayList<>();
            r.path("allowlists").forEach(lists::add);
            if (r.has("allowlist")) {
                lists.add(r.path("allowlist"));
            }
            for (JsonNode a : lists) {
                for (String x : strings(a.path("regexes"))) {
                    allowRegexes.add(translate(x, where + " allowlist"));
                }
                stop.addAll(strings(a.path("stopwords")));
            }
            int group = r.path("secretGroup").asInt(0);
            int groups = Pattern.compile(regex).matcher("").groupCount();
            if (group > groups) {
                throw new IllegalArgumentException(where + ": secretGroup " + group + " but the regex has " + groups
                        + " groups");
            }
            if (group == 0 && groups >= 1) {
                group = 1; // as gitleaks: without secretGroup, the first group is the secret when there is one
            }
            try {
                c.rules.add(DetectorRule.custom(id, keywords, regex, group, r.path("entropy").asDouble(0),
                        allowRegexes, stop));
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException(where + ": the regex is not valid for Java: " + e.getDescription());
            }
        }
        return c;
    }

    private void global(Path file, JsonNode a) {
        if (a.isMissingNode()) {
            return;
        }
        for (String x : strings(a.path("regexes"))) {
            allowRegexes.add(translate(x, file + ": global allowlist"));
        }
        stopwords.addAll(strings(a.path("stopwords")));
        for (String p : strings(a.path("paths"))) {
            allowPaths.add(Pattern.compile(translate(p, file + ": global allowlist path")));
        }
    }

    /** Hands the rules and the global allowlist to the runtime (redactor and CredentialFormats). */
    public void install() {
        CustomDetectors.install(rules, useDefault, allowRegexes, stopwords);
    }

    /** Is a scanned file's path ('/'-separated, as findings show it) on the global allowlist? */
    public boolean pathAllowed(String path) {
        for (Pattern p : allowPaths) {
            if (p.matcher(path).find()) {
                return true;
            }
        }
        return false;
    }

    private static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n.isArray()) {
            for (Iterator<JsonNode> it = n.elements(); it.hasNext(); ) {
                out.add(it.next().asText());
            }
        } else if (n.isTextual()) {
            out.add(n.asText());
        }
        return out;
    }

    /**
     * RE2 (Go regexp) to java.util.regex: named groups {@code (?P<n>)} become {@code (?<n>)}, POSIX classes
     * {@code [[:alpha:]]} become {@code \p{Alpha}}, a literal {@code &&} inside a class is escaped (Java reads it as
     * intersection). RE2's {@code (?U)} (ungreedy), {@code \C} (any byte) and flags Java lacks stop the load with a
     * message naming the rule ({@code where}); the regex itself is not repeated (it may hold a value).
     */
    static String translate(String re2, String where) {
        StringBuilder out = new StringBuilder(re2.length() + 8);
        boolean inClass = false;
        for (int i = 0; i < re2.length(); i++) {
            char c = re2.charAt(i);
            if (c == '\\' && i + 1 < re2.length()) {
                char n = re2.charAt(i + 1);
                if (n == 'C') {
                    throw new IllegalArgumentException(where + ": \\C (any byte) has no java.util.regex equivalent");
                }
                if (n == 'Q') {
                    int e = re2.indexOf("\\E", i + 2);
                    int end = e < 0 ? re2.length() : e + 2;
                    out.append(re2, i, end);
                    i = end - 1;
                    continue;
                }
                out.append(c).append(n);
                i++;
                continue;
            }
            if (inClass) {
                if (c == '[' && re2.startsWith("[:", i)) {
                    int e = re2.indexOf(":]", i + 2);
                    if (e < 0) {
                        throw new IllegalArgumentException(where + ": unterminated POSIX class");
                    }
                    String name = re2.substring(i + 2, e);
                    boolean neg = name.startsWith("^");
                    out.append(posix(neg ? name.substring(1) : name, neg, where));
                    i = e + 1;
                    continue;
                }
                if (c == '[') {
                    out.append("\\[");
                    continue;
                }
                if (c == '&' && i + 1 < re2.length() && re2.charAt(i + 1) == '&') {
                    out.append("&\\&");
                    i++;
                    continue;
                }
                if (c == ']') {
                    inClass = false;
                }
                out.append(c);
                continue;
            }
            if (c == '[') {
                inClass = true;
                out.append(c);
                // a ']' right after '[' or '[^' is a literal in RE2
                if (i + 1 < re2.length() && re2.charAt(i + 1) == '^') {
                    out.append('^');
                    i++;
                }
                if (i + 1 < re2.length() && re2.charAt(i + 1) == ']') {
                    out.append("\\]");
                    i++;
                }
                continue;
            }
            if (c == '(' && re2.startsWith("(?P<", i)) {
                out.append("(?<");
                i += 3;
                continue;
            }
            if (c == '(' && i + 2 < re2.length() && re2.charAt(i + 1) == '?' && re2.charAt(i + 2) != '<'
                    && re2.charAt(i + 2) != ':' && re2.charAt(i + 2) != '=' && re2.charAt(i + 2) != '!') {
                int e = i + 2;
                while (e < re2.length() && re2.charAt(e) != ')' && re2.charAt(e) != ':') {
                    if ("imsU-".indexOf(re2.charAt(e)) < 0) {
                        throw new IllegalArgumentException(where + ": regex flag '" + re2.charAt(e)
                                + "' is not RE2 syntax");
                    }
                    if (re2.charAt(e) == 'U') {
                        throw new IllegalArgumentException(where + ": the ungreedy flag (?U) has no java.util.regex"
                                + " equivalent; write the lazy quantifiers (*?, +?) instead");
                    }
                    e++;
                }
            }
            out.append(c);
        }
        return out.toString();
    }

    private static String posix(String name, boolean neg, String where) {
        String p;
        switch (name) {
            case "alpha": p = "Alpha"; break;
            case "digit": p = "Digit"; break;
            case "alnum": p = "Alnum"; break;
            case "upper": p = "Upper"; break;
            case "lower": p = "Lower"; break;
            case "space": p = "Space"; break;
            case "xdigit": p = "XDigit"; break;
            case "punct": p = "Punct"; break;
            case "blank": p = "Blank"; break;
            case "cntrl": p = "Cntrl"; break;
            case "graph": p = "Graph"; break;
            case "print": p = "Print"; break;
            case "ascii": p = "ASCII"; break;
            case "word": return neg ? "\\W" : "\\w";
            default:
                throw new IllegalArgumentException(where + ": unknown POSIX class");
        }
        return (neg ? "\\P{" : "\\p{") + p + "}";
    }
}
