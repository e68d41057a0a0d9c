package dev.secretagent.agent.instrument;

import dev.secretagent.agent.targets.Targets;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** What the installer derives from the targets' declarations, and the declarations' own shape. */
class DeclarationsTest {
    private final List<TargetInstrumentation> targets = Targets.all();
    private final WatchedNames watched = new WatchedNames(targets);

    @Test
    void everyDeclaredTypeIsWatchedInBothForms() {
        for (TargetInstrumentation t : targets) {
            for (TypeInstrumentation type : t.types()) {
                for (String name : type.names()) {
                    assertThat(watched.watchesBinary(name)).as(name).isTrue();
                    assertThat(watched.watchesInternal(name.replace('.', '/'))).as(name).isTrue();
                }
            }
        }
    }

    @Test
    void exactNamesWatchNoNeighbours() {
        // the old prefix ch.qos.logback.classic.spi.LoggingEvent admitted LoggingEventVO silently; now it is named
        assertThat(watched.watchesInternal("ch/qos/logback/classic/spi/LoggingEventVO")).isTrue();
        assertThat(watched.watchesInternal("ch/qos/logback/classic/spi/LoggingEventX")).isFalse();
        assertThat(watched.watchesInternal("java/util/logging/StreamHandler$1")).isFalse();
        assertThat(watched.watchesBinary("java.lang.String")).isFalse();
        assertThat(watched.watchesInternal("com/acme/Orders")).isFalse();
        // the one family declared by prefix
        assertThat(watched.watchesInternal("org/eclipse/jetty/io/SocketChannelEndPoint")).isTrue();
    }

    @Test
    void everyTypeHasHooksAndEveryAdviceClassExists() throws Exception {
        Set<String> names = new HashSet<>();
        for (TargetInstrumentation t : targets) {
            assertThat(names.add(t.name())).as("target names are unique: %s", t.name()).isTrue();
            assertThat(t.types()).as(t.name()).isNotEmpty();
            for (TypeInstrumentation type : t.types()) {
                assertThat(type.hooks()).as("%s %s", t.name(), type.names()).isNotEmpty();
                for (MethodHook hook : type.hooks()) {
                    if (hook.adviceClass() != null) {
                        // the installer reads advice from the system class loader, where the agent jar is
                        Class.forName(hook.adviceClass(), false, ClassLoader.getSystemClassLoader());
                    }
                }
            }
        }
    }
}
