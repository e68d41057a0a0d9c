package dev.secretagent.runtime.redact;

/**
 * Scans of part of a text for a door that knows a line's first bytes were clean before (a log line's timestamp,
 * level, thread and logger repeat from line to line). The cut is the one the streaming redactors make between two
 * writes ({@link HoldBackRedactor}): when the first part holds nothing to redact, no start of a known form at its
 * end, no rule left open and no start of a name at its end, the second part scanned on its own gives the verdict
 * the whole text would. A door keeps such first parts, with the engine they were checked by, and scans only the rest.
 *
 * <p>Every method answers "not clean" on any internal error: the caller then scans the whole text as before.
 */
public final class CutScan {
    private CutScan() {
    }

    /** The engine in use now: opaque, compared by identity (a new one after every rotation or settings change). */
    public static Object engine() {
        try {
            return Redaction.engine();
        } catch (Throwable t) {
            return null;
        }
    }

    /**
     * True when UTF-8 {@code b[from, to)} holds nothing to redact for {@code engine} and a cut at {@code to}
     * changes nothing: no tail that starts a known form, no rule whose value runs into the end, no tail that
     * may start a rule's name.
     */
    public static boolean cleanAndClosed(Object engine, byte[] b, int from, int to) {
        if (!usable(engine, b, from, to)) {
            return false;
        }
        try {
            Engine e = (Engine) engine;
            RuleScanner.Open open = new RuleScanner.Open();
            if (e.find(b, from, to, null, open) != null || open.from != Integer.MAX_VALUE) {
                return false;
            }
            return e.heldTail(b, from, to) == 0
                    && e.rules.triggerTail(new RuleScanner.Latin1(b), from, to) == 0;
        } catch (Throwable t) {
            return false;
        }
    }

    /** True when UTF-8 {@code b[from, to)}, scanned as a whole text, holds nothing to redact for {@code engine}. */
    public static boolean clean(Object engine, byte[] b, int from, int to) {
        try {
            if (!usable(engine, b, from, to)) {
                return false;
            }
            Engine e = (Engine) engine;
            return e.rules.scan(b, from, to, e.known(b, from, to, null), OPEN_SINK) == null;
        } catch (Throwable t) {
            return false;
        }
    }

    /** An engine of ours and a range inside {@code b}. */
    private static boolean usable(Object engine, byte[] b, int from, int to) {
        return engine instanceof Engine && b != null && from >= 0 && to <= b.length && from <= to;
    }

    /** Marks {@code b}, found clean, as a hook's output for the write that follows (see AlreadyRedacted); returns it. */
    public static byte[] markedClean(byte[] b) {
        try {
            AlreadyRedacted.mark(b);
        } catch (Throwable t) {
            // not marked: the stream or net scans it again, which is only slower
        }
        return b;
    }

    /** Whole-text rule scans do not read the open end; a shared sink. */
    private static final RuleScanner.Open OPEN_SINK = new RuleScanner.Open();
}
