package dev.secretagent.agent.status;

import dev.secretagent.runtime.Keys;
import dev.secretagent.runtime.Settings;
import dev.secretagent.runtime.leaks.DevMode;
import dev.secretagent.runtime.leaks.LeakRecorder;
import dev.secretagent.runtime.rotation.RotationWatch;
import dev.secretagent.runtime.rotation.SecretAge;
import dev.secretagent.runtime.status.AgentStatus;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads {@link AgentStatus} on every call: the bean holds no state of its own. */
public final class AgentStatusBean implements AgentMXBean {
    @Override
    public String getVersion() {
        return AgentStatus.version();
    }

    @Override
    public String getMode() {
        return AgentStatus.mode();
    }

    @Override
    public String getServiceName() {
        String name = Settings.current().get(Keys.SERVICE_NAME);
        return name == null ? "" : name;
    }

    @Override
    public List<String> getSecretIds() {
        return AgentStatus.secretIds();
    }

    @Override
    public int getRetiredValues() {
        return AgentStatus.retiredValues();
    }

    @Override
    public Map<String, Long> getRedactionsPerChannel() {
        return AgentStatus.redactionsPerChannel();
    }

    @Override
    public long getRedactionsTotal() {
        long n = 0;
        for (Long v : AgentStatus.redactionsPerChannel().values()) {
            n += v;
        }
        return n;
    }

    @Override
    public String getLastRotation() {
        long t = AgentStatus.lastRotation();
        return t == 0 ? "" : Instant.ofEpochMilli(t).toString();
    }

    @Override
    public String getStartedAt() {
        long t = AgentStatus.startedAt();
        return t == 0 ? "" : Instant.ofEpochMilli(t).toString();
    }

    @Override
    public Map<String, String> getAuditQueue() {
        Map<String, String> out = new TreeMap<>();
        for (Map.Entry<String, Object> e : AgentStatus.auditQueue().entrySet()) {
            out.put(e.getKey(), String.valueOf(e.getValue()));
        }
        return out;
    }

    @Override
    public String getOldestSecret() {
        SecretAge a = RotationWatch.oldest(RotationWatch.ages());
        if (a == null) {
            return "";
        }
        long now = System.currentTimeMillis();
        return a.id + " version " + a.version + ", created " + Instant.ofEpochMilli(a.created) + " (" + a.ageDays(now)
                + " days), " + (a.dueAt > 0 ? (a.overdue(now) ? "overdue since " : "due ") + Instant.ofEpochMilli(a.dueAt)
                : "no cadence");
    }

    @Override
    public int getOverdueSecrets() {
        return RotationWatch.overdue(RotationWatch.ages(), System.currentTimeMillis());
    }

    @Override
    public int getLeakFindings() {
        LeakRecorder r = DevMode.recorder();
        return r == null ? 0 : r.findings().size();
    }
}
