package dev.secretagent.runtime.redact;

/**
 * A channel whose name is worked out only when a redaction is reported on it. Why: naming a Logback line's channel
 * takes a reflective {@code getLoggerName()} and a map lookup, and 99 lines in 100 hold no secret; an adapter passes
 * a per-thread instance (no allocation per line) that names the channel of the call in progress.
 */
public interface LazyChannel {
    /** The channel's name ({@code logback:<logger>}, ...); called at most once per redacted text, on its thread. */
    String name();
}
