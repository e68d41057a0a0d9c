package dev.secretagent.agent.instrument;

import dev.secretagent.agent.targets.Targets;
import dev.secretagent.agent.targets.WatchedClassNames;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Map;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The static table the class-load gate reads before main is exactly what every target's declarations name. */
class WatchedClassNamesTest {
    @Test
    void theTableIsWhatTheDeclarationsSay() {
        Map<String, List<String>> table = WatchedClassNames.byTarget();
        for (TargetInstrumentation t : Targets.all()) {
            assertThat(table.get(t.name())).as("targets/WatchedClassNames has a row for %s", t.name()).isNotNull();
            assertThat(new HashSet<>(table.get(t.name()))).as("targets/WatchedClassNames row of %s", t.name())
                    .isEqualTo(new HashSet<>(WatchedNames.declared(t)));
        }
        assertThat(table.keySet()).as("no row for a target that does not exist")
                .isEqualTo(Targets.all().stream().map(TargetInstrumentation::name).collect(Collectors.toSet()));
    }

    @Test
    void theTableWatchesWhatTheDeclarationsWatch() {
        WatchedNames fromTable = new WatchedNames(WatchedClassNames.byTarget().values().stream()
                .flatMap(List::stream).collect(Collectors.toList()));
        assertThat(fromTable.watchesInternal("ch/qos/logback/core/OutputStreamAppender")).isTrue();
        assertThat(fromTable.watchesInternal("org/eclipse/jetty/io/SocketChannelEndPoint")).isTrue();
        assertThat(fromTable.watchesBinary("org.eclipse.jetty.io.ssl.SslConnection$DecryptedEndPoint")).isTrue();
        assertThat(fromTable.watchesInternal("org/eclipse/jetty/iox/Other")).isFalse();
        assertThat(fromTable.watchesInternal("com/acme/Orders")).isFalse();
    }
}
