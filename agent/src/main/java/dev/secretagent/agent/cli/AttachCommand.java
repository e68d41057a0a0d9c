package dev.secretagent.agent.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.File;
import java.net.URISyntaxException;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Loads the agent into a JVM that is already running. The work is in {@link Attacher}; this class
 * is only the command's shape. It never takes a secret value (those come from stores and stdin).
 */
@Command(name = "attach", mixinStandardHelpOptions = true,
        description = {"Load the agent into a running JVM (redaction and audit switched on live).",
                "",
                "Classes already loaded are retransformed. Run it as the same OS user as the target, with a full JDK "
                        + "(the jdk.attach module). On JDK 21+ the target prints a warning about a dynamically loaded "
                        + "agent unless it was started with -XX:+EnableDynamicAgentLoading."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:attached", "1:could not attach (the message says why)", "2:bad usage"})
public final class AttachCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "<pid|main-class>",
            description = "process id, or a substring of the main class / jar shown by jps")
    String target;

    @Parameters(index = "1..*", paramLabel = "key=value",
            description = "agent options for the target, as after -javaagent:secret-agent.jar=")
    List<String> options;

    @Override
    public Integer call() {
        String agentOptions = options == null ? "" : String.join(",", options);
        try {
            String pid = new Attacher().attach(target, agentJar(), agentOptions);
            System.out.println("secret-agent attached to JVM " + pid);
            return 0;
        } catch (Attacher.AttachFailure e) {
            System.err.println("secret-agent: cannot attach: " + e.getMessage());
            return 1;
        }
    }

    private static String agentJar() {
        try {
            File f = new File(AttachCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return f.getAbsolutePath();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
