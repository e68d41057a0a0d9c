package dev.secretagent.runtime.leaks;

import dev.secretagent.runtime.Keys;
import dev.secretagent.runtime.redact.Diagnostics;
import dev.secretagent.runtime.Settings;
import dev.secretagent.runtime.redact.Redaction;
import dev.secretagent.runtime.redact.RedactionListeners;

import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code mode=dev}: every redaction is a leak finding. At exit a summary table goes to the JVM's raw
 * stderr, the report to {@code leaks.report}, and with {@code leaks.fail=true} the JVM ends with status
 * {@value #EXIT_LEAKS} when anything was found.
 */
public final class DevMode {
    public static final int EXIT_LEAKS = 3;

    private static volatile LeakRecorder recorder;

    private DevMode() {
    }

    /** Null unless dev mode was started. */
    public static LeakRecorder recorder() {
        return recorder;
    }

    public static synchronized void start(Settings settings, PrintStream rawStderr, String version) {
        if (recorder != null) {
            return;
        }
        LeakRecorder r = new LeakRecorder();
        recorder = r;
        RedactionListeners.add(r);
        Runtime.getRuntime().addShutdownHook(new AtExit(r, reportPath(settings.get(Keys.LEAKS_REPORT)),
                settings.get(Keys.LEAKS_FAIL), rawStderr, version));
    }

    /**
     * {@code {pid}} in the path becomes this JVM's process id: test JVMs that share one argLine (Surefire's and
     * Failsafe's forks, as the Maven plugin sets them up) each write their own report.
     */
    static String reportPath(String path) {
        if (path == null || path.indexOf("{pid}") < 0) {
            return path;
        }
        return path.replace("{pid}", Long.toString(ProcessHandle.current().pid()));
    }

    /** Writes the report (creating parent directories); returns the path written. */
    static String write(LeakReport report, String path) throws IOException {
        File f = new File(path).getAbsoluteFile();
        File dir = f.getParentFile();
        if (dir != null && !dir.isDirectory() && !dir.mkdirs() && !dir.isDirectory()) {
            throw new IOException("cannot create directory " + dir);
        }
        String body = LeakReport.isSarif(path) ? report.sarif() : report.json();
        OutputStream out = new FileOutputStream(f);
        try {
            out.write(body.getBytes(StandardCharsets.UTF_8));
        } finally {
            out.close();
        }
        return f.getPath();
    }

    /** The shutdown hook. A class, not a lambda (nothing on the start-up path may bootstrap lambdas). */
    private static final class AtExit extends Thread {
        private final LeakRecorder recorder;
        private final String reportPath;
        private final boolean fail;
        private final PrintStream stderr;
        private final String version;

        AtExit(LeakRecorder recorder, String reportPath, boolean fail, PrintStream stderr, String version) {
            super("secret-agent-leak-report");
            this.recorder = recorder;
            this.reportPath = reportPath;
            this.fail = fail;
            this.stderr = stderr;
            this.version = version;
        }

        @Override
        public void run() {
            List<LeakFinding> findings;
            try {
                // what the application printed last is still in the console redactors: flush it, so it counts
                System.out.flush();
                System.err.flush();
                findings = recorder.findings();
                LeakReport report = new LeakReport(findings, new File(System.getProperty("user.dir", ".")), version);
                String written = null;
                if (reportPath != null && !reportPath.isEmpty()) {
                    try {
                        written = write(report, reportPath);
                    } catch (IOException e) {
                        Diagnostics.error("could not write leaks.report " + reportPath, e);
                    }
                }
                for (String line : report.summaryLines(written)) {
                    stderr.println(Redaction.redact(line, "diagnostics"));
                }
                stderr.flush();
            } catch (Throwable t) {
                Diagnostics.error("dev mode: the leak report failed", t);
                findings = recorder.findings();
            }
            if (fail && !findings.isEmpty()) {
                stderr.println("[secret-agent] leaks.fail=true: exit status " + EXIT_LEAKS);
                stderr.flush();
                flushAudit();
                Runtime.getRuntime().halt(EXIT_LEAKS);
            }
        }

        /** halt() skips the other shutdown hooks: let the audit writer drain first, when there is one. */
        private static void flushAudit() {
            try {
                Class.forName("dev.secretagent.runtime.audit.Audit").getMethod("flush").invoke(null);
            } catch (Throwable ignored) {
                // no audit writer with a flush in this build
            }
        }
    }
}
