package dev.secretagent.agent.scan;

import dev.secretagent.runtime.redact.CredentialFormats;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Looks through files for known secret values (by fingerprint) and for credential formats (the
 * redactor's detectors). Files come from walking directories, or from {@code git ls-files} with
 * {@code --git}. Binary and very large files are skipped; the inline marker {@code secret-agent:allow}
 * on a finding's line (or alone on the line above) accepts it, as does the allowlist.
 */
public final class RepositoryScanner {
    public static final String ALLOW_MARKER = "secret-agent:allow";
    static final long MAX_FILE_SIZE = 5L * 1024 * 1024;
    /** Directories not walked without --git: build output and VCS metadata. */
    static final Set<String> SKIP_DIRS = new LinkedHashSet<>(Arrays.asList(".git", "target", "build", "node_modules",
            ".gradle", ".idea", ".mvn"));

    private final KnownValues values;
    private final CredentialFormats formats;
    private final Allowlist allowlist;
    private final Set<Path> exclude;

    public int filesScanned;
    public int allowed;

    public RepositoryScanner(KnownValues values, CredentialFormats formats, Allowlist allowlist, Set<Path> exclude) {
        this.values = values;
        this.formats = formats;
        this.allowlist = allowlist;
        this.exclude = exclude;
    }

    /** The files to scan under {@code root}: every file (walked), or git's tracked files. Paths relative to base. */
    public static List<Path> files(Path root, boolean git) throws IOException {
        List<Path> out = new ArrayList<>();
        if (Files.isRegularFile(root)) {
            out.add(root);
            return out;
        }
        if (git) {
            ProcessBuilder pb = new ProcessBuilder("git", "-C", root.toString(), "ls-files", "-z", "--cached");
            pb.redirectErrorStream(false);
            Process p = pb.start();
            byte[] listing;
            try (InputStream in = p.getInputStream()) {
                listing = in.readAllBytes();
            }
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            try {
                if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    throw new IOException("git ls-files failed in " + root + (err.isEmpty() ? "" : ": " + err));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted");
            }
            for (String name : new String(listing, StandardCharsets.UTF_8).split("\0")) {
                if (!name.isEmpty()) {
                    Path f = root.resolve(name);
                    if (Files.isRegularFile(f)) {
                        out.add(f);
                    }
                }
            }
            return out;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<Path>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                Path name = dir.getFileName();
                return !dir.equals(root) && name != null && SKIP_DIRS.contains(name.toString())
                        ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile()) {
                    out.add(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) {
                return FileVisitResult.CONTINUE;
            }
        });
        Collections.sort(out);
        return out;
    }

    /** Scans one file; {@code shownPath} is how findings name it (relative, '/' separators). */
    public List<ScanFinding> scan(Path file, String shownPath) throws IOException {
        List<ScanFinding> out = new ArrayList<>();
        if (exclude.contains(file.toAbsolutePath().normalize()) || Files.size(file) > MAX_FILE_SIZE) {
            return out;
        }
        byte[] bytes = Files.readAllBytes(file);
        if (binary(bytes)) {
            return out;
        }
        filesScanned++;
        String text = new String(bytes, StandardCharsets.UTF_8);
        int[] lineStarts = lineStarts(text);
        List<ScanFinding> raw = new ArrayList<>();
        List<int[]> valueSpans = new ArrayList<>();
        values.find(text, (offset, length, id) -> {
            raw.add(at(shownPath, lineStarts, offset, ScanFinding.Kind.VALUE, id));
            valueSpans.add(new int[] {offset, offset + length});
        });
        for (CredentialFormats.Hit h : formats.find(text)) {
            // one credential, one finding: a known value that a detector also recognises is reported by its id
            if (!overlaps(valueSpans, h.start, h.end)) {
                raw.add(at(shownPath, lineStarts, h.start, ScanFinding.Kind.FORMAT, h.detector));
            }
        }
        Set<String> seen = new LinkedHashSet<>();
        Set<String> values = new LinkedHashSet<>();
        for (ScanFinding f : raw) {
            if (f.kind == ScanFinding.Kind.VALUE) {
                values.add(f.line + ":" + f.column);
            }
        }
        for (ScanFinding f : raw) {
            if (!seen.add(f.line + ":" + f.column + ":" + f.rule())
                    || (f.kind == ScanFinding.Kind.FORMAT && values.contains(f.line + ":" + f.column))) {
                continue; // a known value found there already says more than its shape
            }
            if (inlineAllowed(text, lineStarts, f.line) || allowlist.allows(f)) {
                allowed++;
                continue;
            }
            out.add(f);
        }
        out.sort((a, b) -> a.line != b.line ? Integer.compare(a.line, b.line) : Integer.compare(a.column, b.column));
        return out;
    }

    private static boolean overlaps(List<int[]> spans, int start, int end) {
        for (int[] s : spans) {
            if (start < s[1] && s[0] < end) {
                return true;
            }
        }
        return false;
    }

    private static ScanFinding at(String path, int[] lineStarts, int offset, ScanFinding.Kind kind, String id) {
        int line = Arrays.binarySearch(lineStarts, offset);
        if (line < 0) {
            line = -line - 2;
        }
        return new ScanFinding(path, line + 1, offset - lineStarts[line] + 1, kind, id);
    }

    private static boolean inlineAllowed(String text, int[] lineStarts, int line) {
        String here = line(text, lineStarts, line);
        if (here.contains(ALLOW_MARKER)) {
            return true;
        }
        if (line > 1) {
            String above = line(text, lineStarts, line - 1).trim();
            // a comment line of its own: "// secret-agent:allow <reason>", "# secret-agent:allow <reason>"
            return above.contains(ALLOW_MARKER) && (above.startsWith("//") || above.startsWith("#")
                    || above.startsWith("*") || above.startsWith("/*") || above.startsWith("<!--") || above.startsWith("--"));
        }
        return false;
    }

    private static String line(String text, int[] lineStarts, int line) {
        int s = lineStarts[line - 1];
        int e = line < lineStarts.length ? lineStarts[line] : text.length();
        return text.substring(s, e);
    }

    private static int[] lineStarts(String text) {
        int n = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                n++;
            }
        }
        int[] starts = new int[n];
        int k = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts[k++] = i + 1;
            }
        }
        return starts;
    }

    static boolean binary(byte[] b) {
        int n = Math.min(b.length, 8000);
        for (int i = 0; i < n; i++) {
            if (b[i] == 0) {
                return true;
            }
        }
        return false;
    }

    /** Reads stdin whole (for --values-file -). */
    static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toByteArray();
    }
}
