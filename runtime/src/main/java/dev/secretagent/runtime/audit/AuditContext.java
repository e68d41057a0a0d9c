package dev.secretagent.runtime.audit;

import dev.secretagent.runtime.Keys;
import dev.secretagent.runtime.Settings;

import java.net.InetAddress;

/**
 * What is the same on every line of this JVM: service.name, process.pid, host.hostname, user.name.
 * The host name and the pid are looked up on the writer thread, the first time a line is written (a slow resolver
 * must not delay the application's start or its reads).
 */
final class AuditContext {
    /** pid not looked up yet (see {@link #pid()}). */
    private static final long PID_UNKNOWN = Long.MIN_VALUE;

    final String serviceName;
    final String user;
    private volatile long pid;
    private volatile String host;

    AuditContext(String serviceName, long pid, String user) {
        this.serviceName = serviceName;
        this.pid = pid;
        this.user = user;
    }

    static AuditContext fromSystem(Settings settings) {
        String service = settings.get(Keys.SERVICE_NAME);
        if (service == null || service.trim().isEmpty()) {
            service = defaultServiceName(System.getProperty("sun.java.command"));
        }
        String user = System.getProperty("user.name", "unknown");
        return new AuditContext(service.trim(), PID_UNKNOWN, user);
    }

    /** {@code -jar /srv/orders.jar --port 1} gives {@code orders.jar}; {@code com.acme.Main x} gives {@code com.acme.Main}. */
    static String defaultServiceName(String command) {
        if (command == null || command.trim().isEmpty()) {
            return "unknown";
        }
        // the first word; by hand, not split("\\s+"): a regex compiled on the premain thread at every start
        String trimmed = command.trim();
        int end = 0;
        while (end < trimmed.length() && !dev.secretagent.runtime.Key.isRegexSpace(trimmed.charAt(end))) {
            end++;
        }
        String first = trimmed.substring(0, end);
        if (first.endsWith(".jar")) {
            int slash = Math.max(first.lastIndexOf('/'), first.lastIndexOf('\\'));
            return first.substring(slash + 1);
        }
        return first;
    }

    /**
     * Looked up the first time a line is written, on the writer thread, like the host name: ProcessHandle's first use
     * initialises its reaper machinery (thread pool classes, lambdas), 5-12 ms of CPU that the premain thread paid.
     */
    long pid() {
        long p = pid;
        if (p == PID_UNKNOWN) {
            try {
                p = ProcessHandle.current().pid();
            } catch (Throwable t) {
                p = -1;
            }
            pid = p;
        }
        return p;
    }

    String host() {
        String h = host;
        if (h == null) {
            try {
                h = InetAddress.getLocalHost().getHostName();
            } catch (Throwable t) {
                h = "unknown";
            }
            host = h;
        }
        return h;
    }
}
