package dev.secretagent.runtime.redact;

/** Told about every redaction, for per-channel counters, the audit trail and dev-mode leak findings. */
public interface RedactionListener {
    void onRedaction(String secretId, String channel);
}
