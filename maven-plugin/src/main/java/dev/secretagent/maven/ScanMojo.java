package dev.secretagent.maven;

import dev.secretagent.agent.AgentStarter;
import dev.secretagent.agent.scan.KnownValues;
import dev.secretagent.agent.scan.ScanFinding;
import dev.secretagent.agent.scan.ScanOutput;
import dev.secretagent.agent.scan.ScanRun;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The repository scan ({@code java -jar secret-agent.jar scan}) as a build step: known secret values (secret-looking
 * environment variables, by fingerprint) and credential formats in the project's files, the allowlist and inline
 * {@code secret-agent:allow} comments honoured, a SARIF 2.1.0 report, the build failed on a finding.
 */
@Mojo(name = "scan", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true)
public class ScanMojo extends SecretAgentMojo {
    /** What to scan. */
    @Parameter(property = "secret-agent.scan.directory", defaultValue = "${project.basedir}")
    File directory;

    /** Only the files git tracks ({@code git ls-files}); else every file, build output and VCS folders left out. */
    @Parameter(property = "secret-agent.scan.git", defaultValue = "false")
    boolean git;

    /** The allowlist file; default {@code .secret-agent-allowlist} in the scanned directory. */
    @Parameter(property = "secret-agent.scan.allowlist")
    File allowlist;

    /** Detectors to run: all (default), none, or names (aws, github, ...). */
    @Parameter(property = "secret-agent.scan.detectors")
    List<String> detectors;

    /** Look for the values of secret-looking environment variables of the build. */
    @Parameter(property = "secret-agent.scan.environment", defaultValue = "true")
    boolean environment;

    /** Shortest known value looked for. */
    @Parameter(property = "secret-agent.scan.minLength", defaultValue = "8")
    int minLength;

    @Parameter(property = "secret-agent.scan.sarif", defaultValue = "${project.build.directory}/secret-agent/scan.sarif")
    File sarifFile;

    @Parameter(property = "secret-agent.scan.failOnFindings", defaultValue = "true")
    boolean failOnFindings;

    @Override
    void run() throws MojoExecutionException, MojoFailureException {
        ScanRun.Result r;
        try {
            KnownValues values = new KnownValues(minLength);
            if (environment) {
                ScanRun.addEnvironment(values, System.getenv());
            }
            r = ScanRun.run(List.of(directory.toPath()), git, values, Set.of(),
                    detectors == null ? List.of() : detectors, allowlist == null ? null : allowlist.toPath());
            write(sarifFile.toPath(), ScanOutput.sarif(r.findings, AgentStarter.VERSION, r.rootUri));
        } catch (IOException | IllegalArgumentException e) {
            throw new MojoExecutionException("secret-agent scan: " + e.getMessage(), e);
        }
        String human = ScanOutput.human(r.findings, r.files, r.allowed, r.inGit);
        if (r.findings.isEmpty()) {
            getLog().info(human.trim());
            return;
        }
        List<String> errors = new ArrayList<>(List.of(human.split("\n")));
        errors.add("secret-agent scan: SARIF report " + sarifFile);
        List<String> items = new ArrayList<>();
        for (ScanFinding f : r.findings) {
            items.add(f.path + ":" + f.line + ": " + f.describe());
        }
        int n = r.findings.size();
        reportFindings(errors, failOnFindings, n + (n == 1 ? " credential" : " credentials") + " in files of "
                + directory + ":", items);
    }
}
