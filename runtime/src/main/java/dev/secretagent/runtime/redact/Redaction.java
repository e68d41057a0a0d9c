package dev.secretagent.runtime.redact;

import dev.secretagent.runtime.secret.Secret;
import dev.secretagent.runtime.secret.SecretRegistry;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The one static door every instrumentation adapter calls with text or bytes about to leave the
 * process. STUB: a naive implementation so the agent can be wired end to end; replaced by the
 * multi-pattern engine (issue 3) with the same signatures.
 */
public final class Redaction {
    private static volatile RedactionListener listener;

    private Redaction() {
    }

    public static void setListener(RedactionListener l) {
        listener = l;
    }

    /** Returns {@code text} itself when it holds no secret. Never throws: on an internal error returns a marker. */
    public static String redact(String text, String channel) {
        if (text == null) {
            return null;
        }
        try {
            String out = text;
            for (Secret s : SecretRegistry.snapshot().allValues()) {
                if (s.value().length() >= 8 && out.contains(s.value())) {
                    out = out.replace(s.value(), "[REDACTED:" + s.id() + "]");
                    notifyListener(s.id(), channel);
                }
            }
            return out;
        } catch (Throwable t) {
            return "[REDACTION-FAILED]";
        }
    }

    /** Redacts UTF-8 bytes; returns the same array instance when nothing matched. */
    public static byte[] redactUtf8(byte[] bytes, int off, int len, String channel) {
        String in = new String(bytes, off, len, StandardCharsets.UTF_8);
        String out = redact(in, channel);
        if (out == in && off == 0 && len == bytes.length) {
            return bytes;
        }
        return out.getBytes(StandardCharsets.UTF_8);
    }

    /** A stream that redacts what passes through, holding back only a tail that could still become a secret. */
    public static OutputStream redactingStream(OutputStream out, String channel) {
        return new LineBufferedRedactingStream(out, channel);
    }

    static void notifyListener(String id, String channel) {
        RedactionListener l = listener;
        if (l != null) {
            try {
                l.onRedaction(id, channel);
            } catch (Throwable ignored) {
                // a listener failure must not turn into a leak or an app failure
            }
        }
    }
}
