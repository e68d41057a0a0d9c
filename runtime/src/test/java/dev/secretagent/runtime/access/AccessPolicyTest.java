package dev.secretagent.runtime.access;

import dev.secretagent.runtime.Settings;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccessPolicyTest {
    static AccessPolicy policy(Map<String, Object>... entries) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("config", "/etc/sa.yaml");
        return AccessPolicy.parse(new Settings(v, Collections.singletonMap("policy", Arrays.asList(entries))));
    }

    static Map<String, Object> entry(int line, String secret, Object allow) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("secret", secret);
        if (allow != null) {
            e.put("allow", allow);
        }
        e.put("_line", line);
        return e;
    }

    static CallerIdentity caller(String cls, String jar) {
        return new CallerIdentity(cls, "m", 1, "/srv/lib/" + jar, "unnamed");
    }

    @Test
    @SuppressWarnings("unchecked")
    void packagesClassesJarsAndGlobs() {
        AccessPolicy p = policy(entry(3, "DB_PASSWORD", Arrays.asList("com.acme.db.", "com.acme.Config", "jar:orders-*.jar")),
                entry(5, "API_*", Collections.singletonList("com.acme.api.")),
                entry(7, "LOCKED", Collections.emptyList()));
        assertThat(p.denies("DB_PASSWORD", caller("com.acme.db.Pool", "x.jar"))).isFalse();
        assertThat(p.denies("DB_PASSWORD", caller("com.acme.Config", "x.jar"))).isFalse();
        assertThat(p.denies("DB_PASSWORD", caller("com.acme.Config$Loader", "x.jar"))).isFalse();
        assertThat(p.denies("DB_PASSWORD", caller("com.acme.ConfigX", "x.jar"))).isTrue();
        assertThat(p.denies("DB_PASSWORD", caller("com.other.Thing", "orders-1.2.jar"))).isFalse();
        assertThat(p.denies("DB_PASSWORD", caller("com.other.Thing", "x.jar"))).isTrue();
        assertThat(p.denies("API_TOKEN", caller("com.acme.db.Pool", "x.jar"))).isTrue();
        assertThat(p.denies("LOCKED", caller("com.acme.db.Pool", "x.jar"))).isTrue();
        assertThat(p.denies("UNLISTED_SECRET", caller("anything.At.All", "x.jar"))).as("no entry: open").isFalse();
        assertThat(p.literalSecretIds()).containsExactly("DB_PASSWORD", "LOCKED");
    }

    @Test
    @SuppressWarnings("unchecked")
    void badEntriesNameFileAndLine() {
        Map<String, Object> typo = entry(9, "X", Collections.emptyList());
        typo.put("allwo", "y");
        assertThatThrownBy(() -> policy(typo)).hasMessage("/etc/sa.yaml:9: policy entry: unknown key 'allwo'"
                + " (an entry has secret, allow and an optional description)");
        assertThatThrownBy(() -> policy(entry(4, "X", null))).hasMessageStartingWith("/etc/sa.yaml:4: policy entry for 'X': 'allow'");
        assertThatThrownBy(() -> policy(entry(6, "X", Collections.singletonList("com acme"))))
                .hasMessageStartingWith("/etc/sa.yaml:6: policy entry: 'com acme' is neither");
        List<Object> notText = Arrays.asList((Object) Collections.emptyMap());
        assertThatThrownBy(() -> policy(entry(8, "X", notText))).hasMessageContaining(":8:");
    }

    @Test
    @SuppressWarnings("unchecked")
    void anApplicationEntryNarrowsAFleetGovernedSecretButNeverWidensIt() {
        Map<String, Object> fleet = entry(2, "DB_PASSWORD", Collections.singletonList("com.acme."));
        fleet.put("_fleet", 1);
        fleet.put("_file", "/etc/secret-agent/policy.yaml");
        Map<String, Object> widen = entry(4, "*", Collections.singletonList("*"));
        Map<String, Object> narrow = entry(6, "DB_*", Collections.singletonList("com.acme.db."));
        AccessPolicy widening = policy(fleet, widen);
        assertThat(widening.denies("DB_PASSWORD", caller("com.evil.Thief", "x.jar"))).as("a glob '*' allowing anyone does not widen").isTrue();
        assertThat(widening.denies("DB_PASSWORD", caller("com.acme.web.Page", "x.jar"))).isFalse();
        AccessPolicy p = policy(fleet, narrow);
        assertThat(p.denies("DB_PASSWORD", caller("com.acme.web.Page", "x.jar"))).as("the app narrowed to com.acme.db.").isTrue();
        assertThat(p.denies("DB_PASSWORD", caller("com.acme.db.Pool", "x.jar"))).isFalse();
        assertThat(widening.denies("OTHER_TOKEN", caller("com.evil.Thief", "x.jar"))).as("not fleet-governed: the app decides").isFalse();
    }

    @Test
    @SuppressWarnings("unchecked")
    void anErrorPointsAtTheKeysLine() {
        Map<String, Object> e = entry(9, "X", "y");
        e.remove("allow");
        e.put("allow", 42);
        Map<String, Integer> lines = new LinkedHashMap<>();
        lines.put("secret", 9);
        lines.put("allow", 11);
        e.put("_lines", lines);
        assertThatThrownBy(() -> policy(e)).hasMessageStartingWith("/etc/sa.yaml:11: policy entry");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aGlobThatMatchesOnlyNamesThatAreNotSecretsIsReported() {
        SecretNames.configure(new Settings(new LinkedHashMap<>(), Collections.emptyMap()));
        AccessPolicy p = policy(entry(3, "ZZ_*", Collections.singletonList("com.acme.")),
                entry(5, "DB_*", Collections.singletonList("com.acme.")));
        List<String> warnings = p.ineffectiveEntries(Arrays.asList("ZZ_ACCOUNT", "DB_PASSWORD", "DB_HOST"));
        assertThat(warnings).singleElement().satisfies(w -> assertThat(w).contains("'ZZ_*'").contains("/etc/sa.yaml:3")
                .contains("ZZ_ACCOUNT").contains("secret.names.extra"));
    }
}
