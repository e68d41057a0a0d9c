package dev.secretagent.agent.store.file;

import dev.secretagent.agent.store.spi.StoreException;
import dev.secretagent.agent.store.spi.StoreException.Reason;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Set;

/**
 * Where the file store's 256-bit key comes from: a key file (32 random bytes, base64, mode 0600)
 * or a passphrase stretched with PBKDF2-HMAC-SHA256 (salt and iteration count live in the store's
 * header). A passphrase never comes from the command line: only a file, an environment variable
 * or stdin (the CLI).
 */
public abstract class KeySource {
    public static final int KEY_BYTES = 32;
    /** OWASP's 2023 figure for PBKDF2-HMAC-SHA256. */
    public static final int PBKDF2_ITERATIONS = 600_000;

    private KeySource() {
    }

    /** What {@link StoreEnvelope} writes into the header: 0 key file, 1 PBKDF2. */
    abstract int kdf();

    abstract SecretKeySpec key(byte[] salt, int iterations) throws StoreException;

    public abstract String describe();

    public static KeySource keyFile(Path file) {
        return new KeyFile(file);
    }

    public static KeySource passphrase(char[] passphrase, String from) {
        return new Passphrase(passphrase, from);
    }

    /** Creates a fresh key file with mode 0600; refuses to replace an existing one. */
    public static void createKeyFile(Path file) throws IOException {
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try {
            if (posix(parent)) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
        } catch (FileAlreadyExistsException e) {
            throw new IOException("key file " + file + " already exists; not replacing it");
        }
        Files.write(file, (Base64.getEncoder().encodeToString(key) + "\n").getBytes(StandardCharsets.US_ASCII));
        Arrays.fill(key, (byte) 0);
    }

    static boolean posix(Path dir) {
        try {
            return dir != null && Files.getFileAttributeView(dir, PosixFileAttributeView.class) != null;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static final class KeyFile extends KeySource {
        private final Path file;
        private volatile SecretKeySpec cached;

        KeyFile(Path file) {
            this.file = file;
        }

        @Override
        int kdf() {
            return 0;
        }

        @Override
        SecretKeySpec key(byte[] salt, int iterations) throws StoreException {
            SecretKeySpec k = cached;
            if (k != null) {
                return k;
            }
            if (!Files.isRegularFile(file)) {
                throw new StoreException(Reason.CONFIG, "key file " + file + " not found (master.key.file /"
                        + " SECRETAGENT_MASTER_KEY_FILE, or " + "'store init' to create one)");
            }
            try {
                if (posix(file.toAbsolutePath().getParent())) {
                    Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
                    for (PosixFilePermission p : perms) {
                        if (p.name().startsWith("GROUP") || p.name().startsWith("OTHERS")) {
                            throw new StoreException(Reason.CONFIG, "key file " + file + " is accessible by group or others ("
                                    + PosixFilePermissions.toString(perms) + "): chmod 600 " + file);
                        }
                    }
                }
                byte[] raw = Files.readAllBytes(file);
                byte[] key;
                if (raw.length == KEY_BYTES) {
                    key = raw;
                } else {
                    try {
                        key = Base64.getDecoder().decode(new String(raw, StandardCharsets.US_ASCII).trim());
                    } catch (IllegalArgumentException e) {
                        throw new StoreException(Reason.CONFIG, "key file " + file + " is neither 32 raw bytes nor base64");
                    } finally {
                        Arrays.fill(raw, (byte) 0);
                    }
                }
                if (key.length != KEY_BYTES) {
                    throw new StoreException(Reason.CONFIG, "key file " + file + " must hold a 256-bit key (32 bytes), has "
                            + key.length);
                }
                k = new SecretKeySpec(key, "AES");
                Arrays.fill(key, (byte) 0);
                cached = k;
                return k;
            } catch (IOException e) {
                throw new StoreException(Reason.CONFIG, "cannot read key file " + file + ": " + e.getClass().getSimpleName());
            }
        }

        @Override
        public String describe() {
            return "key file " + file;
        }
    }

    private static final class Passphrase extends KeySource {
        private final char[] passphrase;
        private final String from;
        private volatile byte[] cachedSalt;
        private volatile SecretKeySpec cached;

        Passphrase(char[] passphrase, String from) {
            this.passphrase = passphrase.clone();
            this.from = from;
        }

        @Override
        int kdf() {
            return 1;
        }

        @Override
        synchronized SecretKeySpec key(byte[] salt, int iterations) throws StoreException {
            if (cached != null && Arrays.equals(salt, cachedSalt)) {
                return cached;
            }
            try {
                PBEKeySpec spec = new PBEKeySpec(passphrase, salt, iterations, KEY_BYTES * 8);
                byte[] k = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
                spec.clearPassword();
                cached = new SecretKeySpec(k, "AES");
                Arrays.fill(k, (byte) 0);
                cachedSalt = salt.clone();
                return cached;
            } catch (GeneralSecurityException e) {
                throw new StoreException(Reason.CONFIG, "PBKDF2 not available: " + e.getClass().getSimpleName());
            }
        }

        @Override
        public String describe() {
            return "passphrase from " + from;
        }
    }
}
