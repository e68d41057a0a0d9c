package dev.secretagent.runtime.rotation;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;

/**
 * A TLS certificate is due by its own {@code notAfter}, whatever its age: the earliest {@code notAfter}
 * of the PEM certificates in a value (a chain, or a certificate next to its key). Anything that does not
 * parse is ignored; nothing of the value ever reaches a message.
 */
public final class CertificateExpiry {
    private static final String BEGIN = "-----BEGIN CERTIFICATE-----";
    private static final String END = "-----END CERTIFICATE-----";

    private CertificateExpiry() {
    }

    /** Epoch ms of the earliest notAfter, or 0 when the value holds no readable certificate. */
    public static long notAfter(String value) {
        if (value == null || value.indexOf(BEGIN) < 0) {
            return 0L;
        }
        long earliest = 0L;
        int from = 0;
        while (true) {
            int b = value.indexOf(BEGIN, from);
            if (b < 0) {
                break;
            }
            int e = value.indexOf(END, b);
            if (e < 0) {
                break;
            }
            from = e + END.length();
            try {
                CertificateFactory f = CertificateFactory.getInstance("X.509");
                Certificate c = f.generateCertificate(new ByteArrayInputStream(
                        value.substring(b, from).getBytes(StandardCharsets.US_ASCII)));
                if (c instanceof X509Certificate) {
                    long t = ((X509Certificate) c).getNotAfter().getTime();
                    earliest = earliest == 0L ? t : Math.min(earliest, t);
                }
            } catch (Exception ignored) {
                // not a certificate after all: it has no notAfter to check
            }
        }
        return earliest;
    }
}
