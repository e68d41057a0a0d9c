package dev.secretagent.agent.cli.store;

import dev.secretagent.runtime.Keys;
import dev.secretagent.runtime.rotation.ValueStrength;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/** A value given by hand (stdin or --from-file), its creation time, and a warning when it is weak. */
final class ValueInput {
    private ValueInput() {
    }

    /** A value from --from-file, else stdin; one trailing newline is not part of it. */
    static String readValue(Path fromFile, InputStream stdin) throws IOException {
        byte[] bytes;
        if (fromFile != null) {
            bytes = Files.readAllBytes(fromFile);
        } else {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            int n;
            while ((n = stdin.read(buf)) > 0) {
                out.write(buf, 0, n);
            }
            bytes = out.toByteArray();
        }
        String s = new String(bytes, StandardCharsets.UTF_8);
        s = s.endsWith("\r\n") ? s.substring(0, s.length() - 2) : s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
        if (s.isEmpty()) {
            throw new IllegalArgumentException("empty value: pipe it on stdin or give --from-file <file>");
        }
        return s;
    }

    /** A warning on stderr for a weak value put by hand; it names the path, never the value. */
    static void warnIfWeak(String path, String value, Map<String, String> options) {
        int minLength;
        try {
            minLength = Keys.MIN_LENGTH.in(options);
        } catch (NumberFormatException e) {
            minLength = Keys.MIN_LENGTH.defaultValue();
        }
        String w = ValueStrength.warning(path, value, minLength);
        if (w != null) {
            System.err.println("secret-agent store: warning: " + w);
        }
    }

    /** --created: an ISO-8601 instant not in the future; null means now. */
    static long createdAt(String created) {
        long now = System.currentTimeMillis();
        if (created == null) {
            return now;
        }
        long t;
        try {
            t = Instant.parse(created).toEpochMilli();
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("--created must be an ISO-8601 instant such as 2025-01-31T00:00:00Z");
        }
        if (t > now) {
            throw new IllegalArgumentException("--created must not be in the future");
        }
        return t;
    }
}
