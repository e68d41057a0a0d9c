package dev.secretagent.runtime.access;

import dev.secretagent.runtime.secret.EnvironmentOverlay;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The environment views: a ProcessBuilder's map stays writable, revoked names are gone from every view. */
class EnvironmentViewsTest {
    @Test
    void aProcessBuildersViewWritesThroughToTheBuildersMap() {
        Map<String, String> base = new HashMap<>();
        base.put("PATH", "/bin");
        base.put("LANG", "C");
        base.put("HOME", "/root");
        Map<String, String> view = new AuditedProcessEnvironment(base);
        view.put("EXTRA", "1");
        assertThat(base).containsEntry("EXTRA", "1");
        assertThat(view.remove("EXTRA")).isEqualTo("1");
        view.keySet().removeIf(k -> k.equals("LANG"));
        assertThat(base).doesNotContainKey("LANG");
        for (Map.Entry<String, String> e : view.entrySet()) {
            if (e.getKey().equals("PATH")) {
                e.setValue("/usr/bin");
            }
        }
        assertThat(base).containsEntry("PATH", "/usr/bin");
        for (Iterator<Map.Entry<String, String>> it = view.entrySet().iterator(); it.hasNext(); ) {
            if (it.next().getKey().equals("HOME")) {
                it.remove();
            }
        }
        assertThat(base).containsOnlyKeys("PATH");
        assertThat(view).isEqualTo(base).hasToString(base.toString());
        view.clear();
        assertThat(base).isEmpty();
    }

    @Test
    void theCopyABuilderStartsFromHasInjectedValuesAndNoRevokedNames() {
        String injected = "EVT_INJECTED_" + System.nanoTime();
        String revoked = "EVT_REVOKED_" + System.nanoTime();
        EnvironmentOverlay.put(injected, "value-one");
        EnvironmentOverlay.put(revoked, "value-two");
        EnvironmentOverlay.remove(revoked);
        try {
            Map<String, String> copy = new LinkedHashMap<>();
            copy.put(injected, "secret://file/a");
            copy.put(revoked, "secret://file/b");
            copy.put("PATH", "/bin");
            assertThat(SecretAccess.onEnvironmentCopy(copy)).containsEntry(injected, "value-one")
                    .doesNotContainKey(revoked).containsEntry("PATH", "/bin");

            Map<String, String> real = new LinkedHashMap<>(Map.of(revoked, "secret://file/b", "PATH", "/bin"));
            AuditedEnvironment env = new AuditedEnvironment(java.util.Collections.unmodifiableMap(real));
            assertThat(env.containsKey(revoked)).isFalse();
            assertThat(env.keySet()).doesNotContain(revoked).contains(injected);
            assertThat(env.toString()).doesNotContain(revoked).doesNotContain("secret://");
            assertThat(env.get(revoked)).isNull();
        } finally {
            EnvironmentOverlay.remove(injected);
        }
    }
}
