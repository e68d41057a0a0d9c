package dev.secretagent.agent.store.vault;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away certificate authority and a server certificate signed by it, made at test time with
 * the JDK's keytool into a temporary directory (no key material is ever committed): the CA as a PEM
 * file (what vault.ca.file names) and the server's key and chain as a PKCS#12 keystore for
 * {@link FakeVault}'s HTTPS server. The server certificate is issued for localhost and 127.0.0.1.
 */
public final class TestPki {
    /** PEM bundle of the CA certificate: the value for vault.ca.file. */
    public final Path caPem;
    /** PKCS#12 keystore with the server's private key and its chain (server, CA). */
    public final Path serverKeystore;
    private final char[] storePassword;

    private TestPki(Path caPem, Path serverKeystore, char[] storePassword) {
        this.caPem = caPem;
        this.serverKeystore = serverKeystore;
        this.storePassword = storePassword;
    }

    /** A fresh CA and a server certificate it signed, under dir. */
    public static TestPki create(Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        // a per-run keystore password, passed to keytool through its environment (not its arguments)
        char[] pw = randomPassword();
        Path ca = dir.resolve("ca.p12");
        Path caPem = dir.resolve("ca.pem");
        Path server = dir.resolve("server.p12");
        Path csr = dir.resolve("server.csr");
        Path serverPem = dir.resolve("server.pem");
        keytool(pw, "-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=secret-agent test CA " + dir.getFileName(), "-ext", "bc:c",
                "-keystore", ca.toString(), "-storetype", "PKCS12");
        keytool(pw, "-exportcert", "-alias", "ca", "-rfc", "-file", caPem.toString(), "-keystore", ca.toString());
        keytool(pw, "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=localhost", "-keystore", server.toString(), "-storetype", "PKCS12");
        keytool(pw, "-certreq", "-alias", "server", "-file", csr.toString(), "-keystore", server.toString());
        keytool(pw, "-gencert", "-alias", "ca", "-infile", csr.toString(), "-outfile", serverPem.toString(), "-rfc",
                "-validity", "2", "-ext", "san=dns:localhost,ip:127.0.0.1", "-ext", "eku=serverAuth",
                "-keystore", ca.toString());
        keytool(pw, "-importcert", "-alias", "ca", "-file", caPem.toString(), "-noprompt", "-keystore", server.toString());
        keytool(pw, "-importcert", "-alias", "server", "-file", serverPem.toString(), "-keystore", server.toString());
        Files.delete(csr);
        return new TestPki(caPem, server, pw);
    }

    /** An SSLContext for a server presenting the certificate this CA signed. */
    public SSLContext serverContext() throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(serverKeystore)) {
            ks.load(in, storePassword);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, storePassword);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        return ctx;
    }

    private static void keytool(char[] pw, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Paths.get(System.getProperty("java.home"), "bin", "keytool").toString());
        cmd.addAll(Arrays.asList(args));
        cmd.add("-storepass:env");
        cmd.add("TEST_PKI_STOREPASS");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("TEST_PKI_STOREPASS", new String(pw));
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException("keytool " + args[0] + " failed: " + out);
        }
    }

    private static char[] randomPassword() {
        SecureRandom r = new SecureRandom();
        String alphabet = "abcdefghijkmnopqrstuvwxyz23456789";
        char[] c = new char[20];
        for (int i = 0; i < c.length; i++) {
            c[i] = alphabet.charAt(r.nextInt(alphabet.length()));
        }
        return c;
    }
}
