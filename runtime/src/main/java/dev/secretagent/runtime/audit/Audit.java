package dev.secretagent.runtime.audit;

/**
 * The one path every audit record takes (read, inject, rotate, revoke, redact, deny, ...).
 * STUB: drops events; issue 6 puts the asynchronous bounded writer behind the same signature.
 */
public final class Audit {
    private Audit() {
    }

    public static void record(AuditEvent event) {
        // issue 6
    }
}
