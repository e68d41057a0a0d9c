package dev.secretagent.agent;

import dev.secretagent.runtime.Keys;
import dev.secretagent.agent.bootstrap.AgentEntry;
import dev.secretagent.agent.bootstrap.StartupTimes;
import dev.secretagent.agent.config.AgentConfig;
import dev.secretagent.agent.config.ConfigException;
import dev.secretagent.agent.config.FleetPolicy;
import dev.secretagent.agent.config.Option;
import dev.secretagent.agent.instrument.Installer;
import dev.secretagent.agent.instrument.TargetInstrumentation;
import dev.secretagent.agent.targets.Targets;
import dev.secretagent.agent.instrument.jdk.CoreJdkTransformer;
import dev.secretagent.runtime.redact.Diagnostics;
import dev.secretagent.runtime.Settings;
import dev.secretagent.runtime.start.RuntimeStart;
import dev.secretagent.agent.status.StatusMBeans;
import dev.secretagent.runtime.audit.Audit;
import dev.secretagent.runtime.audit.AuditEvent;
import dev.secretagent.runtime.door.jdk.ConsoleStreams;

import java.io.PrintStream;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Everything premain/agentmain does after the bootstrap hand-over: configuration, diagnostics,
 * known secrets, instrumentation, and the one start-up line. A configuration problem stops a JVM
 * that is starting (exit status 2 before main); in a JVM we attached to late it is only reported.
 */
public final class AgentStarter {
    public static final String VERSION = versionOfJar();
    public static final int EXIT_BAD_CONFIG = 2;

    static {
        // AgentEntry calls start through this, not through reflection (see AgentEntry.Starter)
        AgentEntry.register(new AgentEntry.Starter() {
            @Override
            public void start(String args, Instrumentation inst, boolean late, String jarPath) {
                AgentStarter.start(args, inst, late, jarPath);
            }
        });
    }

    private AgentStarter() {
    }

