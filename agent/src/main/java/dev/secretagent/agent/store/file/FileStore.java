package dev.secretagent.agent.store.file;

import dev.secretagent.agent.store.spi.SecretStore;
import dev.secretagent.agent.store.spi.StoreException;
import dev.secretagent.agent.store.spi.StoreException.Reason;
import dev.secretagent.agent.store.spi.StoredSecret;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The embedded store: one AES-256-GCM encrypted file with every version of every secret.
 * Readers read the file whole, without a lock (a rename is atomic, so they see the old or the new
 * file, never a half-written one). Writers take an exclusive lock on {@code <store>.lock}, re-read
 * the file under it (so two writers both survive), write a temp file in the same directory, fsync
 * it, rename it over the store and fsync the directory. A file that fails authentication is
 * refused and never overwritten.
 */
public final class FileStore implements SecretStore {
    /** Within one JVM FileChannel locks are per process, so threads also queue on this. */
    private static final ConcurrentHashMap<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;
    private final KeySource key;

    public FileStore(Path file, KeySource key) {
        this.file = file.toAbsolutePath().normalize();
        this.key = key;
    }

    /** The default key file: next to the store, named after it. */
    public static Path defaultKeyFile(Path store) {
        return store.toAbsolutePath().resolveSibling(store.getFileName() + ".key");
    }

    public Path file() {
        return file;
    }

    @Override
    public String kind() {
        return "file";
    }

    @Override
    public String location() {
        return file.toString();
    }

    /** Creates an empty store; refuses to touch an existing file. */
    public void init() throws StoreException {
        withLock(() -> {
            if (Files.exists(file)) {
                throw new StoreException(Reason.CONFIG, "store " + file + " already exists; not replacing it");
            }
            StoreContent empty = new StoreContent();
            commit(empty.encode(), StoreEnvelope.Params.fresh(key));
            return null;
        });
    }

    @Override
    public StoredSecret read(String path, String version) throws StoreException {
        StoreContent c = load().content;
        StoreContent.Entry e = c.entry(path);
        if (e == null) {
            throw new StoreException(Reason.NOT_FOUND, "no secret '" + path + "' in " + file);
        }
        if (e.revoked) {
            throw new StoreException(Reason.REVOKED, "secret '" + path + "' is revoked in " + file);
        }
        StoreContent.Version v;
        if (version == null) {
            v = e.current();
            if (v == null) {
                throw new StoreException(Reason.DESTROYED, "every version of '" + path + "' is destroyed");
            }
        } else {
            v = e.version(Integer.parseInt(version));
            if (v == null) {
                throw new StoreException(Reason.NOT_FOUND, "secret '" + path + "' has no version " + version);
            }
            if (v.destroyed) {
                throw new StoreException(Reason.DESTROYED, "version " + version + " of '" + path + "' is destroyed");
            }
            if (v != e.current() && v.expired(System.currentTimeMillis())) {
                throw new StoreException(Reason.REVOKED, "version " + version + " of '" + path
                        + "' was replaced and its overlap has ended");
            }
        }
        return new StoredSecret(path, Integer.toString(v.number), v.value(), 0L, v.created);
    }

    /** Everything in the store (for list/versions); the caller must not print values. */
    public StoreContent content() throws StoreException {
        return load().content;
    }

    /** A change to the store, applied under the writer lock to the freshly read contents. */
    public interface Change<R> {
        R apply(StoreContent content) throws StoreException;
    }

    public <R> R update(Change<R> change) throws StoreException {
        return withLock(() -> {
            Loaded l = load();
            R r = change.apply(l.content);
            commit(l.content.encode(), l.params);
            return r;
        });
    }

    private static final class Loaded {
        final StoreContent content;
        final StoreEnvelope.Params params;

        Loaded(StoreContent content, StoreEnvelope.Params params) {
            this.content = content;
            this.params = params;
        }
    }

    private Loaded load() throws StoreException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new StoreException(Reason.UNAVAILABLE, "store file " + file + " not found ('store init' creates it)");
        } catch (IOException e) {
            throw new StoreException(Reason.UNAVAILABLE, "cannot read store " + file + ": " + e.getClass().getSimpleName()
                    + " " + e.getMessage());
        }
        StoreEnvelope.Opened o = StoreEnvelope.open(bytes, key, file.toString());
        try {
            return new Loaded(StoreContent.decode(o.plaintext), o.params);
        } catch (IOException e) {
            throw new StoreException(Reason.CORRUPT, "store " + file + " refused: contents unreadable ("
                    + e.getMessage() + "); it is left as it is");
        } finally {
            java.util.Arrays.fill(o.plaintext, (byte) 0);
        }
    }

    private interface Locked<R> {
        R run() throws StoreException;
    }

    private <R> R withLock(Locked<R> body) throws StoreException {
        ReentrantLock jvmLock = JVM_LOCKS.computeIfAbsent(file, p -> new ReentrantLock());
        jvmLock.lock();
        try {
            Path dir = file.getParent();
            Files.createDirectories(dir);
            Path lockFile = file.resolveSibling(file.getFileName() + ".lock");
            try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = ch.lock()) {
                removeStaleTemps();
                return body.run();
            }
        } catch (IOException e) {
            throw new StoreException(Reason.UNAVAILABLE, "cannot lock store " + file + ": " + e.getMessage());
        } finally {
            jvmLock.unlock();
        }
    }

    /** Temp files left by a writer that was killed: only ever removed under the lock. */
    private void removeStaleTemps() {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(file.getParent(), "." + file.getFileName() + ".*.tmp")) {
            for (Path p : ds) {
                Files.deleteIfExists(p);
            }
        } catch (IOException ignored) {
            // best effort
        }
    }

    private void commit(byte[] plaintext, StoreEnvelope.Params params) throws StoreException {
        byte[] sealed;
        try {
            sealed = StoreEnvelope.seal(plaintext, key, params);
        } finally {
            java.util.Arrays.fill(plaintext, (byte) 0);
        }
        Path dir = file.getParent();
        Path tmp = dir.resolve("." + file.getFileName() + "." + Long.toHexString(RANDOM.nextLong()) + ".tmp");
        try {
            if (KeySource.posix(dir)) {
                Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(tmp);
            }
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ByteBuffer b = ByteBuffer.wrap(sealed);
                while (b.hasRemaining()) {
                    ch.write(b);
                }
                ch.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            fsyncDirectory(dir);
        } catch (FileAlreadyExistsException e) {
            throw new StoreException(Reason.UNAVAILABLE, "temp file collision in " + dir);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the next writer removes it
            }
            throw new StoreException(Reason.UNAVAILABLE, "cannot write store " + file + ": " + e.getMessage());
        }
    }

    /** Makes the rename itself durable (Linux: fsync on the directory). Not possible everywhere: best effort. */
    private static void fsyncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | RuntimeException ignored) {
            // e.g. Windows cannot open a directory
        }
    }
}
