package dev.secretagent.agent.store.file;

import dev.secretagent.agent.store.spi.StoreException;
import dev.secretagent.agent.store.spi.StoreException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 14: any change to any byte of a store's clear header is reported as damage to that file, never as
 * a message that contradicts itself ("protected by a key file, but a key file was given").
 */
class StoreEnvelopeHeaderTest {
    private static final String WHERE = "/srv/app/secrets.store";
    private static final int[] MASKS = {0x01, 0x02, 0x04, 0x08, 0x10, 0x20, 0x40, 0x80, 0xff};

    @TempDir
    Path dir;

    @Test
    void everyAlteredHeaderByteOfAKeyFileStoreIsReportedAsDamage() throws Exception {
        Path keyFile = dir.resolve("s.key");
        KeySource.createKeyFile(keyFile);
        KeySource key = KeySource.keyFile(keyFile);
        byte[] sealed = StoreEnvelope.seal(plaintext(), key, StoreEnvelope.Params.fresh(key));
        assertThat(StoreEnvelope.open(sealed, key, WHERE).plaintext).isEqualTo(plaintext());
        everyHeaderByteIsDamage(sealed, key, 4 + 1 + 1 + 12);
    }

    @Test
    void everyAlteredHeaderByteOfAPassphraseStoreIsReportedAsDamage() throws Exception {
        KeySource key = KeySource.passphrase("correct horse battery".toCharArray(), "test");
        byte[] salt = new byte[16];
        for (int i = 0; i < salt.length; i++) {
            salt[i] = (byte) (i * 7 + 3);
        }
        // the smallest count the envelope accepts keeps the 351 openings fast
        byte[] sealed = StoreEnvelope.seal(plaintext(), key, new StoreEnvelope.Params(salt, 10_000));
        assertThat(StoreEnvelope.open(sealed, key, WHERE).plaintext).isEqualTo(plaintext());
        everyHeaderByteIsDamage(sealed, key, 4 + 1 + 1 + 4 + 1 + 16 + 12);
    }

    @Test
    void aStoreMadeWithTheOtherKindOfKeyIsStillNamedAsSuch() throws Exception {
        Path keyFile = dir.resolve("s.key");
        KeySource.createKeyFile(keyFile);
        KeySource fileKey = KeySource.keyFile(keyFile);
        byte[] sealed = StoreEnvelope.seal(plaintext(), fileKey, StoreEnvelope.Params.fresh(fileKey));
        KeySource passphrase = KeySource.passphrase("another one entirely".toCharArray(), "test");
        assertThatThrownBy(() -> StoreEnvelope.open(sealed, passphrase, WHERE))
                .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.getMessage())
                        .startsWith(WHERE + " is protected by a key file, but a passphrase was given"));
    }

    private static void everyHeaderByteIsDamage(byte[] sealed, KeySource key, int headerLength) {
        for (int pos = 0; pos < headerLength; pos++) {
            for (int mask : MASKS) {
                byte[] altered = sealed.clone();
                altered[pos] ^= (byte) mask;
                final int p = pos;
                final int m = mask;
                assertThatThrownBy(() -> StoreEnvelope.open(altered, key, WHERE))
                        .as("byte %d ^ 0x%02x", p, m)
                        .isInstanceOfSatisfying(StoreException.class, e -> {
                            assertThat(e.reason()).as("byte %d ^ 0x%02x: %s", p, m, e.getMessage()).isEqualTo(Reason.CORRUPT);
                            assertThat(e.getMessage()).as("byte %d ^ 0x%02x", p, m)
                                    .contains(WHERE).contains("refused").contains("damaged").doesNotContain(", but a");
                        });
            }
        }
    }

    private static byte[] plaintext() {
        return "{\"version\":1}".getBytes(StandardCharsets.UTF_8);
    }
}
