package dev.secretagent.agent.instrument;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import static dev.secretagent.agent.instrument.AsmHook.At.ENTER;
import static dev.secretagent.agent.instrument.AsmHook.At.EXIT;
import static dev.secretagent.agent.instrument.AsmHook.At.EXIT_OR_THROW;
import static dev.secretagent.agent.instrument.AsmHook.Fallback.MARKER;
import static dev.secretagent.agent.instrument.AsmHook.Fallback.MARKER_LINE_BYTES;
import static dev.secretagent.agent.instrument.AsmHook.Value.argument;
import static dev.secretagent.agent.instrument.AsmHook.Value.enterValue;
import static dev.secretagent.agent.instrument.AsmHook.Value.field;
import static dev.secretagent.agent.instrument.AsmHook.Value.returned;
import static dev.secretagent.agent.instrument.AsmHook.Value.self;
import static dev.secretagent.agent.instrument.AsmHook.Value.selfInstanceOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The plain-ASM emitter on a class of branches, loops, wide locals and its own exception handlers: the rewritten
 * class is defined in a fresh loader, so the JDK's verifier checks every frame the hooks wrote; the doors are this
 * test's static methods, which record what they were given and can be told to throw.
 */
class AsmHookRewriterTest {
    private static final String DOORS = Doors.class.getName().replace('.', '/');
    private static final String TEXT = "Ljava/lang/String;";

    /** What the hooks call: each records its call; {@link #fail} makes every door throw. */
    public static final class Doors {
        public static final List<String> CALLS = Collections.synchronizedList(new ArrayList<String>());
        public static volatile boolean fail;

        public static String text(String text, String field) {
            CALLS.add("text(" + text + "," + field + ")");
            check();
            return text == null ? null : "<" + text + ">";
        }

        public static Object enter(Object event) {
            CALLS.add("enter(" + event + ")");
            check();
            return "token-" + event;
        }

        public static void exit(Object token) {
            CALLS.add("exit(" + token + ")");
            check();
        }

        public static byte[] bytes(byte[] bytes, boolean flag) {
            CALLS.add("bytes(" + new String(bytes) + "," + flag + ")");
            check();
            return ("clean:" + new String(bytes)).getBytes();
        }

        public static String wide(Object self, long a, double d) {
            CALLS.add("wide(" + a + "," + d + ")");
            check();
            return "w";
        }

        /** Whether the caller holds {@code self}'s monitor, appended to {@code current}. */
        public static String locked(Object self, String current) {
            CALLS.add("locked(" + current + ")");
            check();
            return current + ":" + Thread.holdsLock(self);
        }

        private static void check() {
            if (fail) {
                throw new IllegalStateException("door failure");
            }
        }
    }

    /** The class the hooks go into; javac's frames, handlers and wide locals. */
    public static class Sample implements Runnable {
        public String name = "sample";
        public byte[] written;
        public String lastWide;

        public String text(int branch) {
            if (branch == 0) {
                return "zero";
            }
            String s = "n";
            for (int i = 0; i < branch; i++) {
                s += i;
            }
            try {
                if (branch > 5) {
                    throw new IllegalArgumentException("big");
                }
                return s;
            } catch (IllegalArgumentException e) {
                return "caught";
            }
        }

        public void write(byte[] bytes) {
            written = bytes;
        }

        public String run(Object event) {
            if (event == null) {
                throw new IllegalStateException("no event");
            }
            long counted = 0;
            for (char c : event.toString().toCharArray()) {
                counted += c;
            }
            return event + ":" + counted;
        }

        public long wide(long a, double d, String tail) {
            long sum = a + (long) d;
            double half = d / 2;
            return sum + (long) half + tail.length();
        }

        @Override
        public void run() {
        }
    }