    public static void start(String args, Instrumentation inst, boolean late, String jarPath) {
        long t0 = System.nanoTime();
        StartupTimes.mark("handOver");
        PrintStream rawStderr = ConsoleStreams.unwrap(System.err);
        AgentConfig config;
        try {
            config = AgentConfig.load(args, System.getProperties(), System.getenv());
        } catch (ConfigException e) {
            stopOnBadConfig(rawStderr, e.getMessage(), late);
            return;
        }
        StartupTimes.mark("config");
        if (config.get(Option.DETECTORS_CONFIG) != null) {
            // before the settings: the first engine is built with the team's rules
            try {
                dev.secretagent.agent.config.GitleaksConfig.load(java.nio.file.Paths.get(config.get(Option.DETECTORS_CONFIG)))
                        .install();
            } catch (IllegalArgumentException | java.io.IOException e) {
                stopOnBadConfig(rawStderr, "detectors.config: " + e.getMessage(), late);
                return;
            }
        }
        Settings settings = config.toSettings();
        int known;
        try {
            // settings, diagnostics, access and audit, status, dev mode, the secrets already in env and properties
            known = RuntimeStart.start(settings, rawStderr, VERSION, System.getenv(), System.getProperties());
        } catch (IllegalArgumentException e) {
            stopOnBadConfig(rawStderr, e.getMessage(), late);
            return;
        }
        StartupTimes.mark("runtimeStart");
        for (FleetPolicy.Refusal refusal : config.refusals()) {
            Diagnostics.warn("fleet policy: application setting " + refusal);
            Audit.record(AuditEvent.action("configure").failure("weakens fleet policy")
                    .field("config.key", refusal.key).field("config.source", refusal.origin)
                    .field("config.refusal", refusal.toString()).build());
        }

        // secrets from stores: fetched, registered for redaction and injected before main (or the JVM stops here)
        if (!late) {
            dev.secretagent.agent.store.SecretInjector.injectBeforeMain(settings, System.getenv(), rawStderr);
        }
        StartupTimes.mark("stores");

        List<String> disabled = settings.get(Keys.INSTRUMENT_DISABLED);
        List<String> installed = new ArrayList<>();
        configureLogFiles(config, settings);
        try {
            installed.addAll(CoreJdkTransformer.install(inst, disabled));
        } catch (Throwable e) {
            Diagnostics.error("could not hook java.lang.System; secret reads are not audited", e);
        }
        StartupTimes.mark("jdkHooks");
        if (!disabled.contains("stdio") && !isSurefireFork()) {
            System.setOut(ConsoleStreams.wrap(System.out, "stdout"));
            System.setErr(ConsoleStreams.wrap(System.err, "stderr"));
        }
        StartupTimes.mark("consoleWrap");
        List<TargetInstrumentation> targets = Targets.all();
        warnOfUnknownTargets(disabled, targets);
        for (Iterator<TargetInstrumentation> it = targets.iterator(); it.hasNext(); ) {
            TargetInstrumentation t = it.next();
            if (disabled.contains(t.name()) || !java.util.Collections.disjoint(disabled, t.aliases())) {
                it.remove();
            }
        }
        // At start-up only the class-load gate is registered; Byte Buddy is prepared by the first watched class that
        // loads (see Installer), so an application that uses no target loads none of it. When attached, right away.
        installed.addAll(Installer.install(inst, targets, dev.secretagent.agent.targets.WatchedClassNames.byTarget(), !late));
        StartupTimes.mark("targets");
        Runtime.getRuntime().addShutdownHook(new ConsoleFlusher());
        if (settings.get(Keys.JMX)) {
            // never on the premain thread: the platform MBean server must not exist before main (see StatusMBeans)
            StatusMBeans.registerInBackground();
        }
        System.setProperty(AgentEntry.STARTED_PROPERTY,
                VERSION + (late ? " (attached)" : ""));
        Diagnostics.info("secret-agent " + VERSION + " started" + (late ? " (attached late)" : "")
                + ": mode=" + settings.mode() + ", instrumented=" + String.join(",", installed)
                + ", known secrets=" + known + ", in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        StartupTimes.mark("end");
        StartupTimes.report(rawStderr);
    }

    /**
     * The last-line net's log-file globs, and the files the agent writes itself (every path option: audit file, leak
     * report, diagnostics file, stores, keys), which it never touches whatever their names.
     */
    private static void configureLogFiles(AgentConfig config, Settings settings) {
        List<String> own = new ArrayList<>();
        for (Option o : Option.values()) {
            if (o.type == dev.secretagent.agent.config.Type.PATH && config.get(o) != null) {
                own.add(config.get(o));
            }
        }
        dev.secretagent.runtime.door.jdk.LogFileNames.configure(settings.get(Keys.LOG_FILES), own);
        // Surefire's fork talks to Maven through descriptor 1 in length-prefixed records: a mask would break them
        dev.secretagent.runtime.door.jdk.FileNet.consoleDescriptors(!isSurefireFork());
    }

    private static void stopOnBadConfig(PrintStream rawStderr, String message, boolean late) {
        rawStderr.println("[secret-agent] ERROR " + message);
        if (late) {
            rawStderr.println("[secret-agent] ERROR not attached: fix the options and attach again");
            return;
        }
        rawStderr.println("[secret-agent] ERROR the JVM stops before main: fix the configuration"
                + " (docs/configuration.md) or remove the -javaagent option");
        rawStderr.flush();
        System.exit(EXIT_BAD_CONFIG);
    }

    /**
     * A name in instrument.disabled that is no target (a typo, or a target of another version: a fleet policy may be
     * shared by several) is not an error, but the user believes something is off that is not: say so, with the names.
     */
    private static void warnOfUnknownTargets(List<String> disabled, List<TargetInstrumentation> targets) {
        if (disabled.isEmpty()) {
            return; // the usual start: no set of names built (nor the jdk hooks' names asked for) to check nothing
        }
        java.util.Set<String> known = new java.util.TreeSet<>(CoreJdkTransformer.targetNames());
        for (TargetInstrumentation t : targets) {
            known.add(t.name());
            known.addAll(t.aliases());
        }
        for (String name : disabled) {
            if (!known.contains(name)) {
                Diagnostics.warn("instrument.disabled names '" + name + "', which is no instrumented target; known: "
                        + String.join(", ", known));
            }
        }
    }

    /**
     * In a Surefire fork the JVM's stdout is Surefire's event channel to Maven (length-prefixed records),
     * which a redactor must not rewrite. The tests' own output is still redacted: Surefire installs its
     * capture streams with System.setOut/setErr, which the stdio hook wraps.
     */
    private static boolean isSurefireFork() {
        String command = System.getProperty("sun.java.command", "");
        String first = command.split(" ", 2)[0];
        String file = first.substring(first.lastIndexOf('/') + 1);
        // launched as the class, or (the default) as a manifest-only surefirebooter*.jar
        return first.equals("org.apache.maven.surefire.booter.ForkedBooter")
                || file.startsWith("surefirebooter") && file.endsWith(".jar");
    }

    /** Flushes what the console redactors still hold when the JVM exits. A class, not a lambda: see AgentEntry. */
    private static final class ConsoleFlusher extends Thread {
        ConsoleFlusher() {
            super("secret-agent-shutdown");
        }

        @Override
        public void run() {
            // what the console and the net's streams still hold (a last write ending in a secret's first
            // characters) is written, redacted, before the console is flushed
            dev.secretagent.runtime.redact.ExitDrain.run();
            System.out.flush();
            System.err.flush();
        }
    }

    private static String versionOfJar() {
        Package p = AgentStarter.class.getPackage();
        String v = p == null ? null : p.getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
