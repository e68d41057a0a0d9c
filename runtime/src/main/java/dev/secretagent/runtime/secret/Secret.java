package dev.secretagent.runtime.secret;

/** One version of one secret. The value never appears in toString, logs or audit lines. */
public final class Secret {
    private final String id;
    private final String version;
    private final String value;
    private final String source;

    public Secret(String id, String version, String value, String source) {
        if (id == null || value == null) {
            throw new IllegalArgumentException("secret id and value are required");
        }
        this.id = id;
        this.version = version == null ? "1" : version;
        this.value = value;
        this.source = source == null ? "unknown" : source;
    }

    public String id() {
        return id;
    }

    public String version() {
        return version;
    }

    public String value() {
        return value;
    }

    /** Where it came from: {@code env}, {@code sysprop}, {@code store:file}, ... */
    public String source() {
        return source;
    }

    @Override
    public String toString() {
        return "Secret{id=" + id + ", version=" + version + ", source=" + source + "}";
    }
}
