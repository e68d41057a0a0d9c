package dev.secretagent.runtime.audit;

import dev.secretagent.runtime.Keys;
import dev.secretagent.runtime.redact.Diagnostics;
import dev.secretagent.runtime.Settings;

import java.io.PrintStream;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * The one path every audit record takes (read, dump, inherit, inject, rotate, revoke, redact, ...).
 * Never blocks (unless {@code audit.failure=block}), never throws, never writes a value.
 * Events recorded before {@link #start} (a store injecting very early) are kept and written then.
 */
public final class Audit {
    private static final int EARLY_LIMIT = 1000;
    private static volatile AuditWriter writer;
    private static final List<AuditEvent> EARLY = new ArrayList<AuditEvent>();
    private static int earlyDropped;

    private Audit() {
    }

    public static void record(AuditEvent event) {
        if (event == null) {
            return;
        }
        AuditWriter w = writer;
        if (w == null) {
            synchronized (EARLY) {
                w = writer;
                if (w == null) {
                    if (EARLY.size() < EARLY_LIMIT) {
                        EARLY.add(event);
                    } else {
                        earlyDropped++;
                    }
                    return;
                }
            }
        }
        try {
            w.record(event);
        } catch (Throwable t) {
            // the audit path must never break the application's call
        }
    }

    /**
     * Opens the sinks named by the settings and starts the writer thread. Without {@code audit.file}
     * and {@code audit.stderr=false} there is nowhere to write: events are then discarded.
     */
    public static synchronized void start(Settings settings, PrintStream rawStderr) {
        Fingerprints.configure(settings);
        final AuditContext context = AuditContext.fromSystem(settings);
        List<AuditSink> sinks = new ArrayList<AuditSink>();
        final AuditWriter[] self = new AuditWriter[1];
        boolean enabled = settings.get(Keys.AUDIT_ENABLED);
        if (!enabled) {
            Diagnostics.info("audit switched off (audit.enabled=false): audit lines are not written");
        }
        String file = settings.get(Keys.AUDIT_FILE);
        if (enabled && file != null && !file.trim().isEmpty()) {
            sinks.add(new FileSink(Paths.get(file.trim()), settings.get(Keys.AUDIT_MAX_FILE_SIZE),
                    settings.get(Keys.AUDIT_MAX_FILES), new FileSink.LossLines() {
                        @Override
                        public String lossLine(long count, String reason) {
                            return self[0].lossLine(count, reason);
                        }
                    }));
        }
        if (enabled && settings.get(Keys.AUDIT_STDERR)) {
            sinks.add(new StderrSink(rawStderr));
        }
        if (sinks.isEmpty()) {
            Diagnostics.debug("audit: no audit.file and audit.stderr=false: audit lines are not written");
        }
        AuditWriter w = new AuditWriter(context, sinks, settings.get(Keys.AUDIT_QUEUE_SIZE),
                settings.get(Keys.AUDIT_AGGREGATE_WINDOW), "block".equals(settings.get(Keys.AUDIT_FAILURE)));
        self[0] = w;
        w.start();
        synchronized (EARLY) {
            writer = w;
            for (AuditEvent e : EARLY) {
                w.record(e);
            }
            EARLY.clear();
            if (earlyDropped > 0) {
                w.addDropped(earlyDropped); // reported in an audit-loss line like any overflow
                earlyDropped = 0;
            }
        }
    }

    /** How the writer's queue is doing (size, capacity, dropped, ...), or null before the writer starts. */
    public static java.util.Map<String, Object> queueState() {
        AuditWriter w = writer;
        return w == null ? null : w.state();
    }

    /** Writes everything queued; later events are written synchronously. Called from the shutdown hook. */
    public static void flush() {
        AuditWriter w = writer;
        if (w != null) {
            w.close(5000);
        }
    }
}
