package dev.secretagent.agent.store.dir;

import dev.secretagent.agent.store.spi.SecretStore;
import dev.secretagent.agent.store.spi.StoreException;
import dev.secretagent.agent.store.spi.StoreException.Reason;
import dev.secretagent.agent.store.spi.StoredSecret;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * One secret per file in a directory: Kubernetes secret volumes, Docker {@code /run/secrets},
 * systemd {@code $CREDENTIALS_DIRECTORY}. Kubernetes updates a volume by writing a new timestamped
 * directory and swapping the {@code ..data} symlink atomically; every key is a symlink through
 * {@code ..data}, so reading the key's path always gives one consistent generation, and the
 * generation's directory name serves as the version. Elsewhere the file's modification time does.
 * One trailing newline (what {@code echo} and most tools add) is not part of the value.
 */
public final class DirStore implements SecretStore {
    private final Path dir;

    public DirStore(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    /** store.dir.path, else $CREDENTIALS_DIRECTORY (systemd), else /run/secrets (Docker). */
    public static Path defaultDirectory() {
        String creds = System.getenv("CREDENTIALS_DIRECTORY");
        return creds != null && !creds.isEmpty() ? Paths.get(creds) : Paths.get("/run/secrets");
    }

    @Override
    public String kind() {
        return "dir";
    }

    @Override
    public String location() {
        return dir.toString();
    }

    @Override
    public StoredSecret read(String path, String version) throws StoreException {
        if (path.contains("..") || path.startsWith("/") || path.contains("\\")) {
            throw new StoreException(Reason.CONFIG, "secret name '" + path + "' must be a plain name inside " + dir);
        }
        if (!Files.isDirectory(dir)) {
            throw new StoreException(Reason.UNAVAILABLE, "secret directory " + dir + " does not exist (volume not mounted?)");
        }
        Path f = dir.resolve(path);
        // Read the generation before and after the value: if Kubernetes swapped ..data in between, read again.
        for (int attempt = 0; attempt < 3; attempt++) {
            String before = generation(f);
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(f);
            } catch (NoSuchFileException e) {
                throw new StoreException(Reason.NOT_FOUND, "no secret file '" + path + "' in " + dir);
            } catch (AccessDeniedException e) {
                throw new StoreException(Reason.DENIED, "secret file '" + path + "' in " + dir + " is not readable by this user");
            } catch (IOException e) {
                throw new StoreException(Reason.UNAVAILABLE, "cannot read secret file '" + path + "' in " + dir + ": "
                        + e.getClass().getSimpleName());
            }
            String after = generation(f);
            if (before.equals(after)) {
                if (version != null && !version.equals(after)) {
                    throw new StoreException(Reason.NOT_FOUND, "secret file '" + path + "' is at version " + after
                            + ", not " + version + " (a directory keeps only the current version)");
                }
                return new StoredSecret(path, after, trimOneNewline(new String(bytes, StandardCharsets.UTF_8)), 0L, modified(f));
            }
        }
        throw new StoreException(Reason.UNAVAILABLE, "secret directory " + dir + " kept changing while reading '" + path + "'");
    }

    private String generation(Path f) {
        Path data = dir.resolve("..data");
        try {
            if (Files.isSymbolicLink(data)) {
                return Files.readSymbolicLink(data).toString();
            }
            return Long.toString(Files.getLastModifiedTime(f, LinkOption.NOFOLLOW_LINKS).toMillis());
        } catch (IOException e) {
            return "?";
        }
    }

    /** The creation time a directory can give: the file's modification time (following ..data links); 0 when unknown. */
    private static long modified(Path f) {
        try {
            return Files.getLastModifiedTime(f).toMillis();
        } catch (IOException e) {
            return 0L;
        }
    }

    static String trimOneNewline(String s) {
        if (s.endsWith("\r\n")) {
            return s.substring(0, s.length() - 2);
        }
        if (s.endsWith("\n")) {
            return s.substring(0, s.length() - 1);
        }
        return s;
    }
}
