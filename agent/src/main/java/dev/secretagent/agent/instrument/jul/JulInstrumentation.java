package dev.secretagent.agent.instrument.jul;

import dev.secretagent.agent.instrument.AsmHook;
import dev.secretagent.agent.instrument.SupportedVersions;
import dev.secretagent.agent.instrument.TargetInstrumentation;
import dev.secretagent.agent.instrument.TypeInstrumentation;
import dev.secretagent.agent.instrument.TypeTransformer;

import java.util.Collections;
import java.util.List;

import static dev.secretagent.agent.instrument.AsmHook.At.ENTER;
import static dev.secretagent.agent.instrument.AsmHook.At.EXIT_OR_THROW;
import static dev.secretagent.agent.instrument.AsmHook.Value.argument;
import static dev.secretagent.agent.instrument.AsmHook.Value.enterValue;
import static dev.secretagent.agent.instrument.AsmHook.Value.field;

/**
 * java.util.logging: every StreamHandler (ConsoleHandler, FileHandler, SocketHandler, the application's
 * own subclasses) writes what its Formatter produced (SimpleFormatter, XMLFormatter, custom) to a private
 * Writer. On publish, that writer is wrapped once in a redacting writer, and the record's logger names the
 * channel. System.Logger with the default finder logs through JUL and is covered by the same hook.
 * Handlers that are not StreamHandlers (jul-to-slf4j's bridge) hand the record on to another framework,
 * which redacts it once, at its own output.
 */
public final class JulInstrumentation implements TargetInstrumentation {
    private static final String DOOR = "dev/secretagent/runtime/door/jul/JulDoor";
    private static final String PUBLISH = "publish";
    private static final String RECORD_IN = "(Ljava/util/logging/LogRecord;)V";
    private static final String WRITER = "Ljava/io/Writer;";

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
        // plain ASM: transforming the handler loads no Byte Buddy class (a JUL application's first line)
        return Collections.<TypeInstrumentation>singletonList(new TypeInstrumentation("java.util.logging.StreamHandler") {
            @Override
            protected void transform(TypeTransformer t) {
                // setOutputStream/setEncoding assign the writer under the handler's monitor: it is wrapped under it
                // too (JDK 17's publish holds it already, JDK 25's does not), so a concurrent FileHandler rotation
                // is never undone by a wrapper of the old writer; a writer already wrapped comes back as it is
                t.asm(AsmHook.at(ENTER, PUBLISH, RECORD_IN).call(DOOR, "julWriter", "(" + WRITER + ")" + WRITER,
                        field("writer", WRITER)).into(field("writer", WRITER)).synchronizedOnThis());
                // the record's logger names the channel while publish runs
                t.asm(AsmHook.at(ENTER, PUBLISH, RECORD_IN).call(DOOR, "enterJulRecord",
                        "(Ljava/util/logging/LogRecord;)Ljava/lang/String;", argument(0)).into(enterValue()));
                t.asm(AsmHook.at(EXIT_OR_THROW, PUBLISH, RECORD_IN).call(DOOR, "exitJulHandler",
                        "(Ljava/lang/String;)V", enterValue()));
            }
        });
    }
}
