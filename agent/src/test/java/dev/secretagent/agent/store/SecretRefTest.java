package dev.secretagent.agent.store;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretRefTest {
    @Test
    void forms() {
        SecretRef a = SecretRef.parse("secret://file/prod/db/password", "vault");
        assertThat(a.store()).isEqualTo("file");
        assertThat(a.path()).isEqualTo("prod/db/password");
        SecretRef b = SecretRef.parse("vault://prod/db?version=3#password", "file");
        assertThat(b.store()).isEqualTo("vault");
        assertThat(b.path()).isEqualTo("prod/db");
        assertThat(b.version()).isEqualTo("3");
        assertThat(b.field()).isEqualTo("password");
        assertThat(b.storePath()).isEqualTo("prod/db#password");
        assertThat(SecretRef.parse("dir://db_password", "file").store()).isEqualTo("dir");
        assertThat(SecretRef.parse("prod/x", "file").store()).isEqualTo("file");
        assertThat(SecretRef.isReference("secret://file/x")).isTrue();
        assertThat(SecretRef.isReference("https://example.org")).isFalse();
    }

    @Test
    void badReferencesNameTheProblem() {
        assertThatThrownBy(() -> SecretRef.parse("secret://s3/x", "file")).hasMessageContaining("unknown store 's3'");
        assertThatThrownBy(() -> SecretRef.parse("vault://x?version=latest", "file")).hasMessageContaining("version");
        assertThatThrownBy(() -> SecretRef.parse("ftp://x", "file")).hasMessageContaining("scheme");
    }
}
