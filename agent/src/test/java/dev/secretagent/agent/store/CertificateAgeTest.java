package dev.secretagent.agent.store;

import dev.secretagent.agent.store.vault.TestPki;
import dev.secretagent.runtime.rotation.CertificateExpiry;
import dev.secretagent.runtime.rotation.RotationPolicy;
import dev.secretagent.runtime.rotation.SecretAge;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A certificate is due by its own notAfter (TestPki's are made for this run with keytool, valid 2 days). */
class CertificateAgeTest {
    @Test
    void aCertificateIsDueAtItsNotAfterBeforeItsCadence(@TempDir Path dir) throws Exception {
        TestPki pki = TestPki.create(dir);
        String pem = new String(Files.readAllBytes(pki.caPem), java.nio.charset.StandardCharsets.US_ASCII);
        long now = System.currentTimeMillis();
        long notAfter = CertificateExpiry.notAfter("some text before\n" + pem + "\ntrailing");
        assertThat(notAfter).isBetween(now + RotationPolicy.DAY, now + 3 * RotationPolicy.DAY);

        SecretAge a = SecretAge.of("tls.crt", "1", "prod/tls/secret-cert", "file", now, pem, RotationPolicy.defaults());
        assertThat(a.dueAt).as("notAfter comes before 90 days").isEqualTo(notAfter);
        assertThat(a.rule).isEqualTo("certificate notAfter");
        assertThat(CertificateExpiry.notAfter("-----BEGIN CERTIFICATE-----\nnot base64!\n-----END CERTIFICATE-----")).isZero();
        assertThat(CertificateExpiry.notAfter("plain value")).isZero();
    }
}
