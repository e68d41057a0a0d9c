package dev.secretagent.agent.cli;

import dev.secretagent.agent.AgentStarter;
import dev.secretagent.agent.config.AgentConfig;
import dev.secretagent.agent.config.ConfigException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.File;
import java.net.URISyntaxException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;

/**
 * {@code status <pid|main-class>}: what the agent in a running JVM is doing (version, mode, known secret
 * ids, redactions per channel, last rotation, audit queue). {@code status} alone: this jar's version and a
 * check of the configuration this environment would give an agent started here.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Show what secret-agent is doing in a running JVM, or check a configuration.",
                "",
                "With a target: the agent's state in that JVM, read through JMX (dev.secretagent:type=Agent). "
                        + "Without one: this jar's version and a check of the configuration found here "
                        + "(SECRETAGENT_* variables, secretagent.* properties, --config FILE, --options key=value,...). "
                        + "Every key and its default: docs/configuration.md."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:status shown / configuration valid", "1:could not read the status (the message says why)",
                "2:bad usage or invalid configuration"})
public final class StatusCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "<pid|main-class>",
            description = "process id, or a substring of the main class / jar shown by jps")
    String target;

    @Option(names = "--config", paramLabel = "FILE", description = "check this YAML configuration file")
    File config;

    @Option(names = "--options", paramLabel = "key=value,...", description = "agent options to check, as after -javaagent:secret-agent.jar=")
    String options;

    @Override
    public Integer call() {
        if (target == null) {
            return checkConfiguration();
        }
        try {
            Class.forName("com.sun.tools.attach.VirtualMachine");
        } catch (ClassNotFoundException | LinkageError e) {
            System.err.println("secret-agent: cannot read status: this Java (" + System.getProperty("java.home")
                    + ") has no attach provider (jdk.attach); run the command with a full JDK's java");
            return 1;
        }
        try {
            StatusApi.Read r = StatusApi.read(target, agentJar());
            print(r);
            return 0;
        } catch (Attacher.AttachFailure e) {
            System.err.println("secret-agent: cannot read status: " + e.getMessage());
            return 1;
        }
    }

    private static void print(StatusApi.Read r) {
        Map<String, Object> a = r.attributes;
        System.out.println("secret-agent " + a.get("Version") + " in JVM " + r.pid
                + (r.displayName.isEmpty() ? "" : " (" + r.displayName + ")"));
        row("mode", a.get("Mode"));
        row("service.name", blank(a.get("ServiceName")));
        row("started", a.get("StartedAt"));
        Object ids = a.get("SecretIds");
        Collection<?> idList = ids instanceof String[] ? java.util.Arrays.asList((String[]) ids)
                : ids instanceof Collection ? (Collection<?>) ids : java.util.Collections.emptyList();
        row("known secrets", idList.size() + (idList.isEmpty() ? "" : "  " + String.join(", ", strings(idList))));
        row("retired values", a.get("RetiredValues"));
        row("last rotation", blank(a.get("LastRotation")).equals("-") ? "none since start" : a.get("LastRotation"));
        Map<String, String> perChannel = table(a.get("RedactionsPerChannel"));
        StringBuilder ch = new StringBuilder().append(a.get("RedactionsTotal"));
        if (!perChannel.isEmpty()) {
            ch.append("  ");
            boolean first = true;
            for (Map.Entry<String, String> e : perChannel.entrySet()) {
                ch.append(first ? "" : ", ").append(e.getKey()).append('=').append(e.getValue());
                first = false;
            }
        }
        row("redactions", ch);
        Map<String, String> audit = table(a.get("AuditQueue"));
        row("audit queue", audit.isEmpty() ? "not reported by this agent" : audit.toString());
        row("oldest secret", blank(a.get("OldestSecret")));
        row("overdue", a.get("OverdueSecrets") == null ? "-" : a.get("OverdueSecrets") + " secret(s) past their rotation cadence");
        row("leak findings", a.get("LeakFindings"));
    }

    private static java.util.List<String> strings(Collection<?> c) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (Object o : c) {
            out.add(String.valueOf(o));
        }
        return out;
    }

    private static String blank(Object o) {
        return o == null || o.toString().isEmpty() ? "-" : o.toString();
    }

    private static void row(String label, Object value) {
        System.out.printf("  %-15s %s%n", label + ":", value);
    }

    /** An MXBean Map arrives as TabularData of (key, value) rows. */
    private static Map<String, String> table(Object o) {
        Map<String, String> out = new TreeMap<>();
        if (o instanceof TabularData) {
            for (Object row : ((TabularData) o).values()) {
                CompositeData cd = (CompositeData) row;
                out.put(String.valueOf(cd.get("key")), String.valueOf(cd.get("value")));
            }
        } else if (o instanceof Map) {
            for (Map.Entry<?, ?> e : ((Map<?, ?>) o).entrySet()) {
                out.put(String.valueOf(e.getKey()), String.valueOf(e.getValue()));
            }
        }
        return out;
    }

    private int checkConfiguration() {
        System.out.println("secret-agent " + AgentStarter.VERSION + " (" + agentJar() + ")");
        System.out.println("  java:           " + System.getProperty("java.version") + " (" + System.getProperty("java.home") + ")");
        boolean attach;
        try {
            Class.forName("com.sun.tools.attach.VirtualMachine");
            attach = true;
        } catch (ClassNotFoundException | LinkageError e) {
            attach = false;
        }
        System.out.println("  attach:         " + (attach ? "available" : "not available (no jdk.attach module)"));
        String args = options == null ? "" : options;
        if (config != null) {
            args = "config=" + config.getPath() + (args.isEmpty() ? "" : "," + args);
        }
        try {
            AgentConfig c = AgentConfig.load(args, System.getProperties(), System.getenv());
            System.out.println("  configuration:  valid");
            for (Map.Entry<String, String> e : new TreeMap<>(c.values()).entrySet()) {
                dev.secretagent.agent.config.Option o = dev.secretagent.agent.config.Option.byKey(e.getKey());
                String origin = o == null ? null : c.origin(o);
                if (origin != null && !"default".equals(origin)) {
                    // here the "agent arguments" are what this command was given: say which option
                    if ("agent argument".equals(origin)) {
                        origin = config != null && e.getKey().equals("config") ? "--config" : "--options";
                    }
                    System.out.printf("    %-24s %s  (%s)%n", e.getKey(), e.getValue(), origin);
                }
            }
            System.out.println("    (every other key at its default: see docs/configuration.md for every key)");
            return 0;
        } catch (ConfigException e) {
            System.out.println("  configuration:  INVALID");
            System.err.println("secret-agent: " + e.getMessage());
            return 2;
        }
    }

    static String agentJar() {
        try {
            File f = new File(StatusCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return f.getAbsolutePath();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
