package dev.secretagent.maven;

import dev.secretagent.agent.AgentStarter;
import dev.secretagent.agent.scan.KnownValues;
import dev.secretagent.agent.scan.ScanFinding;
import dev.secretagent.agent.scan.ScanOutput;
import dev.secretagent.agent.scan.ScanRun;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The repository scan ({@code java -jar secret-agent.jar scan}) as a build step: known secret values (secret-looking
 * environment variables, by fingerprint) and credential formats in the project's files, the allowlist and inline
 * {@code secret-agent:allow} comments honoured, a SARIF 2.1.0 report, the build failed on a finding.
 */
@Mojo(name = "scan", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true)
public class ScanMojo extends AbstractMojo {
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

    @Parameter(property = "secret-agent.skip", defaultValue = "false")
    boolean skip;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("secret-agent: skipped");
            return;
        }
        ScanRun.Result r;
        try {
            KnownValues values = new KnownValues(minLength);
            if (environment) {
                ScanRun.addEnvironment(values, System.getenv());
            }
            r = ScanRun.run(List.of(directory.toPath()), git, values, Set.of(),
                    detectors == null ? List.of() : detectors, allowlist == null ? null : allowlist.toPath());
            Path out = sarifFile.toPath();
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.write(out, ScanOutput.sarif(r.findings, AgentStarter.VERSION, r.rootUri).getBytes(StandardCharsets.UTF_8));
        } catch (IOException | IllegalArgumentException e) {
            throw new MojoExecutionException("secret-agent scan: " + e.getMessage(), e);
        }
        String human = ScanOutput.human(r.findings, r.files, r.allowed, r.inGit);
        if (r.findings.isEmpty()) {
            getLog().info(human.trim());
            return;
        }
        for (String line : human.split("\n")) {
            getLog().error(line);
        }
        getLog().error("secret-agent scan: SARIF report " + sarifFile);
        if (failOnFindings) {
            StringBuilder msg = new StringBuilder();
            msg.append(r.findings.size()).append(r.findings.size() == 1 ? " credential" : " credentials")
                    .append(" in files of ").append(directory).append(':');
            for (ScanFinding f : r.findings) {
                msg.append("\n  ").append(f.path).append(':').append(f.line).append(": ").append(f.describe());
            }
            throw new MojoFailureException(msg.toString());
        }
    }
}
