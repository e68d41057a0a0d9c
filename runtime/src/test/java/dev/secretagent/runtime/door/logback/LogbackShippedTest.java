package dev.secretagent.runtime.door.logback;

import dev.secretagent.runtime.logging.KnownSecret;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Fields of a serialised Logback event: redacted copies, never the application's own arrays and maps. */
class LogbackShippedTest {
    @RegisterExtension
    final KnownSecret known = new KnownSecret("sh-");

    @Test
    void argumentsWithASecretComeBackAsANewArrayOfStrings() {
        Object[] args = {42, null, new StringBuilder("pw=").append(known.value), "user"};
        Object[] shipped = LogbackDoor.logbackShippedArguments(args, "demo.Orders");
        assertThat(shipped).isNotSameAs(args).containsExactly("42", null, "pw=[REDACTED:APP_PASSWORD]", "user");
        assertThat(args[2].toString()).contains(known.value); // the application's array is untouched
    }

    @Test
    void cleanArgumentsAndMapsAreTheSameInstances() {
        Object[] args = {1, "user"};
        assertThat(LogbackDoor.logbackShippedArguments(args, "x")).isSameAs(args);
        Map<String, String> map = Collections.singletonMap("k", "v");
        assertThat(LogbackDoor.logbackShippedMap(map, "x")).isSameAs(map);
        assertThat(LogbackDoor.logbackShippedArguments(null, "x")).isNull();
        assertThat(LogbackDoor.logbackShippedMap(null, "x")).isNull();
    }

    @Test
    void mapWithASecretInAKeyOrValueComesBackAsARedactedCopyInOrder() {
        Map<String, String> mdc = new LinkedHashMap<String, String>();
        mdc.put("a", "1");
        mdc.put("session.token", known.value);
        mdc.put("by-" + known.value, "2");
        Map<String, String> shipped = LogbackDoor.logbackShippedMap(Collections.unmodifiableMap(mdc), "demo.Orders");
        assertThat(shipped).containsExactly(Map.entry("a", "1"), Map.entry("session.token", "[REDACTED:APP_PASSWORD]"),
                Map.entry("by-[REDACTED:APP_PASSWORD]", "2"));
        assertThat(mdc).containsEntry("session.token", known.value);
    }

    @Test
    void textIsRedactedEvenInsideAnAppender() {
        Object previous = LogbackDoor.enterLogbackAppender(null);
        try {
            assertThat(LogbackDoor.logbackShippedText("pw " + known.value, "demo.Orders")).isEqualTo("pw [REDACTED:APP_PASSWORD]");
        } finally {
            LogbackDoor.exitLogbackAppender(previous);
        }
    }
}
