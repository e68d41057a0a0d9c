package dev.secretagent.runtime.door.log4j2;

import dev.secretagent.runtime.logging.LogChannels;
import dev.secretagent.runtime.redact.Redaction;

/**
 * The door Log4j2's adapter ({@code instrument/log4j2/}) calls: a layout's bytes for one event, before the
 * appender's manager writes them. The event is at hand in the advice, so no per-thread state is needed.
 */
public final class Log4j2Door {
    private Log4j2Door() {
    }

    /** A Log4j2 layout's bytes for one event, before the appender's manager writes them. */
    public static byte[] log4j2Bytes(byte[] bytes, String logger) {
        if (bytes == null || bytes.length == 0) {
            return bytes;
        }
        return Redaction.redactUtf8ForWrite(bytes, LogChannels.log4j2(logger));
    }
}
