package dev.secretagent.agent.store.spi;

/** One version of one secret as a store returned it. toString never shows the value. */
public final class StoredSecret {
    private final String path;
    private final String version;
    private final String value;
    /** Milliseconds the store says this value is good for (Vault lease); 0 when it has no lease. */
    private final long leaseMillis;
    /** When the store made this version (epoch ms); 0 when the store does not say (age unknown). */
    private final long createdMillis;

    public StoredSecret(String path, String version, String value, long leaseMillis, long createdMillis) {
        this.path = path;
        this.version = version;
        this.value = value;
        this.leaseMillis = leaseMillis;
        this.createdMillis = createdMillis;
    }

    public StoredSecret(String path, String version, String value, long leaseMillis) {
        this(path, version, value, leaseMillis, 0L);
    }

    public StoredSecret(String path, String version, String value) {
        this(path, version, value, 0L);
    }

    public String path() {
        return path;
    }

    public String version() {
        return version;
    }

    public String value() {
        return value;
    }

    public long leaseMillis() {
        return leaseMillis;
    }

    public long createdMillis() {
        return createdMillis;
    }

    @Override
    public String toString() {
        return "StoredSecret{path=" + path + ", version=" + version + "}";
    }
}