    @Test
    void returnedValueAndArgumentAreReplacedAndEveryPathReachesTheExit() throws Throwable {
        Doors.fail = false;
        Doors.CALLS.clear();
        Object sample = instrumented(
                AsmHook.at(EXIT, "text", "(I)" + TEXT).call(DOORS, "text", "(" + TEXT + TEXT + ")" + TEXT,
                        returned(), field("name", TEXT)).into(returned()).orOnError(MARKER),
                AsmHook.at(ENTER, "write", "([B)V").call(DOORS, "bytes", "([BZ)[B", argument(0),
                        selfInstanceOf("java/lang/Runnable")).into(argument(0)).orOnError(MARKER_LINE_BYTES));
        assertThat(call(sample, "text", 0)).isEqualTo("<zero>");
        assertThat(call(sample, "text", 3)).isEqualTo("<n012>");
        assertThat(call(sample, "text", 9)).isEqualTo("<caught>");
        assertThat(Doors.CALLS).containsExactly("text(zero,sample)", "text(n012,sample)", "text(caught,sample)");
        call(sample, "write", "line".getBytes());
        assertThat(new String((byte[]) sample.getClass().getField("written").get(sample))).isEqualTo("clean:line");
        assertThat(Doors.CALLS).contains("bytes(line,true)");
    }

    @Test
    void aThrowingDoorKeepsTheApplicationRunningAndFailsClosed() throws Throwable {
        Object sample = instrumented(
                AsmHook.at(EXIT, "text", "(I)" + TEXT).call(DOORS, "text", "(" + TEXT + TEXT + ")" + TEXT,
                        returned(), field("name", TEXT)).into(returned()).orOnError(MARKER),
                AsmHook.at(ENTER, "write", "([B)V").call(DOORS, "bytes", "([BZ)[B", argument(0),
                        selfInstanceOf("java/lang/Runnable")).into(argument(0)).orOnError(MARKER_LINE_BYTES),
                AsmHook.at(ENTER, "run", "(Ljava/lang/Object;)" + TEXT)
                        .call(DOORS, "enter", "(Ljava/lang/Object;)Ljava/lang/Object;", argument(0)).into(enterValue()),
                AsmHook.at(EXIT_OR_THROW, "run", "(Ljava/lang/Object;)" + TEXT)
                        .call(DOORS, "exit", "(Ljava/lang/Object;)V", enterValue()));
        Doors.fail = true;
        try {
            String secret = "s" + UUID.randomUUID();
            assertThat(call(sample, "text", 3)).isEqualTo("[REDACTION-FAILED]");
            call(sample, "write", secret.getBytes());
            assertThat(new String((byte[]) sample.getClass().getField("written").get(sample)))
                    .isEqualTo("[REDACTION-FAILED]\n");
            // the method's own result and its own exception are untouched by a failing enter and exit
            assertThat(call(sample, "run", "ab")).isEqualTo("ab:195");
            assertThatThrownBy(() -> call(sample, "run", (Object) null)).isInstanceOf(IllegalStateException.class)
                    .hasMessage("no event");
        } finally {
            Doors.fail = false;
        }
    }

    @Test
    void theExitGetsTheEnterValueOnReturnAndOnThrowAndTheThrowableIsRethrown() throws Throwable {
        Doors.fail = false;
        Doors.CALLS.clear();
        Object sample = instrumented(
                AsmHook.at(ENTER, "run", "(Ljava/lang/Object;)" + TEXT)
                        .call(DOORS, "enter", "(Ljava/lang/Object;)Ljava/lang/Object;", argument(0)).into(enterValue()),
                AsmHook.at(EXIT_OR_THROW, "run", "(Ljava/lang/Object;)" + TEXT)
                        .call(DOORS, "exit", "(Ljava/lang/Object;)V", enterValue()),
                AsmHook.at(ENTER, "wide", "(JDLjava/lang/String;)J")
                        .call(DOORS, "wide", "(Ljava/lang/Object;JD)" + TEXT, self(), argument(0), argument(1))
                        .into(field("lastWide", TEXT)));
        assertThat(call(sample, "run", "ab")).isEqualTo("ab:195");
        assertThatThrownBy(() -> call(sample, "run", (Object) null)).isInstanceOf(IllegalStateException.class)
                .hasMessage("no event");
        assertThat(Doors.CALLS).containsExactly("enter(ab)", "exit(token-ab)", "enter(null)", "exit(token-null)");
        Method wide = sample.getClass().getMethod("wide", long.class, double.class, String.class);
        assertThat(wide.invoke(sample, 40L, 3.0, "xy")).isEqualTo(40L + 3 + 1 + 2);
        assertThat(sample.getClass().getField("lastWide").get(sample)).isEqualTo("w");
        assertThat(Doors.CALLS).contains("wide(40,3.0)");
    }

