package dev.secretagent.runtime.audit;

import dev.secretagent.runtime.redact.Diagnostics;
import dev.secretagent.runtime.AccessGuard;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The asynchronous, bounded audit writer.
 *
 * <p>Aggregation happens on the caller's side: the first event of a kind opens an {@link Aggregate}
 * and takes one queue slot; identical events (same fields) until the window closes only bump its
 * count, so a read in a hot loop costs a map lookup and an atomic add, not a queue slot. The daemon
 * writer thread takes an aggregate, waits until its window has passed, closes it (late arrivals then
 * open a new one, no count is lost) and writes one line with {@code event.count}.
 *
 * <p>Queue full: with {@code audit.failure=drop} the event is counted and an {@code audit-loss} line
 * reports the count; with {@code block} the caller waits for room. At shutdown the queue is written
 * out without waiting for windows, and later events are written synchronously.
 */
final class AuditWriter implements Runnable {
    /** Loaded with the first line, on the writer thread: java.time.format is not free at JVM start. */
    private static final class Time {
        static final DateTimeFormatter FORMAT =
                DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    }

    /** One line in the making. count is -1 once the writer closed it. */
    static final class Aggregate {
        final Map<String, Object> fields;
        final long first;
        volatile long last;
        final AtomicLong count = new AtomicLong(1);

        Aggregate(Map<String, Object> fields, long now) {
            this.fields = fields;
            this.first = now;
            this.last = now;
        }

        boolean add(long now) {
            for (;;) {
                long c = count.get();
                if (c < 0) {
                    return false;
                }
                if (count.compareAndSet(c, c + 1)) {
                    last = now;
                    return true;
                }
            }
        }

        long close() {
            return count.getAndSet(-1);
        }
    }

    private final AuditContext context;
    private final List<AuditSink> sinks;
    private final long windowMillis;
    private final boolean block;
    private final ArrayBlockingQueue<Aggregate> queue;
    /** Put in the queue at shutdown so the writer wakes at once instead of at its next poll timeout. */
    private static final Aggregate WAKE_UP = new Aggregate(new LinkedHashMap<String, Object>(), 0);
    private final ConcurrentHashMap<Map<String, Object>, Aggregate> open =
            new ConcurrentHashMap<Map<String, Object>, Aggregate>();
    private final AtomicLong dropped = new AtomicLong();
    /** Since start, for status: events dropped (queue full) and lines handed to the sinks. */
    private final AtomicLong droppedTotal = new AtomicLong();
    private final AtomicLong linesWritten = new AtomicLong();
    private final int capacity;
    private final Object wake = new Object();
    private volatile boolean closing;
    private volatile boolean direct;
    private Thread thread;

    AuditWriter(AuditContext context, List<AuditSink> sinks, int queueSize, long windowMillis, boolean block) {
        this.context = context;
        this.sinks = sinks;
        this.windowMillis = windowMillis;
        this.block = block;
        this.queue = new ArrayBlockingQueue<Aggregate>(queueSize);
        this.capacity = queueSize;
    }

    /**
     * What {@code status} shows as the audit queue: lines waiting (size), room (capacity), events dropped
     * since start because the queue was full, lines written since start, where they go (sinks).
     */
    Map<String, Object> state() {
        Map<String, Object> m = new LinkedHashMap<String, Object>();
        m.put("size", Integer.valueOf(queue.size()));
        m.put("capacity", Integer.valueOf(capacity));
        m.put("dropped", Long.valueOf(droppedTotal.get()));
        m.put("written", Long.valueOf(linesWritten.get()));
        StringBuilder names = new StringBuilder();
        for (AuditSink s : sinks) {
            names.append(names.length() == 0 ? "" : "+").append(s instanceof FileSink ? "file" : "stderr");
        }
        m.put("sinks", names.length() == 0 ? "none" : names.toString());
        return m;
    }

    void start() {
        thread = new Thread(this, "secret-agent-audit");
        thread.setDaemon(true);
        thread.start();
    }

    void record(AuditEvent event) {
        Map<String, Object> key = event.fields();
        long now = System.currentTimeMillis();
        if (direct) {
            Aggregate a = new Aggregate(key, now);
            synchronized (this) {
                writeLine(a, a.close());
            }
            return;
        }
        for (;;) {
            Aggregate a = windowMillis > 0 ? open.get(key) : null;
            if (a != null) {
                if (a.add(now)) {
                    return;
                }
                open.remove(key, a); // closed by the writer a moment ago: open a fresh one
                continue;
            }
            Aggregate fresh = new Aggregate(key, now);
            if (windowMillis > 0 && open.putIfAbsent(key, fresh) != null) {
                continue;
            }
            enqueue(fresh);
            return;
        }
    }

    void addDropped(long n) {
        dropped.addAndGet(n);
        droppedTotal.addAndGet(n);
    }

