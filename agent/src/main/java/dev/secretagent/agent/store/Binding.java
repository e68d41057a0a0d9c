package dev.secretagent.agent.store;

/**
 * One secret the agent keeps in the application: where it comes from (a store reference) and where
 * it goes (an environment variable of the overlay, a system property, or a file). Mutable state is
 * touched only by the injector at start and then by the refresher's single thread.
 */
final class Binding {
    enum Target { ENV, PROPERTY, FILE }

    final SecretRef ref;
    final Target target;
    /** env name, property name, or file path as configured */
    final String targetName;
    final boolean required;
    /** where it was configured, for messages: "secret-agent.yaml:12" or "environment variable DB_PASSWORD" */
    final String origin;

    /** the secret id registered for redaction and written to audit lines */
    final String secretId;
    // read by the status MBean's thread too (rotation ages)
    volatile String value;
    volatile String version;
    /** when the store made the current version (epoch ms); 0 when it does not say */
    volatile long created;
    /** the file written for a FILE target */
    java.nio.file.Path file;
    volatile boolean active;
    int failures;
    long leaseMillis;

    Binding(SecretRef ref, Target target, String targetName, boolean required, String origin) {
        this.ref = ref;
        this.target = target;
        this.targetName = targetName;
        this.required = required;
        this.origin = origin;
        this.secretId = target == Target.FILE ? ref.path() : targetName;
    }

    String describeTarget() {
        switch (target) {
            case ENV:
                return "env:" + targetName;
            case PROPERTY:
                return "property:" + targetName;
            default:
                return "file:" + targetName;
        }
    }

    @Override
    public String toString() {
        return "secret '" + ref.storePath() + "' (" + describeTarget() + ")";
    }
}
