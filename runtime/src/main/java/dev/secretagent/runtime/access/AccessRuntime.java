package dev.secretagent.runtime.access;

import dev.secretagent.runtime.AccessGuard;
import dev.secretagent.runtime.Keys;
import dev.secretagent.runtime.redact.Diagnostics;
import dev.secretagent.runtime.Settings;
import dev.secretagent.runtime.audit.Audit;
import dev.secretagent.runtime.audit.AuditEvent;
import dev.secretagent.runtime.redact.RedactionListener;
import dev.secretagent.runtime.redact.RedactionListeners;
import dev.secretagent.runtime.secret.SecretRegistry;
import dev.secretagent.runtime.secret.SecretSnapshot;

import java.io.PrintStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Start-up of secret access and audit, in one call from the agent: name rules, policy (validated
 * here: a bad entry stops the start with the file and line), audit writer, redaction events,
 * shutdown flush.
 */
public final class AccessRuntime {
    private AccessRuntime() {
    }

    /** Throws IllegalArgumentException (file:line: what is wrong) for an invalid policy section. */
    public static void start(Settings settings, PrintStream rawStderr) {
        AccessGuard.enter();
        try {
            SecretNames.configure(settings);
            final AccessPolicy policy = AccessPolicy.parse(settings);
            SecretAccess.configure(policy, settings.mode(), "throw".equals(settings.get(Keys.DENY_ACTION)));
            final List<String> policyIds = policy.literalSecretIds();
            Set<String> present = new HashSet<String>(System.getenv().keySet());
            present.addAll(System.getProperties().stringPropertyNames());
            for (String warning : policy.ineffectiveEntries(present)) {
                Diagnostics.warn(warning);
            }
            SecretRegistry.addListener(new SecretRegistry.Listener() {
                @Override
                public void beforePublish(SecretSnapshot next) {
                    // ids that are live secrets (a store injected them under any name) are secret names too
                    Set<String> known = new HashSet<String>(policyIds);
                    known.addAll(next.liveById().keySet());
                    SecretNames.setKnown(known);
                }
            });
            Audit.start(settings, rawStderr);
            RedactionListeners.add(new RedactionListener() {
                @Override
                public void onRedaction(String secretId, String channel) {
                    if (AccessGuard.inside()) {
                        return; // the agent's own output (diagnostics, audit writer): not the application's leak
                    }
                    Audit.record(AuditEvent.action("redact").secret(secretId, null).channel(channel).build());
                }
            });
            Runtime.getRuntime().addShutdownHook(new Thread(new Runnable() {
                @Override
                public void run() {
                    Audit.flush();
                }
            }, "secret-agent-audit-flush"));
            Diagnostics.debug("access: mode=" + settings.mode() + ", policy entries=" + policy.size()
                    + (policy.isEmpty() ? " (none: every secret readable, every read audited)" : ""));
        } finally {
            AccessGuard.exit();
        }
    }
}
