package dev.secretagent.agent.status;

import dev.secretagent.runtime.redact.Diagnostics;

import java.lang.management.ManagementFactory;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Registers {@code dev.secretagent:type=Agent} in the platform MBean server. Never before main: creating
 * the platform MBean server initialises JMX (and with it parts of JUL) that applications configure
 * themselves. So it happens only when asked: from a daemon thread with {@code jmx=true}, or when the
 * {@code status} command attaches ({@code agentmain} with the {@link #STATUS_ARGUMENT}).
 */
public final class StatusMBeans {
    public static final String OBJECT_NAME = "dev.secretagent:type=Agent";
    /** The agent argument the status command attaches with: register the bean, start nothing. */
    public static final String STATUS_ARGUMENT = "__status__";

    private StatusMBeans() {
    }

    /** Idempotent. Returns true when the bean is (now) registered. */
    public static synchronized boolean register() {
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            ObjectName name = new ObjectName(OBJECT_NAME);
            if (!server.isRegistered(name)) {
                server.registerMBean(new AgentStatusBean(), name);
            }
            return true;
        } catch (Throwable t) {
            Diagnostics.warn("could not register the " + OBJECT_NAME + " MBean: " + t);
            return false;
        }
    }

    public static void registerInBackground() {
        Thread t = new Thread(new Runnable() {
            @Override
            public void run() {
                try {
                    // a few hundred ms: main has begun and configured its own logging/JMX by then, in practice
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                }
                register();
            }
        }, "secret-agent-jmx");
        t.setDaemon(true);
        t.start();
    }
}
