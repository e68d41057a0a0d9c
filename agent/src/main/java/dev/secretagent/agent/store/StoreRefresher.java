package dev.secretagent.agent.store;

import dev.secretagent.agent.store.spi.StoredSecret;
import dev.secretagent.agent.store.spi.StoreException;
import dev.secretagent.runtime.redact.Diagnostics;
import dev.secretagent.runtime.audit.Audit;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * Keeps injected secrets fresh on one daemon thread. Each binding is re-read every
 * {@code store.refresh.interval} (sooner when the store gave the value a lease: at two thirds of
 * it). A new value is registered for redaction before the application can see it, and the old one
 * stays redacted. A secret the store no longer has (revoked, deleted, destroyed) leaves the
 * application. A store outage keeps the last good value, is audited, and is retried with
 * exponential backoff (1 s, 2 s, 4 s, ... up to the interval).
 */
public final class StoreRefresher {
    static final long FIRST_BACKOFF_MS = 1000;

    private final Stores stores;
    private final List<Binding> bindings;
    private final long intervalMs;
    private final ScheduledExecutorService scheduler;

    StoreRefresher(Stores stores, List<Binding> bindings, long intervalMs) {
        this.stores = stores;
        this.bindings = bindings;
        this.intervalMs = Math.max(100, intervalMs);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(new ThreadFactory() {
            @Override
            public Thread newThread(Runnable r) {
                Thread t = new Thread(r, "secret-agent-store-refresh");
                t.setDaemon(true);
                return t;
            }
        });
    }

    void start(final RotationCheck rotation) {
        // at start (first run now, on this thread: before main, so the record is there before the app's first line)
        // and then once a day
        rotation.run();
        scheduler.scheduleAtFixedRate(rotation, RotationCheck.PERIOD_MS, RotationCheck.PERIOD_MS, TimeUnit.MILLISECONDS);
        start();
    }

    void start() {
        for (String kind : new String[] {"file", "vault", "dir"}) {
            for (Binding b : bindings) {
                if (b.ref.store().equals(kind)) {
                    try {
                        stores.get(kind).startBackground(scheduler);
                    } catch (StoreException ignored) {
                        // reported per binding
                    }
                    break;
                }
            }
        }
        for (Binding b : bindings) {
            // a binding that failed at start (on.store.failure=continue) is retried soon, with backoff
            schedule(b, b.active ? nextDelay(b) : FIRST_BACKOFF_MS);
        }
    }

    public void stop() {
        scheduler.shutdownNow();
        stores.close();
    }

    private void schedule(final Binding b, long delayMs) {
        if (scheduler.isShutdown()) {
            return;
        }
        scheduler.schedule(new Runnable() {
            @Override
            public void run() {
                schedule(b, refresh(b));
            }
        }, delayMs, TimeUnit.MILLISECONDS);
    }

    private long nextDelay(Binding b) {
        if (b.leaseMillis > 0) {
            return Math.max(100, Math.min(intervalMs, b.leaseMillis * 2 / 3));
        }
        return intervalMs;
    }

    /** One refresh of one binding; returns the delay until the next. Never throws. */
    long refresh(Binding b) {
        try {
            StoredSecret s = stores.get(b.ref.store()).read(b.ref.storePath(), b.ref.version());
            if (!b.active) {
                SecretInjector.apply(b, s, "inject");
                Diagnostics.info(b + " injected (version " + s.version() + ")");
            } else if (!s.value().equals(b.value)) {
                String old = b.version;
                SecretInjector.apply(b, s, "rotate");
                Diagnostics.info(b + " rotated from version " + old + " to " + s.version());
            } else {
                b.failures = 0;
                b.leaseMillis = s.leaseMillis();
            }
            return nextDelay(b);
        } catch (StoreException e) {
            if (e.reason().meansGone()) {
                if (b.active) {
                    SecretInjector.remove(b, SecretInjector.reasonText(e));
                    Diagnostics.warn(b + " removed from the application: " + e.getMessage());
                }
                return intervalMs;
            }
            b.failures++;
            long backoff = Math.min(intervalMs, FIRST_BACKOFF_MS << Math.min(b.failures - 1, 20));
            String kept = b.active ? "last good value kept (version " + b.version + ")" : "not injected yet";
            Audit.record(SecretInjector.audit(b.active ? "rotate" : "inject", b, b.version)
                    .failure(SecretInjector.reasonText(e) + "; " + kept).build());
            Diagnostics.warn("refresh of " + b + " failed (" + e.getMessage() + "); " + kept
                    + "; retry in " + backoff + " ms");
            return backoff;
        } catch (IOException | RuntimeException e) {
            b.failures++;
            Diagnostics.warn("refresh of " + b + " failed: " + e.getClass().getName());
            return Math.min(intervalMs, FIRST_BACKOFF_MS << Math.min(b.failures - 1, 20));
        }
    }
}
