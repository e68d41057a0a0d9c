package dev.secretagent.agent.cli;

import dev.secretagent.agent.cli.store.StoreCommand;
import dev.secretagent.agent.AgentStarter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar secret-agent.jar <command>}. Each command has its own --help. */
@Command(name = "secret-agent", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Keeps secrets out of a JVM's output and audits every secret access.",
                "As an agent: java -javaagent:secret-agent.jar[=key=value,...] -jar app.jar"},
        subcommands = {AttachCommand.class, StoreCommand.class, RedactCommand.class, ScanCommand.class, StatusCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command and returns its exit status (tests call this without exiting). */
    public static int run(String... args) {
        RedactCommand redact = RedactArguments.parse(args);
        if (redact != null) {
            // the one-shot filter starts without picocli's model of every command (RedactArguments says why)
            return redact.call();
        }
        CommandLine cli = new CommandLine(new Main());
        // for every command: usage errors name positions and option names, never the refused text
        cli.setParameterExceptionHandler(new SafeParameterErrors());
        return cli.execute(args);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"secret-agent " + AgentStarter.VERSION,
                    "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
