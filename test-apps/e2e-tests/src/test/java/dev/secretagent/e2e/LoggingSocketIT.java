package dev.secretagent.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectStreamClass;
import java.lang.reflect.Array;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 4, appenders that ship events rather than text, over a real TCP connection to a server in this test:
 * <ul>
 *   <li>Logback's SocketAppender serialises each event (LoggingEventVO: message, arguments, MDC, the logger
 *       context's properties, exception messages of the cause chain and suppressed). Every byte received is
 *       checked for every form of the secret; the stream is then deserialised with the application's own Logback
 *       classes, which proves it is still a valid stream with as many events as without the agent, and the
 *       events' fields are checked too.</li>
 *   <li>Log4j 1.2's (reload4j) SocketAppender serialises the application's own LoggingEvent (rendered message,
 *       thread name, NDC, MDC copy, the throwable's lines with causes and suppressed): checked the same way, and
 *       the application checks that its events hold what they held before they were shipped (the fields are put
 *       back after the write) and that a text appender after the socket appender still writes them redacted.</li>
 *   <li>Log4j2's SocketAppender writes layout output (pattern and JSON template layout), covered by the
 *       appender hook like a file.</li>
 * </ul>
 * Each run is done twice, without the agent (control: the secret must be on the wire) and with it.
 */
class LoggingSocketIT {

    @ParameterizedTest
    @ValueSource(strings = {"logback-app", "logback12-app"})
    void logbackSocketAppender(String module) throws Exception {
        String plain = ChildJvm.randomSecret("pw-");
        String special = LoggingScenario.specialSecret("tk-");

        Shipped control = shipLogback(module, plain, special, false);
        for (String s : new String[] {plain, special}) {
            assertThat(control.wire).as("control: the secret is on the wire").contains(s);
            assertThat(control.eventText).as("control: the deserialised events hold the secret").contains(s);
        }
        assertThat(control.eventText).contains("db.credentials=" + plain); // context property
        // Logback 1.2 reads the MDC on the appender's sending thread (empty there): only 1.3+ ships it
        boolean shipsMdc = module.equals("logback-app");
        if (shipsMdc) {
            assertThat(control.eventText).contains("session.token=" + plain);
        }

        Shipped agent = shipLogback(module, plain, special, true);
        assertThat(agent.events).as("events shipped, agent vs control").isEqualTo(control.events);
        assertThat(agent.eventText).contains("[REDACTED:").contains("db.credentials=[REDACTED:");
        if (shipsMdc) {
            assertThat(agent.eventText).contains("session.token=[REDACTED:");
        }
        LogOutputs wire = new LogOutputs();
        wire.outputs.put("socket (raw bytes)", agent.wire);
        wire.outputs.put("socket (deserialised events)", agent.eventText);
        wire.outputs.put("stdout", agent.stdout);
        wire.outputs.put("stderr", agent.stderr);
        wire.assertNoSecret(plain, special);
    }

    @Test
    void log4j1SocketAppender() throws Exception {
        String plain = ChildJvm.randomSecret("pw-");
        String special = LoggingScenario.specialSecret("tk-");

        Shipped control = ship("reload4j-app", "demo.reload4j.SocketApp", plain, special, false, LoggingSocketIT::describeLog4j1);
        for (String s : new String[] {plain, special}) {
            assertThat(control.wire).as("control: the secret is on the wire").contains(s);
            assertThat(control.eventText).as("control: the deserialised events hold the secret").contains(s);
            control.files.assertEveryOutputHolds(s, "app.log");
        }
        // every field that carries the secret in this scenario, without the agent
        assertThat(control.eventText).contains("message=connecting with password " + plain)
                .contains("message=Credentials{user=admin, password=" + plain + "}")
                .contains("message=user=admin password=" + plain)
                .contains("session.token=" + plain).contains("ndc=request " + plain).contains("thread=worker " + plain)
                .contains("bad password " + plain).contains("Caused by: java.io.IOException: inner " + plain)
                .contains("Suppressed: java.lang.IllegalArgumentException: suppressed " + plain);
        String unchanged = "events unchanged after shipping: " + control.events + " checked, 0 changed";
        assertThat(control.stdout).contains(unchanged);

        Shipped agent = ship("reload4j-app", "demo.reload4j.SocketApp", plain, special, true, LoggingSocketIT::describeLog4j1);
        assertThat(agent.events).as("events shipped, agent vs control").isEqualTo(control.events);
        assertThat(agent.eventText).contains("message=connecting with password [REDACTED:")
                .contains("message=Credentials{user=admin, password=[REDACTED:")
                .contains("message=user=admin password=[REDACTED:")
                .contains("session.token=[REDACTED:").contains("ndc=request [REDACTED:").contains("thread=worker [REDACTED:")
                .contains("bad password [REDACTED:").contains("Caused by: java.io.IOException: inner [REDACTED:")
                .contains("Suppressed: java.lang.IllegalArgumentException: suppressed [REDACTED:")
                .contains("\tat demo.reload4j.SocketApp"); // the stack frames are still there
        // the application's own events, after the socket appender wrote them, hold what they held before
        assertThat(agent.stdout).contains(unchanged);
        // a text appender after the socket appender: the event's original text, redacted by its own hook
        assertThat(agent.files.lineCounts()).as("lines per file, agent vs control").isEqualTo(control.files.lineCounts());
        assertThat(agent.files.outputs.get("app.log")).contains("mdc=[REDACTED:").contains("ndc=request [REDACTED:")
                .contains("[worker [REDACTED:");
        LogOutputs all = agent.files;
        all.outputs.put("socket (raw bytes)", agent.wire);
        all.outputs.put("socket (deserialised events)", agent.eventText);
        all.outputs.put("stdout", agent.stdout);
        all.outputs.put("stderr", agent.stderr);
        all.assertNoSecret(plain, special);
    }

    @ParameterizedTest
    @ValueSource(strings = {"log4j2-app", "log4j2-217-app"})
    void log4j2SocketAppender(String module) throws Exception {
        String plain = ChildJvm.randomSecret("pw-");
        String special = LoggingScenario.specialSecret("tk-");

        LogOutputs control = shipLog4j2(module, plain, special, false);
        for (String s : new String[] {plain, special}) {
            control.assertEveryOutputHolds(s, "socket-pattern", "socket-json");
        }

        LogOutputs agent = shipLog4j2(module, plain, special, true);
        assertThat(agent.lineCounts()).as("lines per output, agent vs control").isEqualTo(control.lineCounts());
        assertThat(agent.outputs.get("socket-pattern")).contains("[REDACTED:");
        assertThat(agent.outputs.get("socket-json")).contains("[REDACTED:");
        agent.assertNoSecret(plain, special);
    }

    /** What one Logback run put on the wire. */
    static final class Shipped {
        String wire;
        int events;
        String eventText;
        String stdout;
        String stderr;
        /** The files the application wrote besides (its text appenders). */
        LogOutputs files;
    }

    private static Shipped shipLogback(String module, String plain, String special, boolean withAgent) throws Exception {
        return ship(module, "demo.logback.SocketApp", plain, special, withAgent, LoggingSocketIT::describe);
    }

    /** An event read back, as text. */
    interface Describer {
        String describe(Object event) throws Exception;
    }

    private static Shipped ship(String module, String mainClass, String plain, String special, boolean withAgent,
                                Describer describer) throws Exception {
        Path out = LogOutputs.freshDir(module + "-socket");
        try (SocketSink sink = new SocketSink()) {
            ChildJvm c = ChildJvm.app(module, mainClass, String.valueOf(sink.port()))
                    .jvmArg("-Dout=" + out).env("APP_PASSWORD", plain).env("APP_TOKEN", special);
            ChildJvm.Running app = (withAgent ? c.withAgent() : c).start();
            sink.awaitText("socket-done");
            app.send("stop");
            assertThat(app.finish()).as(app.stderr()).isZero();
            sink.awaitAllClosed();
            Shipped s = new Shipped();
            s.wire = sink.bytesAsText();
            s.stdout = app.stdout();
            s.stderr = LogOutputs.withoutAgentLines(app.stderr());
            s.files = LogOutputs.of("", "", out);
            // the application's own framework version, kept open while the events are read (classes load lazily)
            try (URLClassLoader framework = new URLClassLoader(new URL[] {ChildJvm.appJar(module).toUri().toURL()}, null)) {
                List<Object> events = new ArrayList<>();
                for (byte[] connection : sink.connections()) { // each connection is an object stream of its own
                    events.addAll(deserialise(connection, framework));
                }
                s.events = events.size();
                StringBuilder text = new StringBuilder();
                for (Object e : events) {
                    text.append(describer.describe(e)).append('\n');
                }
                s.eventText = text.toString();
            }
            return s;
        }
    }

    /** Reads the stream as Logback's receivers do, with the classes of the application's own Logback version. */
    private static List<Object> deserialise(byte[] bytes, ClassLoader logback) throws Exception {
        List<Object> events = new ArrayList<>();
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes)) {
                 @Override
                 protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
                     try {
                         return Class.forName(desc.getName(), false, logback);
                     } catch (ClassNotFoundException e) {
                         return super.resolveClass(desc);
                     }
                 }
             }) {
            while (true) {
                try {
                    events.add(in.readObject());
                } catch (EOFException end) {
                    return events;
                }
            }
        }
    }

    /** An event's fields as a receiver sees them: message with arguments, MDC, context properties, exceptions. */
    private static String describe(Object event) throws Exception {
        StringBuilder sb = new StringBuilder();
        sb.append(call(event, "getThreadName")).append(' ').append(call(event, "getLoggerName")).append(' ')
                .append(call(event, "getFormattedMessage")).append(" mdc=").append(call(event, "getMDCPropertyMap"));
        Object args = call(event, "getArgumentArray");
        if (args != null) {
            for (int i = 0; i < Array.getLength(args); i++) {
                sb.append(" arg=").append(Array.get(args, i));
            }
        }
        Object context = call(event, "getLoggerContextVO");
        sb.append(" context=").append(context == null ? null : call(context, "getPropertyMap"));
        throwables(call(event, "getThrowableProxy"), sb, 0);
        return sb.toString();
    }

    /** A Log4j 1.2 event as a receiver (SocketServer, Chainsaw) sees it. */
    private static String describeLog4j1(Object event) throws Exception {
        StringBuilder sb = new StringBuilder();
        sb.append("thread=").append(call(event, "getThreadName")).append(" logger=").append(call(event, "getLoggerName"))
                .append(" message=").append(call(event, "getRenderedMessage")).append(" ndc=").append(call(event, "getNDC"))
                .append(" mdc=").append(call(event, "getProperties"));
        Object lines = call(event, "getThrowableStrRep");
        if (lines != null) {
            for (int i = 0; i < Array.getLength(lines); i++) {
                sb.append('\n').append(Array.get(lines, i));
            }
        }
        return sb.toString();
    }

    private static void throwables(Object proxy, StringBuilder sb, int depth) throws Exception {
        if (proxy == null || depth > 10) {
            return;
        }
        sb.append(" throwable=").append(call(proxy, "getClassName")).append(": ").append(call(proxy, "getMessage"));
        try {
            sb.append(" overriding=").append(call(proxy, "getOverridingMessage")); // 1.3+
        } catch (NoSuchMethodException older) {
            // Logback 1.2
        }
        throwables(call(proxy, "getCause"), sb, depth + 1);
        Object suppressed = call(proxy, "getSuppressed");
        if (suppressed != null) {
            for (int i = 0; i < Array.getLength(suppressed); i++) {
                throwables(Array.get(suppressed, i), sb, depth + 1);
            }
        }
    }

    private static Object call(Object target, String method) throws Exception {
        java.lang.reflect.Method m = target.getClass().getMethod(method);
        m.setAccessible(true);
        return m.invoke(target);
    }

    private static LogOutputs shipLog4j2(String module, String plain, String special, boolean withAgent) throws Exception {
        Path out = LogOutputs.freshDir(module + "-socket");
        try (SocketSink pattern = new SocketSink(); SocketSink json = new SocketSink()) {
            ChildJvm c = ChildJvm.app(module, "demo.log4j2.SocketApp")
                    .jvmArg("-Dout=" + out)
                    .jvmArg("-Dsocket.port.pattern=" + pattern.port()).jvmArg("-Dsocket.port.json=" + json.port())
                    .env("APP_PASSWORD", plain).env("APP_TOKEN", special);
            ChildJvm.Result run = (withAgent ? c.withAgent() : c).run();
            assertThat(run.exit).as(run.toString()).isZero();
            pattern.awaitAllClosed();
            json.awaitAllClosed();
            LogOutputs o = LogOutputs.of(run, out);
            o.outputs.put("socket-pattern", new String(pattern.bytes(), java.nio.charset.StandardCharsets.UTF_8));
            o.outputs.put("socket-json", new String(json.bytes(), java.nio.charset.StandardCharsets.UTF_8));
            return o;
        }
    }
}
