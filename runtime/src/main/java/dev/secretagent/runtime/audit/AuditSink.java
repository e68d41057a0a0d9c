package dev.secretagent.runtime.audit;

/** Where audit lines go. Called from the one writer thread only (or at shutdown, after it stopped). */
interface AuditSink {
    /** Writes one line (without newline); false when it could not (the sink counts and reports the loss). */
    boolean write(String line);

    void flush();

    /** Loss not yet reported, reported at shutdown through Diagnostics. */
    String pendingLossReport();

    void close();
}
