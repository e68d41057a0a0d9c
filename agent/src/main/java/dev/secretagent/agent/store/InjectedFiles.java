package dev.secretagent.agent.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Secrets delivered as files: mode 0600, on a RAM-backed file system where there is one
 * ({@code /dev/shm}) so the value never reaches a disk, replaced atomically on rotation, removed on
 * revocation and at exit.
 */
final class InjectedFiles {
    private static final Set<Path> WRITTEN = ConcurrentHashMap.newKeySet();
    private static volatile Path ramDir;
    private static volatile boolean hookInstalled;

    private InjectedFiles() {
    }

    /** A relative name lands in a private per-process directory on /dev/shm (else the temp directory). */
    static Path resolve(String name) throws IOException {
        Path p = Paths.get(name);
        if (p.isAbsolute()) {
            return p;
        }
        return privateDir().resolve(name);
    }

    private static synchronized Path privateDir() throws IOException {
        if (ramDir == null) {
            Path shm = Paths.get("/dev/shm");
            Path base = Files.isDirectory(shm) && Files.isWritable(shm) ? shm : Paths.get(System.getProperty("java.io.tmpdir"));
            Path dir = base.resolve("secret-agent-" + ProcessHandle.current().pid());
            if (!Files.isDirectory(dir)) {
                try {
                    Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                } catch (UnsupportedOperationException e) {
                    Files.createDirectory(dir);
                }
            }
            ramDir = dir;
            WRITTEN.add(dir);
        }
        return ramDir;
    }

    static void write(Path target, String value) throws IOException {
        installHook();
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = dir.resolve("." + target.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        try {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(tmp);
        }
        Files.write(tmp, value.getBytes(StandardCharsets.UTF_8));
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        WRITTEN.add(target);
    }

    static void remove(Path target) {
        try {
            Files.deleteIfExists(target);
        } catch (IOException ignored) {
            // removed at exit
        }
        WRITTEN.remove(target);
    }

    private static synchronized void installHook() {
        if (!hookInstalled) {
            // a class, not a lambda: nothing before main bootstraps the lambda machinery (see AgentEntry)
            Runtime.getRuntime().addShutdownHook(new Thread("secret-agent-files") {
                @Override
                public void run() {
                    removeAll();
                }
            });
            hookInstalled = true;
        }
    }

    static void removeAll() {
        // files first, then the private directory
        for (Path p : WRITTEN.toArray(new Path[0])) {
            if (!Files.isDirectory(p)) {
                remove(p);
            }
        }
        for (Path p : WRITTEN.toArray(new Path[0])) {
            remove(p);
        }
    }
}
