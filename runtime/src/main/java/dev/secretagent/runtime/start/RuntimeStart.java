package dev.secretagent.runtime.start;

import dev.secretagent.runtime.Keys;
import dev.secretagent.runtime.Settings;
import dev.secretagent.runtime.access.AccessRuntime;
import dev.secretagent.runtime.access.SecretDiscovery;
import dev.secretagent.runtime.leaks.DevMode;
import dev.secretagent.runtime.redact.Diagnostics;
import dev.secretagent.runtime.redact.Redaction;
import dev.secretagent.runtime.status.AgentStatus;

import java.io.PrintStream;
import java.util.Map;
import java.util.Properties;

/**
 * The runtime's side of start-up, in one call from the agent once the configuration is read and valid: the settings,
 * the diagnostics channel, secret access and the audit writer, the status counters, dev mode, and the secrets the
 * environment and the system properties already hold. The top of the runtime's layers: nothing here depends on it.
 */
public final class RuntimeStart {
    private RuntimeStart() {
    }

    /**
     * Returns how many known secrets the environment and the properties held. Throws IllegalArgumentException
     * (file:line: what is wrong) for an invalid policy section; the agent then stops the start.
     */
    public static int start(Settings settings, PrintStream rawStderr, String version,
                            Map<String, String> environment, Properties properties) {
        Settings.install(settings);
        Diagnostics.configure(rawStderr, settings.get(Keys.DIAGNOSTICS_FILE), settings.get(Keys.DEBUG),
                settings.get(Keys.DIAGNOSTICS_LEVEL));
        Redaction.setWarnings(Diagnostics.WARNINGS);
        AccessRuntime.start(settings, rawStderr); // names, policy (validated: file:line), audit writer
        AgentStatus.start(version);
        if ("dev".equals(settings.mode())) {
            DevMode.start(settings, rawStderr, version);
        } else if (settings.get(Keys.LEAKS_FAIL) || settings.get(Keys.LEAKS_REPORT) != null) {
            Diagnostics.warn("leaks.report and leaks.fail apply in mode=dev only (mode is " + settings.mode() + ")");
        }
        int found = SecretDiscovery.discover(environment, properties);
        // the first engine, unless publishing the secrets found has just built it: on another core, while the agent
        // places its hooks (Redaction builds or waits for it at the first scan)
        Redaction.prepareInBackground();
        return found;
    }
}
