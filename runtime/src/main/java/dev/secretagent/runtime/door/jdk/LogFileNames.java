package dev.secretagent.runtime.door.jdk;

import dev.secretagent.runtime.Glob;

import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Which files are logs, decided once when a file is opened for the last-line net ({@link FileNet}).
 *
 * <p>A glob without {@code /} is matched against the file's name, one with {@code /} against its absolute path;
 * {@code *} is any run of characters, {@code ?} one; a glob starting with {@code !} excludes. Whatever the globs say,
 * the net never touches archives and binary data ({@link #NEVER}: a rotated log compressed to {@code app.log.1.gz}
 * is data, and one changed byte would corrupt it) nor the agent's own files (audit file and its rotations, leak
 * report, diagnostics file, stores: they are written already redacted, or hold what must stay exact).
 */
public final class LogFileNames {
    /**
     * What servers and applications name their logs: {@code *.log} (Logback, Log4j2, Spring Boot's spring.log, JUL's
     * java0.log, Jetty's yyyy_mm_dd.request.log, Undertow's access_log.log, Spring Boot Tomcat's
     * access_log.yyyy-mm-dd.log), rotated {@code *.log.*} (app.log.1, java0.log.0, app.log.2024-01-31),
     * {@code *access_log*} (Tomcat's localhost_access_log.yyyy-mm-dd.txt), {@code *.out} (catalina.out, nohup.out).
     */
    public static final String DEFAULT = "*.log;*.log.*;*access_log*;*access.log*;*.out";

    /** File name endings the net never touches, lower case: archives, compressed files, binaries, databases. */
    static final List<String> NEVER = Arrays.asList(".gz", ".zip", ".bz2", ".xz", ".zst", ".lz4", ".lzma", ".7z", ".tar",
            ".tgz", ".jar", ".war", ".ear", ".class", ".db", ".sqlite", ".mv.db", ".lck", ".lock",
            ".jfr", ".hprof", ".png", ".jpg", ".gif", ".pdf");

    private static volatile LogFileNames current = new LogFileNames(Arrays.asList(DEFAULT.split(";")),
            new ArrayList<String>());

    private final String[] include;
    private final String[] exclude;
    private final String[] agentFiles;

    private LogFileNames(List<String> globs, List<String> agentFiles) {
        List<String> in = new ArrayList<>();
        List<String> out = new ArrayList<>();
        for (String g : globs) {
            String t = g.trim();
            if (t.startsWith("!") && t.length() > 1) {
                out.add(t.substring(1));
            } else if (!t.isEmpty()) {
                in.add(t);
            }
        }
        this.include = in.toArray(new String[0]);
        this.exclude = out.toArray(new String[0]);
        List<String> own = new ArrayList<>();
        for (String f : agentFiles) {
            if (f != null && !f.trim().isEmpty()) {
                own.add(new File(f.trim()).getAbsolutePath());
            }
        }
        this.agentFiles = own.toArray(new String[0]);
    }

    /** The globs of option {@code log.files} and the paths the agent itself writes (never netted). */
    public static void configure(List<String> globs, List<String> agentFiles) {
        current = new LogFileNames(globs, agentFiles);
    }

    /** Whether the net watches any file at all (else only descriptors 1 and 2). */
    static boolean any() {
        return current.include.length > 0;
    }

    /** {@code file:<absolute path>} when {@code path} is a log file, else null. */
    static String channelFor(String path) {
        return current.channel(path);
    }

    String channel(String path) {
        if (path == null || path.isEmpty() || include.length == 0) {
            return null;
        }
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf(File.separatorChar));
        String name = path.substring(slash + 1);
        String lower = name.toLowerCase(Locale.ROOT);
        for (String suffix : NEVER) {
            if (lower.endsWith(suffix)) {
                return null;
            }
        }
        String absolute = null;
        boolean log = false;
        for (String g : include) {
            if (g.indexOf('/') >= 0) {
                absolute = absolute != null ? absolute : new File(path).getAbsolutePath();
                log = Glob.matches(g, absolute);
            } else {
                log = Glob.matches(g, name);
            }
            if (log) {
                break;
            }
        }
        if (!log) {
            return null;
        }
        absolute = absolute != null ? absolute : new File(path).getAbsolutePath();
        for (String g : exclude) {
            if (Glob.matches(g, g.indexOf('/') >= 0 ? absolute : name)) {
                return null;
            }
        }
        for (String own : agentFiles) {
            // the audit file rotates to audit.jsonl.1, ...: its rotations are the agent's too
            if (absolute.equals(own) || absolute.startsWith(own + ".")) {
                return null;
            }
        }
        return "file:" + absolute;
    }
}
