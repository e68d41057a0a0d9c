package dev.secretagent.runtime.audit;

import dev.secretagent.runtime.Keys;
import dev.secretagent.runtime.Settings;

import java.net.InetAddress;

/**
 * What is the same on every line of this JVM: service.name, process.pid, host.hostname, user.name.
 * The host name is looked up on the writer thread, the first time a line is written (a slow resolver
 * must not delay the application's start or its reads).
 */
final class AuditContext {
    final String serviceName;
    final long pid;
    final String user;
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
        long pid;
        try {
            pid = ProcessHandle.current().pid();
        } catch (Throwable t) {
            pid = -1;
        }
        String user = System.getProperty("user.name", "unknown");
        return new AuditContext(service.trim(), pid, user);
    }

    /** {@code -jar /srv/orders.jar --port 1} gives {@code orders.jar}; {@code com.acme.Main x} gives {@code com.acme.Main}. */
    static String defaultServiceName(String command) {
        if (command == null || command.trim().isEmpty()) {
            return "unknown";
        }
        String first = command.trim().split("\\s+")[0];
        if (first.endsWith(".jar")) {
            int slash = Math.max(first.lastIndexOf('/'), first.lastIndexOf('\\'));
            return first.substring(slash + 1);
        }
        return first;
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
