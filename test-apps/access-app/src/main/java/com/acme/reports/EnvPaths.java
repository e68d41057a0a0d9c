package com.acme.reports;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every way plain Java code can see one environment variable besides System.getenv(name): the
 * System.getenv() map's views, a ProcessBuilder's environment, Runtime.exec with an environment built
 * from those maps, and the child processes. Prints only whether the value showed, never the value.
 * The system property {@code probe} (not a secret name) may hold the same value, for containsValue / values().contains.
 */
public final class EnvPaths {
    private EnvPaths() {
    }

    public static void run(String name) throws Exception {
        String probe = System.getProperty("probe");
        ProcessBuilder pb = new ProcessBuilder();
        Map<String, String> pbEnv = pb.environment();
        line("pb-get", name, describe(pbEnv.get(name)));
        line("pb-entries", name, entries(pbEnv, name));
        line("pb-string", name, pbEnv.toString().contains(name + "=") ? "present" : "absent");
        line("pb-values", name, probe != null && pbEnv.values().contains(probe) ? "present" : "absent");
        line("pb-contains-value", name, String.valueOf(probe != null && pbEnv.containsValue(probe)));
        boolean[] seen = {false};
        pbEnv.forEach((k, v) -> seen[0] |= k.equals(name));
        line("pb-foreach", name, seen[0] ? "present" : "absent");
        line("map-entries", name, entries(System.getenv(), name));
        line("map-values", name, probe != null && System.getenv().values().contains(probe) ? "present" : "absent");
        line("map-contains-value", name, String.valueOf(probe != null && System.getenv().containsValue(probe)));
        line("exec-env", name, exec(name, envp(System.getenv())));
        line("exec-pb-env", name, exec(name, envp(new ProcessBuilder().environment())));
        line("exec-inherit", name, exec(name, null));
        line("pb-spawn", name, read(new ProcessBuilder("sh", "-c", childScript(name)).redirectErrorStream(true).start()));
    }

    private static void line(String path, String name, String outcome) {
        System.out.println("paths " + path + " " + name + " -> " + outcome);
    }

    private static String describe(String v) {
        return v == null ? "null" : v.startsWith("secret://") ? "reference" : "present";
    }

    private static String entries(Map<String, String> env, String name) {
        for (Map.Entry<String, String> e : env.entrySet()) {
            if (e.getKey().equals(name)) {
                return describe(e.getValue());
            }
        }
        return "absent";
    }

    private static String[] envp(Map<String, String> env) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, String> e : env.entrySet()) {
            out.add(e.getKey() + "=" + e.getValue());
        }
        return out.toArray(new String[0]);
    }

    private static String exec(String name, String[] envp) throws Exception {
        return read(Runtime.getRuntime().exec(new String[] {"sh", "-c", childScript(name)}, envp));
    }

    /** What a child shell got for the variable: unset, the reference string, or a value (a hash prefix of it). */
    public static String childScript(String name) {
        return "v=\"${" + name + "}\"; if [ -z \"$v\" ]; then echo unset; else case \"$v\" in secret://*) echo reference;;"
                + " *) echo \"set sha=$(printf %s \"$v\" | sha256sum | cut -c1-16)\";; esac; fi";
    }

    private static String read(Process p) throws Exception {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line = r.readLine();
            p.waitFor();
            return line;
        }
    }

    /** The first 16 hex digits of the value's SHA-256, as the child script prints them. */
    public static String sha(String v) throws Exception {
        byte[] d = MessageDigest.getInstance("SHA-256").digest(v.getBytes(StandardCharsets.UTF_8));
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            sb.append(String.format("%02x", d[i]));
        }
        return sb.toString();
    }
}
