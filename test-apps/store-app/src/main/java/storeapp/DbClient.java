package storeapp;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;

/**
 * An application written for plain environment variables, knowing nothing of the agent: it reads
 * DB_PASSWORD (and optionally a system property and a file) every time a line arrives on stdin,
 * prints a SHA-256 of what it got (so a test can tell values apart without the value in the output)
 * and, carelessly, the value itself in a log-like line.
 *
 * args: [env name] [property name] [file path]; "-" skips one.
 */
public class DbClient {
    public static void main(String[] args) throws Exception {
        String env = args.length > 0 ? args[0] : "DB_PASSWORD";
        String prop = args.length > 1 && !args[1].equals("-") ? args[1] : null;
        String file = args.length > 2 && !args[2].equals("-") ? args[2] : null;
        report(env, prop, file, "start");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            if (line.startsWith("views")) {
                views(env);
            } else {
                report(env, prop, file, line);
            }
        }
        System.out.println("bye");
    }

    private static void report(String env, String prop, String file, String tick) throws Exception {
        String v = System.getenv(env);
        StringBuilder sb = new StringBuilder("tick ").append(tick).append(": env ").append(env).append(" sha256=").append(sha(v));
        if (prop != null) {
            sb.append(" property ").append(prop).append(" sha256=").append(sha(System.getProperty(prop)));
        }
        if (file != null) {
            Path p = Paths.get(file);
            String fv = Files.exists(p) ? new String(Files.readAllBytes(p), StandardCharsets.UTF_8) : null;
            sb.append(" file sha256=").append(sha(fv));
        }
        System.out.println(sb);
        System.out.println("connecting to db with password " + v);
        System.out.flush();
    }

    /**
     * The other ways to see the variable: System.getenv()'s entries, a ProcessBuilder's environment, a
     * child shell, and the raw /proc/self/environ entry (which holds what the process was started with).
     */
    private static void views(String env) throws Exception {
        String map = "absent";
        for (java.util.Map.Entry<String, String> e : System.getenv().entrySet()) {
            if (e.getKey().equals(env)) {
                map = classify(e.getValue());
            }
        }
        String pb = classify(new ProcessBuilder().environment().get(env));
        Process p = new ProcessBuilder("sh", "-c", "v=\"${" + env + "}\"; if [ -z \"$v\" ]; then echo unset; else case \"$v\" in"
                + " secret://*) echo reference;; *) echo \"sha=$(printf %s \"$v\" | sha256sum | cut -c1-16)\";; esac; fi")
                .redirectErrorStream(true).start();
        String child;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            child = r.readLine();
            p.waitFor();
        }
        System.out.println("views " + env + " -> map=" + map + " map-key=" + System.getenv().containsKey(env)
                + " pb=" + pb + " child=" + child);
        for (String entry : new String(Files.readAllBytes(Paths.get("/proc/self/environ")), StandardCharsets.UTF_8).split("\0")) {
            if (entry.startsWith(env + "=")) {
                System.out.println("environ " + entry);
            }
        }
        System.out.flush();
    }

    private static String classify(String v) throws Exception {
        return v == null ? "absent" : v.startsWith("secret://") ? "reference" : "sha=" + sha(v);
    }

    static String sha(String v) throws Exception {
        if (v == null) {
            return "null";
        }
        byte[] d = MessageDigest.getInstance("SHA-256").digest(v.getBytes(StandardCharsets.UTF_8));
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            sb.append(String.format("%02x", d[i]));
        }
        return sb.toString();
    }
}
