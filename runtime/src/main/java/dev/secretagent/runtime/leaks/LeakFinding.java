package dev.secretagent.runtime.leaks;

import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One leak: a secret (by id only, never the value) that reached an output channel from one call site.
 * Identical findings (same id, channel and call site) are one finding with a count.
 */
public final class LeakFinding {
    final String secretId;
    final String channel;
    /** The application frame that made the call; null when none was on the stack (an asynchronous appender). */
    final Frame site;
    final List<Frame> stack;
    final String thread;
    final AtomicLong count = new AtomicLong();

    LeakFinding(String secretId, String channel, Frame site, List<Frame> stack, String thread) {
        this.secretId = secretId;
        this.channel = channel;
        this.site = site;
        this.stack = Collections.unmodifiableList(stack);
        this.thread = thread;
    }

    public String secretId() {
        return secretId;
    }

    public String channel() {
        return channel;
    }

    public Frame site() {
        return site;
    }

    public List<Frame> stack() {
        return stack;
    }

    public long count() {
        return count.get();
    }

    /** The rule a finding belongs to: a known secret, or the redaction rule (detector, header, ...) that caught it. */
    public String ruleId() {
        return ruleId(secretId);
    }

    static String ruleId(String id) {
        if (id.startsWith("detector:")) {
            return "detector/" + id.substring(9);
        }
        if (id.startsWith("header:")) {
            return "sensitive-header";
        }
        if (id.startsWith("key:")) {
            return "sensitive-key";
        }
        if (id.startsWith("query:")) {
            return "sensitive-query-parameter";
        }
        if (id.startsWith("auth:")) {
            return "auth-scheme-credential";
        }
        if (id.startsWith("url:")) {
            return "url-credentials";
        }
        return "known-secret";
    }

    String siteText() {
        return site != null ? site.toString() : "unknown call site (thread " + thread + ")";
    }
}
