package dev.secretagent.runtime.redact;

import dev.secretagent.runtime.Settings;
import dev.secretagent.runtime.secret.Secret;
import dev.secretagent.runtime.secret.SecretRegistry;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

public final class TestSupport {
    static final SecureRandom RND = new SecureRandom();
    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private TestSupport() {
    }

    public static String random(String prefix, int n) {
        StringBuilder sb = new StringBuilder(prefix);
        for (int i = 0; i < n; i++) {
            sb.append(ALNUM.charAt(RND.nextInt(ALNUM.length())));
        }
        return sb.toString();
    }

    public static void settings(String... kv) {
        Map<String, String> m = new HashMap<String, String>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        Settings.install(new Settings(m, Collections.<String, List<Map<String, Object>>>emptyMap()));
    }

    public static void secret(String id, String value) {
        SecretRegistry.put(new Secret(id, "1", value, "test"));
    }

    /** Marks {@code a} as a hook's redacted output on this thread, as the hooks' doors do (for tests of other packages). */
    public static void markRedacted(byte[] a) {
        AlreadyRedacted.mark(a);
    }

    /** Writes text through a redacting stream in the given chunk sizes (cycled), flushing when told. */
    static String stream(String text, int[] chunks, boolean flushEach) throws Exception {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        OutputStream s = Redaction.redactingStream(sink, "test");
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        int at = 0;
        int k = 0;
        while (at < b.length) {
            int n = Math.min(b.length - at, Math.max(1, chunks[k++ % chunks.length]));
            s.write(b, at, n);
            if (flushEach) {
                s.flush();
            }
            at += n;
        }
        s.close();
        return new String(sink.toByteArray(), StandardCharsets.UTF_8);
    }
}
