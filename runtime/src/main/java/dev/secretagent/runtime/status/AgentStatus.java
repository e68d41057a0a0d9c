package dev.secretagent.runtime.status;

import dev.secretagent.runtime.Settings;
import dev.secretagent.runtime.audit.Audit;
import dev.secretagent.runtime.redact.RedactionListener;
import dev.secretagent.runtime.redact.RedactionListeners;
import dev.secretagent.runtime.secret.Secret;
import dev.secretagent.runtime.secret.SecretRegistry;
import dev.secretagent.runtime.secret.SecretSnapshot;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What an operator sees through {@code status} and the {@code dev.secretagent:type=Agent} MBean:
 * version, mode, known secret ids, redactions per channel, last rotation, audit queue state. Counting
 * is one map lookup and one increment per redaction; the rest is read on demand.
 */
public final class AgentStatus {
    private static final ConcurrentHashMap<String, AtomicLong> PER_CHANNEL = new ConcurrentHashMap<String, AtomicLong>();
    private static volatile String version = "dev";
    private static volatile long startedAt;
    private static volatile long lastRotation;
    private static boolean started;

    private AgentStatus() {
    }

    public static synchronized void start(String agentVersion) {
        if (started) {
            return;
        }
        started = true;
        version = agentVersion == null ? "dev" : agentVersion;
        startedAt = System.currentTimeMillis();
        RedactionListeners.add(new RedactionListener() {
            @Override
            public void onRedaction(String secretId, String channel) {
                AtomicLong n = PER_CHANNEL.get(channel);
                if (n == null) {
                    AtomicLong created = new AtomicLong();
                    n = PER_CHANNEL.putIfAbsent(channel, created);
                    if (n == null) {
                        n = created;
                    }
                }
                n.incrementAndGet();
            }
        });
        SecretRegistry.addListener(new SecretRegistry.Listener() {
            @Override
            public void beforePublish(SecretSnapshot next) {
                // a rotation (or revocation): a secret that was live gets another value, or is live no more.
                // New ids (discovery at start, a store adding one) are not rotations.
                SecretSnapshot prev = SecretRegistry.snapshot();
                for (Map.Entry<String, Secret> e : prev.liveById().entrySet()) {
                    Secret now = next.liveById().get(e.getKey());
                    if (now == null || !now.version().equals(e.getValue().version())
                            || !now.value().equals(e.getValue().value())) {
                        lastRotation = System.currentTimeMillis();
                        return;
                    }
                }
            }
        });
    }

    public static String version() {
        return version;
    }

    public static String mode() {
        return Settings.current().mode();
    }

    public static long startedAt() {
        return startedAt;
    }

    /** 0 when no secret changed since start. */
    public static long lastRotation() {
        return lastRotation;
    }

    public static List<String> secretIds() {
        SecretSnapshot s = SecretRegistry.snapshot();
        List<String> ids = new ArrayList<String>(s.liveById().keySet());
        Collections.sort(ids);
        return ids;
    }

    public static int retiredValues() {
        List<Secret> r = SecretRegistry.snapshot().retired();
        return r.size();
    }

    public static Map<String, Long> redactionsPerChannel() {
        Map<String, Long> out = new TreeMap<String, Long>();
        for (Map.Entry<String, AtomicLong> e : PER_CHANNEL.entrySet()) {
            out.put(e.getKey(), e.getValue().get());
        }
        return out;
    }

    /** Empty when the audit writer does not report its queue. */
    public static Map<String, Object> auditQueue() {
        try {
            Map<String, Object> m = Audit.queueState();
            return m == null ? Collections.<String, Object>emptyMap() : new TreeMap<String, Object>(m);
        } catch (Throwable t) {
            return Collections.<String, Object>singletonMap("error", t.getClass().getName());
        }
    }
}