    @Test
    void aSynchronizedHookRunsUnderTheMonitorAndReleasesItWhenTheDoorThrows() throws Throwable {
        Doors.fail = false;
        Object sample = instrumented(AsmHook.at(ENTER, "write", "([B)V")
                .call(DOORS, "locked", "(Ljava/lang/Object;" + TEXT + ")" + TEXT, self(), field("name", TEXT))
                .into(field("name", TEXT)).synchronizedOnThis());
        call(sample, "write", "a".getBytes());
        assertThat(sample.getClass().getField("name").get(sample)).isEqualTo("sample:true");
        assertThat(Thread.holdsLock(sample)).isFalse();
        Doors.fail = true;
        try {
            call(sample, "write", "b".getBytes());
        } finally {
            Doors.fail = false;
        }
        // the field kept, the method ran, and the monitor is free for another thread
        assertThat(sample.getClass().getField("name").get(sample)).isEqualTo("sample:true");
        assertThat(new String((byte[]) sample.getClass().getField("written").get(sample))).isEqualTo("b");
        assertThat(Thread.holdsLock(sample)).isFalse();
        java.util.concurrent.CompletableFuture.runAsync(() -> {
            synchronized (sample) {
                sample.notifyAll();
            }
        }).get(10, java.util.concurrent.TimeUnit.SECONDS);
    }

    @Test
    void aClassNoHookNamesIsLeftAlone() throws Exception {
        assertThat(AsmHookRewriter.rewrite(bytes(Sample.class), Collections.singletonList(
                AsmHook.at(EXIT, "absent", "()V").call(DOORS, "exit", "(Ljava/lang/Object;)V", self())))).isNull();
    }

    @Test
    void declarationsThatCannotWorkAreRefused() {
        assertThatThrownBy(() -> AsmHook.at(EXIT, "text", "(I)" + TEXT)
                .call(DOORS, "enter", "(Ljava/lang/Object;)Ljava/lang/Object;", argument(0)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AsmHook.at(ENTER, "text", "(I)" + TEXT).call(DOORS, "text",
                "(" + TEXT + TEXT + ")" + TEXT, returned(), field("name", TEXT))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AsmHook.at(ENTER, "run", "()V").call(DOORS, "exit", "(Ljava/lang/Object;)V", self())
                .into(enterValue())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AsmHook.at(ENTER, "<init>", "()V")).isInstanceOf(IllegalArgumentException.class);
        // the fail-closed marker is text or bytes: it must fit where it is stored
        assertThatThrownBy(() -> AsmHook.at(ENTER, "write", "([B)V").call(DOORS, "bytes", "([BZ)[B", argument(0),
                selfInstanceOf("java/lang/Runnable")).into(argument(0)).orOnError(MARKER)).isInstanceOf(IllegalArgumentException.class);
    }

    /** A new instance of {@link Sample} rewritten with {@code hooks}, defined (and so verified) in its own loader. */
    private static Object instrumented(AsmHook... hooks) throws Exception {
        byte[] rewritten = AsmHookRewriter.rewrite(bytes(Sample.class), Arrays.asList(hooks));
        assertThat(rewritten).isNotNull();
        Class<?> c = new ClassLoader(Sample.class.getClassLoader()) {
            Class<?> define() {
                return defineClass(Sample.class.getName(), rewritten, 0, rewritten.length);
            }
        }.define();
        return c.getDeclaredConstructor().newInstance();
    }

    private static Object call(Object target, String method, Object argument) throws Throwable {
        for (Method m : target.getClass().getMethods()) {
            if (m.getName().equals(method) && m.getParameterCount() == 1) {
                try {
                    return m.invoke(target, argument);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            }
        }
        throw new NoSuchMethodException(method);
    }

    static byte[] bytes(Class<?> type) throws Exception {
        try (InputStream in = type.getClassLoader().getResourceAsStream(type.getName().replace('.', '/') + ".class")) {
            return in.readAllBytes();
        }
    }
}
