package dev.secretagent.runtime.redact;

/** Text the agent writes in place of output it could not redact: never the raw text (fail closed). */
public final class Markers {
    /** Written instead of a line, value or buffer whose redaction failed with an internal error. */
    public static final String REDACTION_FAILED = "[REDACTION-FAILED]";

    private Markers() {
    }
}
