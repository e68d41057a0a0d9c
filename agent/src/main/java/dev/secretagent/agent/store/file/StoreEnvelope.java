package dev.secretagent.agent.store.file;

import dev.secretagent.agent.store.spi.StoreException;
import dev.secretagent.agent.store.spi.StoreException.Reason;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * The on-disk envelope: a clear header, then AES-256-GCM ciphertext of the contents. The whole
 * header (magic, format, KDF parameters, nonce) is the GCM associated data, so changing any byte of
 * the file, truncating it or using the wrong key fails authentication and the file is refused.
 *
 * <pre>
 * "SAGS" | format=1 | kdf (0 key file, 1 PBKDF2) | [iterations:int32, saltLen:u8, salt] | nonce:12 | ciphertext+tag:16
 * </pre>
 */
final class StoreEnvelope {
    static final byte[] MAGIC = "SAGS".getBytes(StandardCharsets.US_ASCII);
    static final int FORMAT = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Far above what the agent writes ({@link KeySource#PBKDF2_ITERATIONS}): a larger count is damage. */
    static final int MAX_ITERATIONS = 10_000_000;

    private StoreEnvelope() {
    }

    /** Header parameters of an existing file, reused on rewrite so a passphrase is stretched once. */
    static final class Params {
        final byte[] salt;
        final int iterations;

        Params(byte[] salt, int iterations) {
            this.salt = salt;
            this.iterations = iterations;
        }

        static Params fresh(KeySource key) {
            if (key.kdf() == 0) {
                return new Params(new byte[0], 0);
            }
            byte[] salt = new byte[16];
            RANDOM.nextBytes(salt);
            return new Params(salt, KeySource.PBKDF2_ITERATIONS);
        }
    }

    static final class Opened {
        final byte[] plaintext;
        final Params params;

        Opened(byte[] plaintext, Params params) {
            this.plaintext = plaintext;
            this.params = params;
        }
    }

    static byte[] seal(byte[] plaintext, KeySource key, Params params) throws StoreException {
        try {
            ByteArrayOutputStream header = new ByteArrayOutputStream();
            DataOutputStream h = new DataOutputStream(header);
            h.write(MAGIC);
            h.writeByte(FORMAT);
            h.writeByte(key.kdf());
            if (key.kdf() == 1) {
                h.writeInt(params.iterations);
                h.writeByte(params.salt.length);
                h.write(params.salt);
            }
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            h.write(nonce);
            h.flush();
            byte[] aad = header.toByteArray();
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key.key(params.salt, params.iterations), new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(aad);
            byte[] ct = c.doFinal(plaintext);
            byte[] out = Arrays.copyOf(aad, aad.length + ct.length);
            System.arraycopy(ct, 0, out, aad.length, ct.length);
            return out;
        } catch (IOException | GeneralSecurityException e) {
            throw new StoreException(Reason.CONFIG, "cannot encrypt the store: " + e.getClass().getSimpleName());
        }
    }

    static Opened open(byte[] file, KeySource key, String where) throws StoreException {
        ByteBuffer b = ByteBuffer.wrap(file);
        try {
            byte[] magic = new byte[4];
            b.get(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw corrupt(where, "not a secret-agent store, or its header is damaged (bad magic)");
            }
            int format = b.get() & 0xff;
            if (format != FORMAT) {
                throw corrupt(where, "unsupported store format " + format + " (a newer agent's, or the header is damaged)");
            }
            int kdf = b.get() & 0xff;
            if (kdf != 0 && kdf != 1) {
                throw corrupt(where, "the header is damaged or was tampered with (unknown key derivation " + kdf + ")");
            }
            if (kdf != key.kdf()) {
                throw kdfMismatch(file, kdf, key, where);
            }
            Params params = new Params(new byte[0], 0);
            if (kdf == 1) {
                int iterations = b.getInt();
                int saltLen = b.get() & 0xff;
                // bounds both ways: a flipped high bit must not make the agent stretch a passphrase for hours
                if (iterations < 10_000 || iterations > MAX_ITERATIONS || saltLen < 8 || saltLen > 64) {
                    throw corrupt(where, "the header is damaged or was tampered with (implausible KDF parameters)");
                }
                byte[] salt = new byte[saltLen];
                b.get(salt);
                params = new Params(salt, iterations);
            }
            byte[] nonce = new byte[NONCE_BYTES];
            b.get(nonce);
            int headerLen = b.position();
            if (file.length - headerLen < TAG_BITS / 8) {
                throw corrupt(where, "truncated or damaged");
            }
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key.key(params.salt, params.iterations), new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(file, 0, headerLen);
            byte[] plain = c.doFinal(file, headerLen, file.length - headerLen);
            return new Opened(plain, params);
        } catch (java.nio.BufferUnderflowException e) {
            throw corrupt(where, "truncated or damaged");
        } catch (AEADBadTagException e) {
            throw corrupt(where, "fails authentication: wrong key (" + key.describe()
                    + "), or the file is damaged, was modified or truncated");
        } catch (GeneralSecurityException e) {
            throw corrupt(where, "cannot decrypt: " + e.getClass().getSimpleName());
        }
    }

    /**
     * The header names another kind of key than the one given. Either the store really was made with the
     * other kind, or the kdf byte itself is damaged: the header is authenticated, so the given key tells
     * which (it opens the file once the byte is read as its own kind only when the byte was altered).
     */
    private static StoreException kdfMismatch(byte[] file, int kdf, KeySource key, String where) {
        if (key.kdf() == 0 || key.kdf() == 1) {
            byte[] repaired = file.clone();
            repaired[5] = (byte) key.kdf();
            try {
                open(repaired, key, where);
                return corrupt(where, "the header is damaged or was tampered with (its key-derivation byte was altered)");
            } catch (StoreException e) {
                // the key does not open it either way: a real mismatch (or a file damaged beyond that byte)
            }
        }
        return new StoreException(Reason.CONFIG, where + " is protected by a " + kindOf(kdf) + ", but a "
                + kindOf(key.kdf()) + " was given (if it was made with a " + kindOf(key.kdf())
                + ", its header is damaged)");
    }

    private static String kindOf(int kdf) {
        return kdf == 1 ? "passphrase" : "key file";
    }

    private static StoreException corrupt(String where, String why) {
        return new StoreException(Reason.CORRUPT, "store " + where + " refused: " + why + "; it is left as it is");
    }
}
