package dev.secretagent.agent.scan;

import dev.secretagent.agent.config.GitleaksConfig;
import dev.secretagent.runtime.access.SecretNames;
import dev.secretagent.runtime.redact.CredentialFormats;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One repository scan, as the {@code scan} command and the Maven plugin's {@code scan} goal run it: the files of
 * the roots (walked, or git's), known values and detectors, the allowlist. Prints nothing: callers format the
 * {@link Result} (human, JSON, SARIF).
 */
public final class ScanRun {
    /** What a scan found, and where it looked. */
    public static final class Result {
        public final List<ScanFinding> findings;
        public final int files;
        public final int allowed;
        /** The first root's file URI, ending in '/': SARIF's SRCROOT. */
        public final String rootUri;
        /** Whether the first root is inside a git work tree (then a committed value is in history). */
        public final boolean inGit;

        Result(List<ScanFinding> findings, int files, int allowed, String rootUri, boolean inGit) {
            this.findings = findings;
            this.files = files;
            this.allowed = allowed;
            this.rootUri = rootUri;
            this.inGit = inGit;
        }
    }

    private ScanRun() {
    }

    /** Every environment variable whose name looks secret (the agent's zero-config rule) becomes a known value. */
    public static void addEnvironment(KnownValues values, Map<String, String> env) {
        for (Map.Entry<String, String> e : env.entrySet()) {
            if (SecretNames.looksSecret(e.getKey()) && !e.getKey().startsWith("SECRETAGENT_")) {
                values.add(e.getKey(), e.getValue());
            }
        }
    }

    /**
     * Scans. The allowlist is {@code allowlistFile}, else {@value Allowlist#FILE_NAME} in the first root (a
     * directory) or its directory. Throws IllegalArgumentException for a root that does not exist or a bad
     * allowlist or detector list.
     */
    public static Result run(List<Path> roots, boolean git, KnownValues values, Set<Path> exclude,
                             List<String> detectors, Path allowlistFile) throws IOException {
        return run(roots, git, values, exclude, detectors, allowlistFile, null);
    }

    /** The same, with a gitleaks-format configuration's global allowlist paths ({@code rules}, may be null). */
    public static Result run(List<Path> roots, boolean git, KnownValues values, Set<Path> exclude,
                             List<String> detectors, Path allowlistFile, GitleaksConfig rules) throws IOException {
        Path base = Paths.get("").toAbsolutePath();
        for (Path root : roots) {
            if (!Files.exists(root)) {
                throw new IllegalArgumentException("no such file or directory: " + root);
            }
        }
        CredentialFormats formats = CredentialFormats.of(detectors == null ? List.of() : detectors);
        Path allowPath = allowlistFile;
        Path first = roots.get(0);
        Path firstDir = Files.isDirectory(first) ? first : first.toAbsolutePath().getParent();
        if (allowPath == null) {
            Path candidate = firstDir.resolve(Allowlist.FILE_NAME);
            allowPath = Files.isRegularFile(candidate) ? candidate : null;
        }
        Allowlist allow = allowPath == null ? Allowlist.empty() : Allowlist.read(allowPath);
        RepositoryScanner scanner = new RepositoryScanner(values, formats, allow, exclude);
        List<ScanFinding> findings = new ArrayList<>();
        for (Path root : roots) {
            // findings name files relative to the scanned directory (where the allowlist sits), '/'-separated
            Path rel = Files.isDirectory(root) ? root.toAbsolutePath().normalize() : base;
            for (Path f : RepositoryScanner.files(root, git)) {
                Path abs = f.toAbsolutePath().normalize();
                String shown = (abs.startsWith(rel) ? rel.relativize(abs) : abs).toString().replace(File.separatorChar, '/');
                if (rules != null && rules.pathAllowed(shown)) {
                    continue; // the configuration's global allowlist paths
                }
                findings.addAll(scanner.scan(f, shown));
            }
        }
        String rootUri = first.toAbsolutePath().normalize().toUri().toString();
        return new Result(findings, scanner.filesScanned, scanner.allowed, rootUri.endsWith("/") ? rootUri : rootUri + "/",
                git || inGitWorkTree(firstDir.toAbsolutePath().normalize()));
    }

    /** A {@code .git} (directory, or file for a linked work tree) in the directory or one above it. */
    static boolean inGitWorkTree(Path dir) {
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.exists(d.resolve(".git"))) {
                return true;
            }
        }
        return false;
    }
}
