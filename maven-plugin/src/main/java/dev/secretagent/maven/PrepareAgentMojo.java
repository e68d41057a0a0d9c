package dev.secretagent.maven;

import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Puts secret-agent into the test JVMs: sets (or prepends to) the {@code argLine} property that Surefire and
 * Failsafe read, with the agent jar this plugin depends on, in dev mode, each test JVM writing its own leak report
 * under {@code target/secret-agent/forks}. The {@code report} goal merges those reports and fails the build.
 */
@Mojo(name = "prepare-agent", defaultPhase = LifecyclePhase.INITIALIZE, threadSafe = true)
public class PrepareAgentMojo extends SecretAgentMojo {
    static final String AGENT_KEY = "dev.secretagent:secret-agent";

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    @Parameter(defaultValue = "${plugin.artifactMap}", readonly = true, required = true)
    Map<String, Artifact> pluginArtifactMap;

    /** The property the agent argument goes into; Surefire and Failsafe read {@code argLine}. */
    @Parameter(property = "secret-agent.propertyName", defaultValue = "argLine")
    String propertyName;

    /** The agent's mode in the test JVMs: {@code dev} (leak findings), {@code audit} or {@code enforce}. */
    @Parameter(property = "secret-agent.mode", defaultValue = "dev")
    String mode;

    /** Where each test JVM writes its leak report ({@code leaks-<pid>.sarif}); report reads them from here. */
    @Parameter(property = "secret-agent.forkReports", defaultValue = "${project.build.directory}/secret-agent/forks")
    File forkReports;

    /**
     * Also end a test JVM that wrote a leak with exit status 3 (the agent's {@code leaks.fail}), so that
     * {@code mvn test} alone fails. Off by default: the {@code report} goal fails the build at {@code verify} with
     * the leaks listed, after every test ran.
     */
    @Parameter(property = "secret-agent.failInFork", defaultValue = "false")
    boolean failInFork;

    /** The agent's configuration file ({@code config=}), optional. */
    @Parameter(property = "secret-agent.config")
    File config;

    /** More agent options, {@code key=value} each (see the configuration reference). */
    @Parameter
    List<String> options;

    @Override
    void run() throws MojoExecutionException {
        Artifact agent = pluginArtifactMap.get(AGENT_KEY);
        if (agent == null || agent.getFile() == null) {
            throw new MojoExecutionException("secret-agent: the plugin's dependency " + AGENT_KEY + " was not resolved");
        }
        List<String> opts = new ArrayList<>();
        opts.add("mode=" + mode);
        if (config != null) {
            opts.add("config=" + config.getAbsolutePath());
        }
        if ("dev".equals(mode)) {
            clearOldReports(forkReports.toPath());
            opts.add("leaks.report=" + new File(forkReports, "leaks-{pid}.sarif").getAbsolutePath());
            opts.add("leaks.fail=" + failInFork);
        }
        if (options != null) {
            for (String o : options) {
                if (o != null && !o.trim().isEmpty()) {
                    opts.add(o.trim());
                }
            }
        }
        String arg = AgentArgLine.javaagent(agent.getFile().getAbsolutePath(), opts);
        String old = project.getProperties().getProperty(propertyName);
        String value = AgentArgLine.prepend(old, arg, agent.getFile().getName());
        project.getProperties().setProperty(propertyName, value);
        getLog().info("secret-agent: " + propertyName + " set to " + value);
    }

    /** Reports of an earlier build would be merged again: start with none. */
    private void clearOldReports(Path dir) throws MojoExecutionException {
        try {
            if (Files.isDirectory(dir)) {
                try (java.util.stream.Stream<Path> s = Files.list(dir)) {
                    for (Path p : (Iterable<Path>) s::iterator) {
                        if (p.getFileName().toString().endsWith(".sarif")) {
                            Files.delete(p);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new MojoExecutionException("secret-agent: cannot clear old leak reports in " + dir, e);
        }
    }
}
