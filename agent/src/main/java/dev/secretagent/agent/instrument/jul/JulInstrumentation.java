package dev.secretagent.agent.instrument.jul;

import dev.secretagent.agent.instrument.NamedMethod;
import dev.secretagent.agent.instrument.SupportedVersions;
import dev.secretagent.agent.instrument.TargetInstrumentation;
import dev.secretagent.agent.instrument.TypeInstrumentation;

import java.util.Collections;
import java.util.List;

/**
 * java.util.logging: every StreamHandler (ConsoleHandler, FileHandler, SocketHandler, the application's
 * own subclasses) writes what its Formatter produced (SimpleFormatter, XMLFormatter, custom) to a private
 * Writer. On publish, that writer is wrapped once in a redacting writer, and the record's logger names the
 * channel. System.Logger with the default finder logs through JUL and is covered by the same hook.
 * Handlers that are not StreamHandlers (jul-to-slf4j's bridge) hand the record on to another framework,
 * which redacts it once, at its own output.
 */
public final class JulInstrumentation implements TargetInstrumentation {
    @Override
    public String name() {
        return "jul";
    }

    @Override
    public SupportedVersions supportedVersions() {
        return SupportedVersions.jdk(17, 25);
    }

    @Override
    public List<TypeInstrumentation> types() {
        return Collections.singletonList(
                NamedMethod.advice("java.util.logging.StreamHandler", "publish", 1, PublishAdvice.class));
    }
}
