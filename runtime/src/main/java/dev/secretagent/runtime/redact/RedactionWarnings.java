package dev.secretagent.runtime.redact;

/**
 * Where the engine reports what an operator should know and redaction cannot fix (a secret shorter than min.length
 * is not redacted). At run time the diagnostics channel ({@code Diagnostics.WARNINGS}, set by the start and by the
 * {@code redact} command): the engine does not call Diagnostics itself, because Diagnostics calls the engine to
 * redact its own lines, and the two would form a loop.
 */
public interface RedactionWarnings {
    /** A line for the operator; it names secrets by id only, never by value. */
    void warn(String message);
}
