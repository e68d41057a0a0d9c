package dev.secretagent.agent.store.vault;

import dev.secretagent.agent.store.spi.StoreException;
import dev.secretagent.agent.store.spi.StoreException.Reason;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.security.KeyStore;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.Collection;

/** TLS towards Vault: whom to trust, and what to tell the operator when the server's certificate is refused. */
final class VaultTls {
    private VaultTls() {
    }

    /** The CA bundle named by vault.ca.file becomes the only trust anchor for Vault. */
    static SSLContext sslContext(String caFile) throws StoreException {
        try (InputStream in = Files.newInputStream(Paths.get(caFile))) {
            Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certs.isEmpty()) {
                throw new StoreException(Reason.CONFIG, "vault.ca.file " + caFile + " holds no certificate");
            }
            KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
            ks.load(null, null);
            int i = 0;
            for (Certificate c : certs) {
                ks.setCertificateEntry("ca-" + i++, c);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ks);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (StoreException e) {
            throw e;
        } catch (Exception e) {
            throw new StoreException(Reason.CONFIG, "vault.ca.file " + caFile + " unusable: " + e.getClass().getSimpleName()
                    + " " + e.getMessage());
        }
    }

    /**
     * A refused server certificate is a configuration problem the operator must be told how to fix:
     * name vault.ca.file (unset: the JVM's default trust store was used; set: it does not hold the CA
     * that signed the server's certificate, or the certificate is not issued for the host in vault.addr).
     */
    static String hint(IOException e, String caFile) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SSLHandshakeException || t instanceof CertificateException
                    || t instanceof CertPathValidatorException
                    || t instanceof CertPathBuilderException) {
                return caFile == null
                        ? "the server's TLS certificate is not trusted by the JVM's default trust store; set vault.ca.file"
                        + " to the PEM bundle of the CA that signed it; "
                        : "the server's TLS certificate is not trusted: vault.ca.file " + caFile + " does not hold the CA"
                        + " that signed it, or the certificate is not issued for the host in vault.addr; ";
            }
        }
        return "";
    }
}
