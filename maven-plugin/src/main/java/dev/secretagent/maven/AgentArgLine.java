package dev.secretagent.maven;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code -javaagent:...} argument prepare-agent puts into {@code argLine}, and how it joins what is already
 * there: an earlier secret-agent argument is replaced (a second run of the goal, a parent's execution), every other
 * argument (JaCoCo's agent, -Xmx, ...) is kept.
 */
final class AgentArgLine {
    private AgentArgLine() {
    }

    /** {@code -javaagent:<jar>=<options>}, quoted when it holds a space (Surefire splits argLine on whitespace). */
    static String javaagent(String jar, List<String> options) {
        String arg = "-javaagent:" + jar + (options.isEmpty() ? "" : "=" + String.join(",", options));
        return quote(arg);
    }

    static String quote(String arg) {
        if (arg.indexOf(' ') < 0 && arg.indexOf('"') < 0) {
            return arg;
        }
        return '"' + arg.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    /** The new argLine: our agent first (it must see classes before any other agent transforms them), then the rest. */
    static String prepend(String existing, String agentArg, String jarFileName) {
        List<String> kept = new ArrayList<>();
        if (existing != null) {
            for (String part : split(existing)) {
                String bare = part.startsWith("\"") ? part.substring(1) : part;
                if (bare.startsWith("-javaagent:") && bare.contains(jarFileName)) {
                    continue;
                }
                kept.add(part);
            }
        }
        StringBuilder sb = new StringBuilder(agentArg);
        for (String k : kept) {
            sb.append(' ').append(k);
        }
        return sb.toString();
    }

    /** Splits on whitespace outside double quotes, keeping the quotes. */
    static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && quoted && i + 1 < line.length()) {
                cur.append(c).append(line.charAt(++i));
            } else if (c == '"') {
                quoted = !quoted;
                cur.append(c);
            } else if (Character.isWhitespace(c) && !quoted) {
                if (cur.length() > 0) {
                    out.add(cur.toString());
                    cur.setLength(0);
                }
            } else {
                cur.append(c);
            }
        }
        if (cur.length() > 0) {
            out.add(cur.toString());
        }
        return out;
    }
}
