package dev.secretagent.agent.bootstrap;

import org.junit.jupiter.api.Test;

import java.io.DataInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The runtime module's bundle (read by {@link RuntimeInjector}) holds every runtime class once, each after the
 * runtime classes it extends or implements, so that defining them in its order never meets a missing supertype.
 */
class RuntimeBundleTest {
    @Test
    void everyRuntimeClassComesAfterItsRuntimeSupertypes() throws Exception {
        List<String> names = new ArrayList<>();
        try (InputStream res = RuntimeInjector.class.getClassLoader().getResourceAsStream(RuntimeInjector.BUNDLE)) {
            assertThat(res).as("the runtime build writes " + RuntimeInjector.BUNDLE).isNotNull();
            DataInputStream in = new DataInputStream(res);
            assertThat(in.readInt()).isEqualTo(RuntimeInjector.MAGIC);
            int count = in.readInt();
            for (int i = 0; i < count; i++) {
                names.add(in.readUTF());
                in.readFully(new byte[in.readInt()]);
            }
            assertThat(in.read()).as("nothing after the last class").isEqualTo(-1);
        }
        assertThat(names).hasSizeGreaterThan(100).doesNotHaveDuplicates()
                .allMatch(n -> n.startsWith("dev.secretagent.runtime."))
                .contains("dev.secretagent.runtime.redact.Redaction", "dev.secretagent.runtime.Settings");
        Set<String> defined = new HashSet<>();
        for (String name : names) {
            Class<?> c = Class.forName(name, false, RuntimeBundleTest.class.getClassLoader());
            List<Class<?>> supertypes = new ArrayList<>(List.of(c.getInterfaces()));
            if (c.getSuperclass() != null) {
                supertypes.add(c.getSuperclass());
            }
            for (Class<?> s : supertypes) {
                if (names.contains(s.getName())) {
                    assertThat(defined).as(name + " comes after " + s.getName()).contains(s.getName());
                }
            }
            defined.add(name);
        }
    }
}
