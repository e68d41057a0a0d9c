package dev.secretagent.agent.store.spi;

import java.util.concurrent.ScheduledExecutorService;

/**
 * A place secrets are read from. Implementations never log or put a value into an exception
 * message; failures carry a {@link StoreException.Reason} the injector acts on (a transient outage
 * keeps the last good value, a revoked or deleted secret leaves the application).
 */
public interface SecretStore extends AutoCloseable {
    /** {@code file}, {@code vault}, {@code dir}. */
    String kind();

    /** Where it is, for messages: a path or an address (never a credential). */
    String location();

    /**
     * Reads the current version of {@code path} (or the pinned one, when {@code version} is not null).
     *
     * @throws StoreException with a reason; its message names the path and the cause, never a value
     */
    StoredSecret read(String path, String version) throws StoreException;

    /** Background upkeep (e.g. Vault token renewal); called once by the refresher. */
    default void startBackground(ScheduledExecutorService scheduler) {
    }

    @Override
    default void close() {
    }
}
