package dev.secretagent.agent.cli.store;

import picocli.CommandLine.Command;

/**
 * {@code secret-agent store ...}: manage the encrypted file store (and write to / list Vault).
 * A value is read only from stdin or {@code --from-file}, never from an argument (shell history,
 * {@code ps}); {@code get} prints a value only with {@code --reveal}, and that read is audited.
 */
@Command(name = "store", mixinStandardHelpOptions = true,
        description = {"Manage secrets in the file store (put/list also for Vault).",
                "Values come from stdin or --from-file, never from the command line."},
        subcommands = {Init.class, Put.class, Generate.class,
                Get.class, ListSecrets.class, Versions.class,
                Rotate.class, Revoke.class, Destroy.class},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:done", "1:the store refused or failed (the message says why)", "2:bad usage"})
public final class StoreCommand implements Runnable {

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }
}
