package dev.secretagent.agent.store.spi;

/**
 * A store could not give a secret. The message names the secret path and the cause, never a value
 * or a credential. The reason decides what a refresh does: only {@link Reason#isTransient()} ones
 * keep the last good value and retry; the others mean the secret is gone for this application.
 */
public final class StoreException extends Exception {
    public enum Reason {
        /** no such secret */
        NOT_FOUND(false),
        /** the version was deleted (soft, may be undeleted) */
        DELETED(false),
        /** the version was destroyed for good */
        DESTROYED(false),
        /** the secret was revoked */
        REVOKED(false),
        /** the store said no (policy) */
        DENIED(false),
        /** we could not authenticate */
        AUTH_FAILED(true),
        /** the store could not be reached, or answered with a server error */
        UNAVAILABLE(true),
        /** the store's data failed authentication (tampered or wrong key) */
        CORRUPT(false),
        /** the configuration is wrong (missing key file, bad option) */
        CONFIG(false);

        private final boolean transientFailure;

        Reason(boolean transientFailure) {
            this.transientFailure = transientFailure;
        }

        public boolean isTransient() {
            return transientFailure;
        }

        /** Reasons that mean "this secret is no longer to be used": a refresh removes it from the application. */
        public boolean meansGone() {
            return this == NOT_FOUND || this == DELETED || this == DESTROYED || this == REVOKED;
        }
    }

    private final Reason reason;

    public StoreException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public StoreException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
