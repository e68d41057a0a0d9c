package dev.secretagent.runtime.audit;

import dev.secretagent.runtime.Keys;
import dev.secretagent.runtime.redact.Diagnostics;
import dev.secretagent.runtime.Settings;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.SecureRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code secret.fingerprint}: {@code hmac-sha256:<hex>} of a secret value under a per-installation key,
 * so a security team holding the key can tell whether a value found somewhere is one of theirs while
 * the audit log holds no value. The key lives in {@code fingerprint.key.file} (default
 * {@code ~/.secret-agent/fingerprint.key}), created with mode 0600 when missing, never logged.
 * Off unless {@code audit.fingerprint=true}.
 */
public final class Fingerprints {
    private static volatile SecretKeySpec key;
    /** Value to fingerprint: the values are in this JVM's memory anyway; bounded so it cannot grow forever. */
    private static final ConcurrentHashMap<String, String> CACHE = new ConcurrentHashMap<String, String>();

    private Fingerprints() {
    }

    static void configure(Settings settings) {
        key = null;
        CACHE.clear();
        if (!settings.get(Keys.AUDIT_FINGERPRINT)) {
            return;
        }
        String file = settings.get(Keys.FINGERPRINT_KEY_FILE);
        Path path = file != null ? Paths.get(file)
                : Paths.get(System.getProperty("user.home", "."), ".secret-agent", "fingerprint.key");
        try {
            key = new SecretKeySpec(loadOrCreate(path), "HmacSHA256");
        } catch (IOException | RuntimeException e) {
            Diagnostics.error("audit.fingerprint: cannot read or create the key file " + path
                    + "; audit lines are written without secret.fingerprint", e);
        }
    }

    static byte[] loadOrCreate(Path path) throws IOException {
        if (!Files.exists(path)) {
            byte[] raw = new byte[32];
            new SecureRandom().nextBytes(raw);
            Path dir = path.toAbsolutePath().getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            FileSink.createPrivate(path);
            Files.write(path, (hex(raw) + "\n").getBytes(StandardCharsets.US_ASCII));
            Diagnostics.info("audit.fingerprint: created installation key file " + path + " (mode 0600)");
        }
        String text = new String(Files.readAllBytes(path), StandardCharsets.US_ASCII).trim();
        if (text.length() < 32) {
            throw new IOException("the key file holds fewer than 16 bytes (32 hex digits)");
        }
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    public static boolean enabled() {
        return key != null;
    }

    /** {@code hmac-sha256:<hex>}, or null when fingerprints are off (or the value is null). */
    public static String of(String value) {
        SecretKeySpec k = key;
        if (k == null || value == null) {
            return null;
        }
        String fp = CACHE.get(value);
        if (fp != null) {
            return fp;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(k);
            fp = "hmac-sha256:" + hex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            return null;
        }
        if (CACHE.size() < 4096) {
            CACHE.put(value, fp);
        }
        return fp;
    }

    static String hex(byte[] b) {
        char[] digits = "0123456789abcdef".toCharArray();
        StringBuilder sb = new StringBuilder(b.length * 2);
        for (byte x : b) {
            sb.append(digits[(x >> 4) & 0xF]).append(digits[x & 0xF]);
        }
        return sb.toString();
    }
}
