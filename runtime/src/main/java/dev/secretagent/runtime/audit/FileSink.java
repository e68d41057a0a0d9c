package dev.secretagent.runtime.audit;

import dev.secretagent.runtime.redact.Diagnostics;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The audit file: created with mode 0600 (POSIX), appended to, rotated by size ({@code audit.max.file.size};
 * {@code file.1} is the newest rotated file, at most {@code audit.max.files} are kept).
 *
 * <p>A file that cannot be opened or written (read-only directory, full disk) never breaks the
 * application: the line is counted as lost, Diagnostics says so once per outage, opening is retried at
 * most once a second, and the first line written after recovery is an {@code audit-loss} line with
 * the count. Lines still lost at shutdown are reported through Diagnostics.
 */
final class FileSink implements AuditSink {
    interface LossLines {
        String lossLine(long count, String reason);
    }

    private static final long RETRY_MILLIS = 1000;
    private static final Set<PosixFilePermission> OWNER_RW = PosixFilePermissions.fromString("rw-------");

    private final Path file;
    private final long maxSize;
    private final int maxFiles;
    private final LossLines lossLines;
    private OutputStream out;
    private long size;
    private long lost;
    private String lostReason;
    private long nextRetry;

    FileSink(Path file, long maxSize, int maxFiles, LossLines lossLines) {
        this.file = file;
        this.maxSize = maxSize;
        this.maxFiles = maxFiles;
        this.lossLines = lossLines;
    }

    @Override
    public boolean write(String line) {
        if (out == null && !open()) {
            return loss(null);
        }
        try {
            if (lost > 0) {
                byte[] report = (lossLines.lossLine(lost, "audit file not writable: " + lostReason) + "\n")
                        .getBytes(StandardCharsets.UTF_8);
                append(report);
                Diagnostics.warn("audit file " + file + " is writable again; " + lost + " audit line(s) were lost");
                lost = 0;
                lostReason = null;
            }
            append((line + "\n").getBytes(StandardCharsets.UTF_8));
            return true;
        } catch (IOException e) {
            closeQuietly();
            return loss(e);
        }
    }

    private void append(byte[] bytes) throws IOException {
        if (size > 0 && size + bytes.length > maxSize) {
            rotate();
        }
        out.write(bytes);
        size += bytes.length;
    }

    private boolean loss(IOException e) {
        if (lost == 0) {
            lostReason = e != null ? describe(e) : lostReason == null ? "cannot open" : lostReason;
            Diagnostics.error("audit file " + file + " cannot be written (" + lostReason
                    + "); the application keeps running, lost audit lines are counted and reported");
        }
        lost++;
        return false;
    }

    private static String describe(IOException e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    private boolean open() {
        long now = System.currentTimeMillis();
        if (now < nextRetry) {
            return false;
        }
        nextRetry = now + RETRY_MILLIS;
        try {
            Path dir = file.toAbsolutePath().getParent();
            if (dir != null && !Files.isDirectory(dir)) {
                Files.createDirectories(dir);
            }
            createPrivate(file);
            out = Files.newOutputStream(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            size = Files.size(file);
            return true;
        } catch (IOException e) {
            if (lost == 0) {
                lostReason = describe(e);
            }
            out = null;
            return false;
        }
    }

    /** Creates the file 0600 from the start (no window with wider rights); tightens an existing one. */
    static void createPrivate(Path p) throws IOException {
        boolean posix = p.toAbsolutePath().getFileSystem().supportedFileAttributeViews().contains("posix");
        if (!Files.exists(p)) {
            try {
                if (posix) {
                    FileAttribute<Set<PosixFilePermission>> attr = PosixFilePermissions.asFileAttribute(OWNER_RW);
                    Files.createFile(p, attr);
                } else {
                    Files.createFile(p);
                }
                return;
            } catch (FileAlreadyExistsException raced) {
                // another JVM created it: fall through and tighten
            }
        }
        if (posix && Files.isRegularFile(p)) { // never chmod a device (/dev/full, /dev/stderr) or a pipe
            try {
                if (!Files.getPosixFilePermissions(p).equals(OWNER_RW)) {
                    Files.setPosixFilePermissions(p, OWNER_RW);
                }
            } catch (IOException notOwner) {
                // a file we do not own: keep writing; the operator chose its rights
            }
        }
    }

    private void rotate() throws IOException {
        out.close();
        out = null;
        for (int i = maxFiles - 1; i >= 1; i--) {
            Path from = rotated(i);
            if (Files.exists(from)) {
                Files.move(from, rotated(i + 1), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.deleteIfExists(rotated(maxFiles + 1));
        if (maxFiles >= 1) {
            Files.move(file, rotated(1), StandardCopyOption.REPLACE_EXISTING);
        } else {
            Files.deleteIfExists(file);
        }
        createPrivate(file);
        out = Files.newOutputStream(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        size = 0;
    }

    private Path rotated(int i) {
        return file.resolveSibling(file.getFileName() + "." + i);
    }

    @Override
    public void flush() {
        try {
            if (out != null) {
                out.flush();
            }
        } catch (IOException e) {
            closeQuietly();
        }
    }

    @Override
    public String pendingLossReport() {
        return lost == 0 ? null : lost + " audit line(s) lost: audit file " + file + " not writable (" + lostReason + ")";
    }

    @Override
    public void close() {
        closeQuietly();
    }

    private void closeQuietly() {
        try {
            if (out != null) {
                out.close();
            }
        } catch (IOException ignored) {
            // reported through the loss count
        }
        out = null;
    }
}
