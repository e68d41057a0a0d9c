package dev.secretagent.agent.cli;

import dev.secretagent.agent.AgentStarter;
import dev.secretagent.agent.scan.Allowlist;
import dev.secretagent.agent.scan.KnownValues;
import dev.secretagent.agent.scan.RepositoryScanner;
import dev.secretagent.agent.scan.ScanOutput;
import dev.secretagent.agent.scan.ScanRun;
import dev.secretagent.agent.config.GitleaksConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code scan [paths] [--git]}: known secret values (compared by fingerprint) and credential formats in
 * files, before they reach a repository. Exit status 1 on findings, so pre-commit and CI stop.
 */
@Command(name = "scan", mixinStandardHelpOptions = true,
        description = {"Look through files for known secret values and credential formats.",
                "",
                "Known values: every environment variable whose name looks secret (the agent's zero-config rule), "
                        + "and --values-file (lines ID=value or value; '-' reads stdin). Values are compared by "
                        + "fingerprint and never printed. Formats: the agent's detectors (docs/redaction.md), with the "
                        + "rules and allowlists of --config (default: .gitleaks.toml in the first path, if any), and "
                        + "secret-looking values behind credential-like names (token = <random 32 chars>).",
                "",
                "Accept a finding with a line in " + Allowlist.FILE_NAME + " (<glob> <rule> <reason>) or a '"
                        + RepositoryScanner.ALLOW_MARKER + " <reason>' comment on (or alone above) its line."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:nothing found", "1:credentials found", "2:bad usage (unreadable path, bad allowlist, ...)"})
public final class ScanCommand implements Callable<Integer> {
    @Parameters(paramLabel = "PATH", arity = "0..*", description = "files or directories (default: .)")
    List<Path> paths;

    @Option(names = "--git", description = "only files git tracks (git ls-files), as pre-commit and CI want")
    boolean git;

    @Option(names = "--values-file", paramLabel = "FILE", description = "known secret values, one a line (ID=value or value); '-' for stdin")
    String valuesFile;

    @Option(names = "--no-env", description = "do not take known values from secret-looking environment variables")
    boolean noEnv;

    @Option(names = "--detectors", paramLabel = "LIST", split = ",", description = "detectors to run: all (default), none, or a list")
    List<String> detectors;

    @Option(names = "--config", paramLabel = "FILE", description = "gitleaks-format rules and allowlists (default: "
            + ".gitleaks.toml in the first path if it exists, else the detectors.config option)")
    Path config;

    @Option(names = "--allowlist", paramLabel = "FILE", description = "allowlist file (default: " + Allowlist.FILE_NAME + " in the first path, or .)")
    Path allowlistFile;

    @Option(names = "--format", paramLabel = "FORMAT", description = "human (default), json or sarif")
    String format = "human";

    @Option(names = "--min-length", paramLabel = "N", description = "shortest value looked for (default 8)")
    int minLength = 8;

    @Override
    public Integer call() {
        if (!Arrays.asList("human", "json", "sarif").contains(format)) {
            System.err.println("secret-agent scan: --format must be human, json or sarif");
            return 2;
        }
        List<Path> roots = paths == null || paths.isEmpty() ? List.of(Paths.get(".")) : paths;
        KnownValues values = new KnownValues(minLength);
        Set<Path> exclude = new HashSet<>();
        try {
            if (!noEnv) {
                ScanRun.addEnvironment(values, System.getenv());
            }
            if (valuesFile != null) {
                readValues(values, exclude);
            }
            GitleaksConfig rules = loadConfig(roots.get(0));
            ScanRun.Result r = ScanRun.run(roots, git, values, exclude, detectors, allowlistFile, rules);
            switch (format) {
                case "json":
                    System.out.print(ScanOutput.json(r.findings, r.files, r.allowed));
                    break;
                case "sarif":
                    System.out.print(ScanOutput.sarif(r.findings, AgentStarter.VERSION, r.rootUri));
                    break;
                default:
                    System.out.print(ScanOutput.human(r.findings, r.files, r.allowed, r.inGit));
            }
            System.out.flush();
            return r.findings.isEmpty() ? 0 : 1;
        } catch (IllegalArgumentException | IOException e) {
            System.err.println("secret-agent scan: " + e.getMessage());
            return 2;
        }
    }

    /** --config, else .gitleaks.toml next to the first path, else detectors.config; installed for the detectors. */
    private GitleaksConfig loadConfig(Path first) throws IOException {
        Path file = config;
        if (file == null) {
            Path dir = Files.isDirectory(first) ? first : first.toAbsolutePath().getParent();
            Path candidate = dir == null ? null : dir.resolve(".gitleaks.toml");
            if (candidate != null && Files.isRegularFile(candidate)) {
                file = candidate;
            } else {
                String opt = System.getProperty(dev.secretagent.agent.config.Option.DETECTORS_CONFIG.systemPropertyName(),
                        System.getenv(dev.secretagent.agent.config.Option.DETECTORS_CONFIG.environmentName()));
                file = opt == null || opt.trim().isEmpty() ? null : Paths.get(opt.trim());
            }
        }
        if (file == null) {
            return null;
        }
        GitleaksConfig c = GitleaksConfig.load(file);
        c.install();
        return c;
    }

    private void readValues(KnownValues values, Set<Path> exclude) throws IOException {
        byte[] bytes;
        if (valuesFile.equals("-")) {
            bytes = System.in.readAllBytes();
        } else {
            Path p = Paths.get(valuesFile);
            exclude.add(p.toAbsolutePath().normalize());
            bytes = Files.readAllBytes(p);
        }
        List<ValuesFile.Entry> entries = ValuesFile.parse(bytes);
        Arrays.fill(bytes, (byte) 0);
        for (ValuesFile.Entry e : entries) {
            if (!values.add(e.id, e.value)) {
                System.err.println("secret-agent scan: " + e.id + " is shorter than --min-length " + minLength
                        + " and is not looked for");
            }
        }
    }
}
