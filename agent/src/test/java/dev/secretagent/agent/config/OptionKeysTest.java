package dev.secretagent.agent.config;

import dev.secretagent.runtime.Key;
import dev.secretagent.runtime.Keys;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The agent's options and the runtime's typed keys are one table: every key has its option, every type fits. */
class OptionKeysTest {
    @Test
    void everyRuntimeKeyHasItsOptionUnderTheSameName() throws Exception {
        List<String> keys = new ArrayList<>();
        for (Field f : Keys.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == Key.class) {
                Key<?> k = (Key<?>) f.get(null);
                keys.add(k.name);
                assertThat(Option.valueOf(f.getName()).runtimeKey).as(f.getName()).isSameAs(k);
            }
        }
        assertThat(keys).hasSize(Option.values().length).doesNotHaveDuplicates();
    }

    @Test
    void theRuntimeReadsWhatTheAgentValidated() {
        for (Option o : Option.values()) {
            assertThat(o.runtimeKey.kind).as(o.key).isEqualTo(kindOf(o.type));
            if (o.defaultValue != null) {
                // the default passes the agent's validation and the runtime reads its normalised form as the default
                assertThat(o.runtimeKey.parse(o.type.normalize(o.defaultValue)))
                        .as(o.key).isEqualTo(o.runtimeKey.parse(o.defaultValue));
            }
        }
    }

    private static Key.Kind kindOf(Type t) {
        if (t == Type.BOOLEAN) {
            return Key.Kind.FLAG;
        }
        if (t == Type.POSITIVE_INT) {
            return Key.Kind.COUNT;
        }
        if (t == Type.SIZE) {
            return Key.Kind.BYTES;
        }
        if (t == Type.DURATION) {
            return Key.Kind.MILLIS;
        }
        return t == Type.LIST ? Key.Kind.LIST : Key.Kind.TEXT;
    }
}
