package dev.secretagent.runtime.door.logback;

import dev.secretagent.runtime.logging.StringGetter;
import dev.secretagent.runtime.redact.CutScan;

/**
 * The hot path of a clean Logback line: when the line starts with a prefix this thread found clean and closed with
 * the engine in use ({@link CleanPrefixes}), only the rest is scanned; when the rest is clean too, the line goes out
 * as it is, marked for the stream or file net it is written to next. Anything else returns null and the caller
 * scans the whole line as before: a prefix never seen, a line that holds a secret (found, masked and reported by
 * that whole scan), an engine rebuilt by a rotation (its prefixes no longer match by engine).
 *
 * <p>Why this equals the whole line's scan: a prefix is kept only when it holds nothing to redact and a cut after
 * it changes nothing (no known form's start at its end, no rule left open, no name's start): the same cut the
 * streaming redactors make between two writes. A secret in the timestamp, thread or logger name, a literal or a
 * custom converter's output changes no verdict here: those bytes are judged as they were written (a prefix is
 * matched byte for byte), and a prefix that held one was never kept. The message, its arguments, the MDC and a
 * stack trace after it are in the rest, scanned whole, so a secret split between template and argument, a
 * secret with spaces or a name in one argument and its value in the next are seen as the whole scan sees them.
 */
final class CleanLines {
    private static final int LINE_SEPARATOR = System.lineSeparator().length();
    /**
     * The event's formatted message: Logback computed it for the layout and keeps it in the event, so at
     * {@code writeBytes} this is a field read behind a reflective call.
     */
    private static final StringGetter FORMATTED_MESSAGE = new StringGetter("getFormattedMessage");

    private CleanLines() {
    }

    /** {@code line} itself (marked) when it is clean by a kept prefix and a scan of its rest; null to scan it whole. */
    static byte[] cleanOrNull(CleanPrefixes kept, byte[] line, Object event) {
        Object engine = CutScan.engine();
        if (engine == null) {
            return null;
        }
        int cut = kept.match(line, engine);
        if (cut == 0) {
            if (!kept.shouldLearn()) {
                return null;
            }
            cut = messageStart(line, event);
            if (cut <= 0 || !CutScan.cleanAndClosed(engine, line, 0, cut)) {
                return null;
            }
            kept.keep(line, cut, engine);
        }
        return CutScan.clean(engine, line, cut, line.length) ? CutScan.markedClean(line) : null;
    }

    /**
     * Where the event's formatted message starts in {@code line} when the line ends with it and a line separator
     * (a pattern ending in {@code %msg%n}: the usual one); else 0. Only the choice of the cut depends on this:
     * any cut is exact, this one makes the prefix repeat from line to line.
     */
    static int messageStart(byte[] line, Object event) {
        String message = FORMATTED_MESSAGE.of(event);
        if (message == null) {
            return 0;
        }
        int n = message.length();
        int start = line.length - LINE_SEPARATOR - n;
        if (start <= 0) {
            return 0;
        }
        for (int i = 0; i < n; i++) {
            char c = message.charAt(i);
            if (c >= 0x80 || line[start + i] != (byte) c) {
                return 0; // not there, or not ASCII (then its UTF-8 length differs): no prefix learnt from this line
            }
        }
        return start;
    }
}
