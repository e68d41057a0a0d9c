package dev.secretagent.runtime.door.logback;

import dev.secretagent.runtime.logging.KnownSecret;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Collections;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The shipped-event door as the adapter calls it: five values back in order, a context rebuilt only when its
 * properties held a secret, and a throw (the adapter then fails closed) when the rendering SLF4J cannot be found.
 * The rendering itself (SLF4J's MessageFormatter) is proved end to end by LoggingSocketIT.
 */
class ShippedEventTypesTest {
    @RegisterExtension
    final KnownSecret known = new KnownSecret("st-");

    /** Stands in for Logback's LoggerContextVO: what the door reads and constructs reflectively. */
    public static final class Context {
        private final String name;
        private final Map<String, String> properties;
        private final long birthTime;

        public Context(String name, Map<String, String> properties, long birthTime) {
            this.name = name;
            this.properties = properties;
            this.birthTime = birthTime;
        }

        public String getName() {
            return name;
        }

        public Map<String, String> getPropertyMap() {
            return properties;
        }

        public long getBirthTime() {
            return birthTime;
        }
    }

    @Test
    void fieldsComeBackRedactedInOrderAndTheContextIsRebuiltOnlyWhenItHeldASecret() throws Exception {
        Map<String, String> mdc = Collections.singletonMap("session.token", known.value);
        Context clean = new Context("ctx", Collections.singletonMap("k", "v"), 7L);
        Object[] shipped = LogbackDoor.logbackShippedEvent(new Object(), "demo.Orders", "pw " + known.value,
                "worker-" + known.value, null, mdc, clean);
        assertThat(shipped[0]).isEqualTo("pw [REDACTED:APP_PASSWORD]");
        assertThat(shipped[1]).isEqualTo("worker-[REDACTED:APP_PASSWORD]");
        assertThat(shipped[2]).isNull();
        assertThat(shipped[3]).isEqualTo(Collections.singletonMap("session.token", "[REDACTED:APP_PASSWORD]"));
        assertThat(shipped[4]).isSameAs(clean);

        Context leaking = new Context("ctx", Collections.singletonMap("db.password", known.value), 7L);
        Context rebuilt = (Context) LogbackDoor.logbackShippedEvent(new Object(), "demo.Orders", "m", "t", null,
                null, leaking)[4];
        assertThat(rebuilt).isNotSameAs(leaking);
        assertThat(rebuilt.getName()).isEqualTo("ctx");
        assertThat(rebuilt.getBirthTime()).isEqualTo(7L);
        assertThat(rebuilt.getPropertyMap()).containsExactly(Map.entry("db.password", "[REDACTED:APP_PASSWORD]"));
    }

    @Test
    void withArgumentsButNoSlf4jBesideTheEventItThrowsSoTheAdapterFailsClosed() {
        assertThatThrownBy(() -> LogbackDoor.logbackShippedEvent(new Object(), "demo.Orders", "a {}",
                "t", new Object[] {"x"}, null, null)).isInstanceOf(IllegalStateException.class);
    }
}
