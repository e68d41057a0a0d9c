package dev.secretagent.runtime.redact;

import dev.secretagent.runtime.Settings;
import dev.secretagent.runtime.secret.Secret;
import dev.secretagent.runtime.secret.SecretRegistry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * What one build of the engine makes of a text, through each door: for {@link dev.secretagent.bench.EngineDiff},
 * which compares two builds. Default settings (every detector, the default names).
 */
public final class EngineOutputs {
    private EngineOutputs() {
    }

    public static void setUp(String[] values) {
        Settings.install(new Settings(Collections.<String, String>emptyMap(),
                Collections.<String, List<Map<String, Object>>>emptyMap()));
        SecretRegistry.reset();
        List<Secret> list = new ArrayList<Secret>();
        for (int i = 0; i < values.length; i++) {
            list.add(new Secret("S" + i, "1", values[i], "diff"));
        }
        SecretRegistry.putAll(list);
    }

    /**
     * The text redacted as a String, as UTF-8 bytes [a, b), as the substring [a, b), and through a byte stream in
     * random writes and flushes ({@code seed}), joined by U+0001.
     */
    public static String outputs(String text, int a, int b, long seed) throws IOException {
        StringBuilder out = new StringBuilder();
        out.append(Redaction.redact(text, "diff")).append('\u0001');
        byte[] u = text.getBytes(StandardCharsets.UTF_8);
        int ua = Math.min(a, u.length);
        int ub = Math.min(Math.max(ua, b), u.length);
        out.append(new String(Redaction.redactUtf8(u, ua, ub - ua, "diff"), StandardCharsets.ISO_8859_1));
        out.append('\u0001').append(Redaction.redact(text.substring(a, b), "diff")).append('\u0001');
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        Random r = new Random(seed);
        try (OutputStream os = new RedactingOutputStream(sink, "diff")) {
            for (int i = 0; i < u.length; ) {
                int n = Math.min(u.length - i, 1 + r.nextInt(300));
                os.write(u, i, n);
                i += n;
                if (r.nextInt(4) == 0) {
                    os.flush();
                }
            }
        }
        return out.append(new String(sink.toByteArray(), StandardCharsets.ISO_8859_1)).toString();
    }
}
