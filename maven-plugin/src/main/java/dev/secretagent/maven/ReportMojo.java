package dev.secretagent.maven;

import dev.secretagent.agent.AgentStarter;
import dev.secretagent.agent.leaks.ForkReports;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Merges the test JVMs' leak reports (written in dev mode, set up by prepare-agent) into one SARIF 2.1.0 file and
 * one human summary, and fails the build when a test wrote a secret, listing each leak: the test class and method,
 * file and line, the secret's id and the channel.
 */
@Mojo(name = "report", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class ReportMojo extends SecretAgentMojo {
    /** Where prepare-agent told the test JVMs to write their reports. */
    @Parameter(property = "secret-agent.forkReports", defaultValue = "${project.build.directory}/secret-agent/forks")
    File forkReports;

    /** The merged SARIF 2.1.0 report. */
    @Parameter(property = "secret-agent.sarif", defaultValue = "${project.build.directory}/secret-agent/leaks.sarif")
    File sarifFile;

    /** The human summary (the same lines the build prints). */
    @Parameter(property = "secret-agent.summary", defaultValue = "${project.build.directory}/secret-agent/leaks.txt")
    File summaryFile;

    /** Fails the build when a leak was found. */
    @Parameter(property = "secret-agent.failOnLeak", defaultValue = "true")
    boolean failOnLeak;

    @Override
    void run() throws MojoExecutionException, MojoFailureException {
        ForkReports merged;
        try {
            List<Path> files = ForkReports.in(forkReports.toPath());
            if (files.isEmpty()) {
                getLog().info("secret-agent: no test JVM wrote a leak report in " + forkReports
                        + " (no tests ran, or prepare-agent did not run before them)");
                return;
            }
            merged = ForkReports.merge(files, AgentStarter.VERSION);
            write(sarifFile.toPath(), merged.sarif());
            write(summaryFile.toPath(), String.join("\n", merged.summary()) + "\n");
        } catch (IOException e) {
            throw new MojoExecutionException("secret-agent: " + e.getMessage(), e);
        }
        List<String> lines = merged.summary();
        if (merged.leaks().isEmpty()) {
            getLog().info(lines.get(0));
            return;
        }
        List<String> errors = new ArrayList<>(lines);
        errors.add("secret-agent: SARIF report " + sarifFile);
        List<String> items = new ArrayList<>();
        for (ForkReports.Leak l : merged.leaks()) {
            items.add(l.text());
        }
        items.add("report: " + sarifFile);
        int n = merged.leaks().size();
        reportFindings(errors, failOnLeak, n + (n == 1 ? " test output leak" : " test output leaks")
                + " (values redacted; fix the call sites or set secret-agent.failOnLeak=false):", items);
    }
}
