package dev.secretagent.agent.status;

import java.util.List;
import java.util.Map;

/**
 * {@code dev.secretagent:type=Agent}. An MXBean, so any JMX client (jconsole, the status command, a
 * monitoring agent) reads it with open types only. Ids, counts and times: never a value.
 */
public interface AgentMXBean {
    String getVersion();

    String getMode();

    String getServiceName();

    List<String> getSecretIds();

    int getRetiredValues();

    Map<String, Long> getRedactionsPerChannel();

    long getRedactionsTotal();

    /** ISO-8601 UTC, or empty when no secret changed since start. */
    String getLastRotation();

    String getStartedAt();

    /** Audit queue figures as text (size, capacity, dropped, ...), empty when the writer does not report them. */
    Map<String, String> getAuditQueue();

    /** The oldest injected secret whose store dates it: "id version N, created ISO (D days), due ISO"; empty when none. */
    String getOldestSecret();

    /** Injected secrets past their rotation cadence (or their certificate's notAfter). */
    int getOverdueSecrets();

    /** Dev mode: leak findings so far (0 outside dev mode). */
    int getLeakFindings();
}
