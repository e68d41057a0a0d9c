package dev.secretagent.agent.bootstrap;

import java.io.File;
import java.lang.instrument.Instrumentation;
import java.net.URL;

/**
 * premain/agentmain. Kept minimal on purpose, as in OpenTelemetry's agent: no JUL, no
 * ManagementFactory, no lambdas, nothing that would initialise JDK subsystems before the
 * application configures them; System.err only. It guards against a second start, stays out of
 * JDK tools, puts the runtime package into the bootstrap class loader (so java.lang.System and
 * every class loader can reach it; see {@link RuntimeInjector}) and only then hands over to
 * {@code AgentStarter} (loaded by name, then called through {@link Starter}), so no agent class resolves a runtime
 * class too early.
 */
public final class AgentEntry {
    /** Set once started; the attach command reads it to say "already attached". */
    public static final String STARTED_PROPERTY = "dev.secretagent.started";
    /** Same as StatusMBeans.STATUS_ARGUMENT (not referenced, so this class loads nothing else). */
    static final String STATUS_ARGUMENT = "__status__";

    /**
     * The start after the hand-over: AgentStarter registers one from its static initialiser. Not a reflective call:
     * on JDK 18+ the first {@code Method.invoke} of a method spins method-handle classes for its signature, which
     * cost the premain thread 20-25 ms of CPU on JDK 25 (nothing on 17). An interface here, so that this package
     * names no class of the agent's.
     */
    public interface Starter {
        void start(String args, Instrumentation inst, boolean late, String jarPath);
    }

    private static volatile Starter starter;

    private AgentEntry() {
    }

    public static void premain(String args, Instrumentation inst) {
        start(args, inst, false);
    }

    public static void agentmain(String args, Instrumentation inst) {
        start(args, inst, true);
    }

    private static synchronized void start(String args, Instrumentation inst, boolean late) {
        StartupTimes.mark("premain");
        if (late && STATUS_ARGUMENT.equals(args)) {
            // the status command: register the MBean in an agent that runs here; never start one
            if (System.getProperty(STARTED_PROPERTY) != null) {
                try {
                    Class<?> beans = Class.forName("dev.secretagent.agent.status.StatusMBeans", true,
                            AgentEntry.class.getClassLoader());
                    beans.getMethod("register").invoke(null);
                } catch (Throwable t) {
                    System.err.println("[secret-agent] WARN status: could not register the MBean: " + t);
                }
            }
            return;
        }
        if (System.getProperty(STARTED_PROPERTY) != null) {
            System.err.println("[secret-agent] WARN already started in this JVM ("
                    + System.getProperty(STARTED_PROPERTY) + "); ignoring this -javaagent/attach");
            return;
        }
        if (!late && JdkTools.isJdkTool(System.getProperty("sun.java.command"))
                && !JdkTools.optedIn(args)) {
            return; // arrived through JAVA_TOOL_OPTIONS in jcmd, jps, javac, ...: stay out of the way
        }
        try {
            File jar = agentJar();
            if (jar == null) {
                System.err.println("[secret-agent] ERROR could not start: the agent must be loaded from its jar file");
                return;
            }
            // before main: the hooks' ASM classes load on another core while the runtime is defined here
            StartPreloader preloader = late ? null : StartPreloader.start(inst);
            RuntimeInjector.inject(inst, jar, preloader);
            if (preloader != null) {
                preloader.runtimeDefined();
            }
            StartupTimes.mark("inject");
            // initialising AgentStarter registers it (see Starter); only now, with the runtime in the bootstrap loader
            Class.forName("dev.secretagent.agent.AgentStarter", true, AgentEntry.class.getClassLoader());
            Starter s = starter;
            if (s == null) {
                System.err.println("[secret-agent] ERROR could not start: the agent's starter did not register");
                return;
            }
            s.start(args, inst, late, jar.getAbsolutePath());
        } catch (Throwable t) {
            System.err.println("[secret-agent] ERROR could not start: " + t);
        }
    }

    /** Called once, by AgentStarter's static initialiser; the first registration stays. */
    public static void register(Starter s) {
        if (starter == null) {
            starter = s;
        }
    }

    private static File agentJar() throws Exception {
        URL location = AgentEntry.class.getProtectionDomain().getCodeSource().getLocation();
        if (location == null || !"file".equals(location.getProtocol())) {
            return null;
        }
        File f = new File(location.toURI());
        return f.isFile() ? f : null;
    }
}
