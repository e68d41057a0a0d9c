package dev.secretagent.runtime.door.log4j1;

import dev.secretagent.runtime.logging.KnownSecret;

import dev.secretagent.runtime.secret.Secret;
import dev.secretagent.runtime.secret.SecretRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Hashtable;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The fields of a Log4j 1.2 event while it is serialised: redacted values in, the originals back, once. */
class Log4j1ShippedEventsTest {
    @RegisterExtension
    final KnownSecret known = new KnownSecret("l1-");
    private final Object event = new Object();
    private final Object throwableInfo = new Object();

    @AfterEach
    void reset() {
        assertThat(Log4j1ShippedEvents.inFlight()).as("events left in flight").isZero();
    }

    @Test
    void everyFieldWithASecretIsRedactedAndTheOriginalsComeBack() {
        Hashtable<Object, Object> mdc = new Hashtable<>();
        mdc.put("session.token", known.value);
        mdc.put("count", 3);
        mdc.put("by-" + known.value, new StringBuilder("x"));
        String[] lines = {"java.lang.IllegalStateException: bad " + known.value, "\tat demo.App.main(App.java:1)"};

        Object[] shipped = Log4j1ShippedEvents.enter(event, "demo.Orders", "pw " + known.value, "worker-" + known.value,
                "request " + known.value, mdc, throwableInfo, lines);

        assertThat(shipped[Log4j1ShippedEvents.RENDERED]).isEqualTo("pw [REDACTED:APP_PASSWORD]");
        assertThat(shipped[Log4j1ShippedEvents.THREAD]).isEqualTo("worker-[REDACTED:APP_PASSWORD]");
        assertThat(shipped[Log4j1ShippedEvents.NDC]).isEqualTo("request [REDACTED:APP_PASSWORD]");
        @SuppressWarnings("unchecked")
        Map<Object, Object> shippedMdc = (Map<Object, Object>) shipped[Log4j1ShippedEvents.MDC];
        assertThat(shippedMdc).isInstanceOf(Hashtable.class).hasSize(3)
                .containsEntry("session.token", "[REDACTED:APP_PASSWORD]").containsEntry("count", 3)
                .containsKey("by-[REDACTED:APP_PASSWORD]");
        assertThat((String[]) shipped[Log4j1ShippedEvents.THROWABLE])
                .containsExactly("java.lang.IllegalStateException: bad [REDACTED:APP_PASSWORD]", lines[1]);
        assertThat(mdc).containsEntry("session.token", known.value); // the application's table is untouched
        assertThat(lines[0]).contains(known.value);

        Object[] originals = Log4j1ShippedEvents.exit(event);
        assertThat(originals).containsExactly("pw " + known.value, "worker-" + known.value, "request " + known.value, mdc, throwableInfo);
    }

    @Test
    void aCleanEventIsLeftAsItIs() {
        Hashtable<Object, Object> mdc = new Hashtable<>();
        mdc.put("user", "alice");
        assertThat(Log4j1ShippedEvents.enter(event, "x", "hello", "main", null, mdc, throwableInfo,
                new String[] {"java.lang.Exception: boom"})).isNull();
        assertThat(Log4j1ShippedEvents.exit(event)).isNull();
    }

    @Test
    void aSecretSpanningStackTraceLinesIsFound() {
        SecretRegistry.put(new Secret("APP_KEY", "1", "first-line-" + known.value + "\nsecond-line-" + known.value, "test"));
        String[] lines = {"java.lang.Exception: key first-line-" + known.value, "second-line-" + known.value, "\tat a.B.c(B.java:1)"};
        Object[] shipped = Log4j1ShippedEvents.enter(event, "x", "m", "main", null, null, throwableInfo, lines);
        for (String line : (String[]) shipped[Log4j1ShippedEvents.THROWABLE]) {
            assertThat(line).doesNotContain(known.value);
        }
        Log4j1ShippedEvents.exit(event);
    }

    @Test
    void aThrowableWithoutItsLinesIsNotShipped() {
        Object[] shipped = Log4j1ShippedEvents.enter(event, "x", "m", "main", null, null, throwableInfo, null);
        assertThat((String[]) shipped[Log4j1ShippedEvents.THROWABLE]).containsExactly("[REDACTION-FAILED]");
        assertThat(Log4j1ShippedEvents.exit(event)[Log4j1ShippedEvents.THROWABLE]).isSameAs(throwableInfo);
    }

    @Test
    void twoWritersOfOneEventThePutBackComesWhenTheLastLeaves() {
        Object[] first = Log4j1ShippedEvents.enter(event, "x", "pw " + known.value, "main", null, null, null, null);
        assertThat(first).isNotNull();
        // a second thread finds the redacted values in place: they are not originals, nothing to write
        assertThat(Log4j1ShippedEvents.enter(event, "x", (String) first[0], "main", null, null, null, null)).isNull();
        assertThat(Log4j1ShippedEvents.exit(event)).as("another writer is still writing").isNull();
        Object[] originals = Log4j1ShippedEvents.exit(event);
        assertThat(originals[Log4j1ShippedEvents.RENDERED]).isEqualTo("pw " + known.value);
        assertThat(Log4j1ShippedEvents.exit(event)).as("nothing in flight any more").isNull();
    }
}
