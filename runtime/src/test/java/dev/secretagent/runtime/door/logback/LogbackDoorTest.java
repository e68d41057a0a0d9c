package dev.secretagent.runtime.door.logback;

import dev.secretagent.runtime.logging.KnownSecret;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The Logback door: appender calls in progress per thread (nested too), and the channel named for a redacted line. */
class LogbackDoorTest {
    @RegisterExtension
    final KnownSecret known = new KnownSecret("lb-");

    /** Stands in for a Logback classic event: what the door reads reflectively. */
    public static final class Event {
        private final String logger;

        Event(String logger) {
            this.logger = logger;
        }

        public String getLoggerName() {
            return logger;
        }
    }

    private byte[] line(String text) {
        return (text + "\n").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void nestedAppenderCallsNameTheInnermostLoggerAndRestoreTheOuterOne() {
        Object outer = LogbackDoor.enterLogbackAppender(new Event("demo.Outer"));
        try {
            Object inner = LogbackDoor.enterLogbackAppender(new Event("demo.Inner"));
            try {
                LogbackDoor.logbackBytes(line("pw " + known.value), false);
            } finally {
                LogbackDoor.exitLogbackAppender(inner);
            }
            LogbackDoor.logbackBytes(line("pw " + known.value), true);
            // inside an appender the event text is left to the byte hook
            assertThat(LogbackDoor.logbackEventText("pw " + known.value, "demo.Outer")).contains(known.value);
        } finally {
            LogbackDoor.exitLogbackAppender(outer);
        }
        assertThat(known.heard).containsExactly("APP_PASSWORD@logback:demo.Inner", "APP_PASSWORD@logback:demo.Outer");
        // outside every appender call: the event text is redacted here, and bytes go to the framework's channel
        assertThat(LogbackDoor.logbackEventText("pw " + known.value, "demo.Shipped")).isEqualTo("pw [REDACTED:APP_PASSWORD]");
        LogbackDoor.logbackBytes(line("pw " + known.value), false);
        assertThat(known.heard).endsWith("APP_PASSWORD@logback:demo.Shipped", "APP_PASSWORD@logback");
    }

    @Test
    void cleanLineComesBackAsTheSameArrayWithoutNamingTheChannel() {
        byte[] clean = line("order 42 paid");
        Object state = LogbackDoor.enterLogbackAppender(new Object() { // no getLoggerName(): never asked for anyway
        });
        try {
            assertThat(LogbackDoor.logbackBytes(clean, false)).isSameAs(clean);
        } finally {
            LogbackDoor.exitLogbackAppender(state);
        }
        assertThat(known.heard).isEmpty();
    }

    @Test
    void eventsWithoutALoggerNameGoToTheFrameworksChannel() {
        Object state = LogbackDoor.enterLogbackAppender(null);
        try {
            assertThat(new String(LogbackDoor.logbackBytes(line("pw " + known.value), false), StandardCharsets.UTF_8))
                    .isEqualTo("pw [REDACTED:APP_PASSWORD]\n");
        } finally {
            LogbackDoor.exitLogbackAppender(state);
        }
        assertThat(known.heard).containsExactly("APP_PASSWORD@logback");
    }

    @Test
    void aVirtualThreadKeepsItsAppenderCallAcrossAnUnmountAndOthersDoNotSeeIt() throws Exception {
        java.util.concurrent.CountDownLatch inCall = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch othersDone = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicInteger wrong = new java.util.concurrent.atomic.AtomicInteger();
        String text = "pw " + known.value;
        java.util.concurrent.ExecutorService vt = dev.secretagent.runtime.thread.VirtualThreadsSupport.perTask();
        try {
            java.util.concurrent.Future<?> caller = vt.submit(() -> {
                Object previous = LogbackDoor.enterLogbackAppender(new Event("demo.Parked"));
                try {
                    inCall.countDown();
                    othersDone.await(); // unmounts mid-call: other virtual threads run on the carriers meanwhile
                    if (!LogbackDoor.logbackEventText(text, "demo.Parked").contains(known.value)) {
                        wrong.incrementAndGet(); // lost its appender call: the event text would be scanned twice
                    }
                    byte[] out = LogbackDoor.logbackBytes(line(text), false);
                    if (new String(out, StandardCharsets.UTF_8).contains(known.value)) {
                        wrong.incrementAndGet();
                    }
                } finally {
                    LogbackDoor.exitLogbackAppender(previous);
                }
                if (LogbackDoor.logbackEventText(text, "demo.Parked").contains(known.value)) {
                    wrong.incrementAndGet(); // after the call: outside an appender, redacted
                }
                return null;
            });
            inCall.await();
            java.util.List<java.util.concurrent.Future<?>> others = new java.util.ArrayList<>();
            for (int i = 0; i < 1_000; i++) {
                others.add(vt.submit(() -> {
                    if (LogbackDoor.logbackEventText(text, "demo.Other").contains(known.value)) {
                        wrong.incrementAndGet(); // saw the parked thread's appender call
                    }
                    Object previous = LogbackDoor.enterLogbackAppender(new Event("demo.Other"));
                    LogbackDoor.exitLogbackAppender(previous);
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> f : others) {
                f.get();
            }
            othersDone.countDown();
            caller.get();
        } finally {
            dev.secretagent.runtime.thread.VirtualThreadsSupport.awaitAll(vt);
        }
        assertThat(wrong.get()).isZero();
    }
}
