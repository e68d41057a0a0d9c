package dev.secretagent.runtime.leaks;

import dev.secretagent.runtime.redact.RedactionListener;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/** Turns every redaction into a leak finding with its call site; identical findings are counted, not repeated. */
public final class LeakRecorder implements RedactionListener {
    private final ConcurrentHashMap<String, LeakFinding> findings = new ConcurrentHashMap<String, LeakFinding>();

    @Override
    public void onRedaction(String secretId, String channel) {
        if ("diagnostics".equals(channel)) {
            return; // the agent's own log: it redacts too, and is not the application's leak
        }
        CallSites.Walk w = CallSites.walk();
        if (w.ownOutput) {
            return;
        }
        String thread = Thread.currentThread().getName();
        String key = secretId + '\u0000' + channel + '\u0000'
                + (w.site != null ? w.site.toString() : "thread:" + thread);
        LeakFinding f = findings.get(key);
        if (f == null) {
            LeakFinding created = new LeakFinding(secretId, channel, w.site, w.stack, thread);
            f = findings.putIfAbsent(key, created);
            if (f == null) {
                f = created;
            }
        }
        f.count.incrementAndGet();
    }

    /** The findings so far, most frequent first. */
    public List<LeakFinding> findings() {
        List<LeakFinding> out = new ArrayList<LeakFinding>(findings.values());
        out.sort(new java.util.Comparator<LeakFinding>() {
            @Override
            public int compare(LeakFinding a, LeakFinding b) {
                int c = Long.compare(b.count(), a.count());
                if (c != 0) {
                    return c;
                }
                c = a.secretId.compareTo(b.secretId);
                return c != 0 ? c : a.siteText().compareTo(b.siteText());
            }
        });
        return out;
    }

    public void clear() {
        findings.clear();
    }
}