    private void enqueue(Aggregate a) {
        if (block) {
            try {
                queue.put(a);
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        } else if (queue.offer(a)) {
            return;
        }
        open.remove(a.fields, a);
        addDropped(a.close());
    }

    @Override
    public void run() {
        AccessGuard.enter(); // this thread is the agent: its own getenv/getProperty calls pass through
        try {
            for (;;) {
                Aggregate a = queue.poll(200, TimeUnit.MILLISECONDS);
                if (a == null || a == WAKE_UP) {
                    reportDropped();
                    flushSinks();
                    if (closing) {
                        return;
                    }
                    continue;
                }
                waitForWindow(a);
                open.remove(a.fields, a);
                long count = a.close();
                writeLine(a, count);
                reportDropped();
                if (queue.isEmpty()) {
                    flushSinks();
                }
            }
        } catch (InterruptedException e) {
            // shutdown
        } catch (Throwable t) {
            Diagnostics.error("audit writer stopped", t);
        }
    }

    private void waitForWindow(Aggregate a) throws InterruptedException {
        long due = a.first + windowMillis;
        synchronized (wake) {
            for (;;) {
                long wait = due - System.currentTimeMillis();
                if (closing || wait <= 0) {
                    return;
                }
                wake.wait(wait);
            }
        }
    }

    private void reportDropped() {
        long n = dropped.getAndSet(0);
        if (n > 0) {
            Map<String, Object> f = lossFields(n, "audit queue full (audit.queue.size)");
            Aggregate a = new Aggregate(f, System.currentTimeMillis());
            a.count.set(n);
            writeLine(a, n, false);
            Diagnostics.warn(n + " audit event(s) dropped: the audit queue was full");
        }
    }

    static Map<String, Object> lossFields(long n, String reason) {
        Map<String, Object> f = new LinkedHashMap<String, Object>();
        f.put("event.action", "audit-loss");
        f.put("event.outcome", "failure");
        f.put("event.reason", reason);
        return f;
    }

    String lossLine(long count, String reason) {
        long now = System.currentTimeMillis();
        return format(lossFields(count, reason), now, now, count, false);
    }

    private void writeLine(Aggregate a, long count) {
        writeLine(a, count, true);
    }

    private void writeLine(Aggregate a, long count, boolean retryInBlockMode) {
        String line = format(a.fields, a.first, a.last, count, true);
        if (!sinks.isEmpty()) {
            linesWritten.incrementAndGet();
        }
        for (AuditSink s : sinks) {
            boolean ok = s.write(line);
            // block mode: Vault's fail-closed behaviour. The writer holds the line until the sink takes it,
            // the queue fills and callers wait. Shutdown ends the wait (the loss is then reported).
            while (!ok && block && retryInBlockMode && !closing) {
                try {
                    synchronized (wake) {
                        wake.wait(1000);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                ok = s.write(line);
            }
        }
    }

    /** Field order: time and event first, then the event's own fields, then the process's. */
    String format(Map<String, Object> fields, long first, long last, long count, boolean withCount) {
        Map<String, Object> line = new LinkedHashMap<String, Object>();
        line.put("@timestamp", Time.FORMAT.format(Instant.ofEpochMilli(first)));
        line.put("event.action", fields.get("event.action"));
        line.put("event.outcome", fields.get("event.outcome"));
        line.put("event.reason", fields.get("event.reason"));
        line.put("event.count", Long.valueOf(count));
        if (count > 1 && last > first) {
            line.put("event.end", Time.FORMAT.format(Instant.ofEpochMilli(last)));
        }
        for (Map.Entry<String, Object> e : fields.entrySet()) {
            if (!line.containsKey(e.getKey())) {
                line.put(e.getKey(), e.getValue());
            }
        }
        if (!line.containsKey("service.name")) {
            line.put("service.name", context.serviceName);
        }
        line.put("process.pid", Long.valueOf(context.pid()));
        line.put("host.hostname", context.host());
        line.put("user.name", context.user);
        return AuditJson.line(line);
    }

    private void flushSinks() {
        for (AuditSink s : sinks) {
            s.flush();
        }
    }

    /** Shutdown: write everything now, then switch to synchronous writes for late events. */
    void close(long waitMillis) {
        closing = true;
        synchronized (wake) {
            wake.notifyAll();
        }
        queue.offer(WAKE_UP); // a full queue needs no wake-up: the writer is busy with it

        try {
            if (thread != null) {
                thread.join(waitMillis);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        AccessGuard.enter();
        try {
            synchronized (this) {
                direct = true;
                List<Aggregate> rest = new ArrayList<Aggregate>();
                queue.drainTo(rest);
                for (Aggregate a : rest) {
                    if (a == WAKE_UP) {
                        continue;
                    }
                    open.remove(a.fields, a);
                    writeLine(a, a.close(), false);
                }
                reportDropped();
                flushSinks();
                for (AuditSink s : sinks) {
                    String loss = s.pendingLossReport();
                    if (loss != null) {
                        Diagnostics.error(loss);
                    }
                }
            }
        } finally {
            AccessGuard.exit();
        }
    }
}
