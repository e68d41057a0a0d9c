package dev.secretagent.runtime.access;

import dev.secretagent.runtime.Glob;
import dev.secretagent.runtime.Settings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SecretNamesTest {
    @AfterEach
    void reset() {
        SecretNames.configure(settings(new HashMap<>()));
        SecretNames.setKnown(Collections.emptySet());
    }

    static Settings settings(Map<String, String> values) {
        return new Settings(values, Collections.<String, List<Map<String, Object>>>emptyMap());
    }

    @Test
    void builtInPatternsCoverEnvironmentAndPropertyStyles() {
        SecretNames.configure(settings(new HashMap<>()));
        assertThat(SecretNames.isSecret("DB_PASSWORD")).isTrue();
        assertThat(SecretNames.isSecret("db.password")).isTrue();
        assertThat(SecretNames.isSecret("github-token")).isTrue();
        assertThat(SecretNames.isSecret("STRIPE_API_KEY")).isTrue();
        assertThat(SecretNames.isSecret("GPG_KEY")).isTrue();
        assertThat(SecretNames.isSecret("KEYBOARD")).isFalse();
        assertThat(SecretNames.isSecret("HOME")).isFalse();
        assertThat(SecretNames.isSecret("java.home")).isFalse();
        assertThat(SecretNames.isSecret("SECRETAGENT_VAULT_TOKEN_FILE")).as("the agent's own options").isFalse();
        assertThat(SecretNames.isSecret("dev.secretagent.started")).isFalse();
    }

    @Test
    void namesCanBeReplacedExtendedAndExcluded() {
        Map<String, String> v = new HashMap<>();
        v.put("secret.names.extra", "*_DSN");
        v.put("secret.names.exclude", "GPG_KEY,*_PUBLIC_KEY");
        SecretNames.configure(settings(v));
        assertThat(SecretNames.isSecret("SENTRY_DSN")).isTrue();
        assertThat(SecretNames.isSecret("GPG_KEY")).isFalse();
        assertThat(SecretNames.isSecret("SSH_PUBLIC_KEY")).isFalse();
        assertThat(SecretNames.isSecret("DB_PASSWORD")).isTrue();

        v.clear();
        v.put("secret.names", "ONLY_THIS");
        SecretNames.configure(settings(v));
        assertThat(SecretNames.isSecret("ONLY_THIS")).isTrue();
        assertThat(SecretNames.isSecret("DB_PASSWORD")).isFalse();
    }

    @Test
    void knownIdsAreSecretsWhateverTheirName() {
        assertThat(SecretNames.isSecret("STRIPE_SK")).isFalse();
        SecretNames.setKnown(Collections.singleton("STRIPE_SK"));
        assertThat(SecretNames.isSecret("STRIPE_SK")).as("the cached 'no' was dropped").isTrue();
    }

    @Test
    void globs() {
        assertThat(Glob.matches("*PASS*", "DB_PASSWORD")).isTrue();
        assertThat(Glob.matches("*_KEY", "API_KEY_ID")).isFalse();
        assertThat(Glob.matches("A?C", "ABC")).isTrue();
        assertThat(Glob.matches("orders-*.jar", "orders-1.2.jar")).isTrue();
        assertThat(Glob.matches("orders-*.jar", "orders-1.2.jar.bak")).isFalse();
    }
}
