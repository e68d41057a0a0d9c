package dev.secretagent.maven;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What every goal shares: {@code secret-agent.skip}, writing its report files, and failing the build on findings. */
abstract class SecretAgentMojo extends AbstractMojo {
    /** Skips the goal (prepare-agent leaves the property as it was). */
    @Parameter(property = "secret-agent.skip", defaultValue = "false")
    boolean skip;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("secret-agent: skipped");
            return;
        }
        run();
    }

    abstract void run() throws MojoExecutionException, MojoFailureException;

    /** Writes a report, creating its folder. */
    static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Findings: each line logged as an error and, when {@code fail}, the build's failure with the headline and one
     * line per item (values never appear: the items name ids, files and lines).
     */
    void reportFindings(List<String> errorLines, boolean fail, String headline, List<String> items)
            throws MojoFailureException {
        for (String line : errorLines) {
            getLog().error(line);
        }
        if (fail) {
            StringBuilder msg = new StringBuilder(headline);
            for (String item : items) {
                msg.append("\n  ").append(item);
            }
            throw new MojoFailureException(msg.toString());
        }
    }
}
