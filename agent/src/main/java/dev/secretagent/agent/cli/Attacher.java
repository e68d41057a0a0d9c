package dev.secretagent.agent.cli;

import dev.secretagent.agent.bootstrap.AgentEntry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Dynamic attach through com.sun.tools.attach, with the reasons it can fail spelled out: no attach
 * provider (a JRE without jdk.attach), a JVM of another OS user, no such JVM, an ambiguous name,
 * an agent already there, a target that refused the agent.
 */
final class Attacher {
    static final class AttachFailure extends Exception {
        private static final long serialVersionUID = 1L;

        AttachFailure(String message) {
            super(message);
        }
    }

    /** Returns the pid attached to. */
    String attach(String target, String agentJar, String agentOptions) throws AttachFailure {
        try {
            Class.forName("com.sun.tools.attach.VirtualMachine");
        } catch (ClassNotFoundException | LinkageError e) {
            throw new AttachFailure("this Java (" + System.getProperty("java.home") + ") has no attach provider"
                    + " (the jdk.attach module is missing, as in a JRE or a jlink image); run the command with a full JDK's java");
        }
        return AttachApi.attach(this, target, agentJar, agentOptions);
    }

    static String resolvePid(String target, List<String[]> jvms) throws AttachFailure {
        if (target.matches("\\d+")) {
            return target;
        }
        List<String[]> matches = new ArrayList<>();
        String self = String.valueOf(ProcessHandle.current().pid());
        for (String[] jvm : jvms) {
            if (!jvm[0].equals(self) && jvm[1].contains(target)) {
                matches.add(jvm);
            }
        }
        if (matches.isEmpty()) {
            throw new AttachFailure("no running JVM of this user has a main class or jar containing '" + target
                    + "' (jps lists them; JVMs of other users are not visible)");
        }
        if (matches.size() > 1) {
            StringBuilder sb = new StringBuilder("'" + target + "' matches several JVMs; give a pid:");
            for (String[] m : matches) {
                sb.append(System.lineSeparator()).append("  ").append(m[0]).append(' ').append(m[1]);
            }
            throw new AttachFailure(sb.toString());
        }
        return matches.get(0)[0];
    }

    /** On Linux, /proc tells us the owner, so we can say "another OS user" instead of a bare IOException. */
    static void checkSameUser(String pid) throws AttachFailure {
        Path proc = Paths.get("/proc", pid);
        if (!Files.exists(Paths.get("/proc/self"))) {
            return; // not Linux: let the attach API speak
        }
        if (!Files.exists(proc)) {
            throw new AttachFailure("no process with pid " + pid);
        }
        try {
            Object owner = Files.getAttribute(proc, "unix:uid");
            Object me = Files.getAttribute(Paths.get("/proc/self"), "unix:uid");
            if (!owner.equals(me)) {
                throw new AttachFailure("process " + pid + " belongs to another OS user (uid " + owner
                        + "); run attach as that user (e.g. sudo -u <user> java -jar secret-agent.jar attach " + pid + ")");
            }
        } catch (IOException | UnsupportedOperationException e) {
            // cannot tell; the attach API will report
        }
    }

    static void checkNotAttached(String pid, Properties targetProperties) throws AttachFailure {
        String started = targetProperties.getProperty(AgentEntry.STARTED_PROPERTY);
        if (started != null) {
            throw new AttachFailure("JVM " + pid + " already runs secret-agent " + started);
        }
    }
}
