package dev.secretagent.agent.store.file;

import dev.secretagent.agent.store.SecretGenerator;
import dev.secretagent.runtime.rotation.RotationPolicy;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static dev.secretagent.runtime.rotation.RotationPolicy.DAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DueRotationTest {
    static final long NOW = 20_000 * DAY;

    @Test
    void rotatesExactlyTheOverdueGeneratedSecretsAndReportsTheOnesPutByHand() {
        StoreContent c = new StoreContent();
        c.put("old/api/token", "g1-" + System.nanoTime(), NOW - 100 * DAY, true);
        c.put("new/api/token", "g2-" + System.nanoTime(), NOW - 10 * DAY, true);
        c.put("old/db/password", "h1-" + System.nanoTime(), NOW - 100 * DAY, false);
        c.put("old/db/url", "u-" + System.nanoTime(), NOW - 1000 * DAY, false);
        List<DueRotation.Outcome> out = DueRotation.run(c, RotationPolicy.defaults(), NOW, DAY, () -> "next-" + System.nanoTime(), true);

        assertThat(out).extracting(o -> o.kind + " " + o.path)
                .containsExactlyInAnyOrder("ROTATED old/api/token", "NEEDS_HAND old/db/password");
        StoreContent.Entry e = c.entry("old/api/token");
        assertThat(e.current().number).isEqualTo(2);
        assertThat(e.current().generated).isTrue();
        assertThat(e.current().created).isEqualTo(NOW);
        assertThat(e.version(1).expires).as("overlap").isEqualTo(NOW + DAY);
        assertThat(e.version(1).expired(NOW + DAY - 1)).isFalse();
        assertThat(c.entry("old/db/password").versions).hasSize(1);
        assertThat(c.entry("new/api/token").versions).hasSize(1);

        List<DueRotation.Outcome> later = DueRotation.run(c, RotationPolicy.defaults(), NOW + DAY, DAY, () -> "x", true);
        assertThat(later).extracting(o -> o.kind + " " + o.path + " " + o.version)
                .contains("OVERLAP_ENDED old/api/token 1");
        assertThat(c.entry("old/api/token").version(1).destroyed).isTrue();
    }

    @Test
    void reportOnlyChangesNothing() {
        StoreContent c = new StoreContent();
        c.put("a/token", "v-" + System.nanoTime(), NOW - 100 * DAY, true);
        List<DueRotation.Outcome> out = DueRotation.run(c, RotationPolicy.defaults(), NOW, DAY, () -> "x", false);
        assertThat(out).hasSize(1);
        assertThat(c.entry("a/token").versions).hasSize(1);
    }

    @Test
    void formatTwoKeepsTheFlagsAndFormatOneFilesAreStillRead() throws Exception {
        StoreContent c = new StoreContent();
        c.put("g", "value-one-" + System.nanoTime(), 1234L, true);
        c.put("g", "value-two-" + System.nanoTime(), 5678L, true);
        c.endOverlap("g", 2, 9999L);
        StoreContent back = StoreContent.decode(c.encode());
        assertThat(back.entry("g").version(1).generated).isTrue();
        assertThat(back.entry("g").version(1).expires).isEqualTo(9999L);
        assertThat(back.entry("g").version(2).expires).isZero();

        // format 1, as written before this change: no flags, no expiry
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        byte[] v = ("old-" + System.nanoTime()).getBytes(StandardCharsets.UTF_8);
        out.writeByte(1);
        out.writeLong(7);
        out.writeInt(1);
        out.writeUTF("prod/db/password");
        out.writeBoolean(false);
        out.writeInt(1);
        out.writeInt(1);
        out.writeLong(4242L);
        out.writeBoolean(false);
        out.writeInt(v.length);
        out.write(v);
        StoreContent old = StoreContent.decode(bytes.toByteArray());
        StoreContent.Version ov = old.entry("prod/db/password").current();
        assertThat(ov.created).as("format 1 recorded creation times already").isEqualTo(4242L);
        assertThat(ov.generated).as("counts as put by hand").isFalse();
        assertThat(ov.expires).isZero();
        assertThat(ov.value()).isEqualTo(new String(v, StandardCharsets.UTF_8));
    }

    @Test
    void generatorDefaultsTo256BitsAndRefusesFewerThan128() {
        String v = SecretGenerator.generate(0, SecretGenerator.alphabet("base64url"));
        assertThat(v).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(SecretGenerator.generate(0, SecretGenerator.alphabet("hex"))).hasSize(64).matches("[0-9a-f]+");
        assertThat(SecretGenerator.generate(40, SecretGenerator.alphabet("alnum"))).hasSize(40);
        assertThat(SecretGenerator.generate(0, SecretGenerator.alphabet("chars:01"))).hasSize(256).matches("[01]+");
        assertThatThrownBy(() -> SecretGenerator.generate(20, SecretGenerator.alphabet("hex"))).hasMessageContaining("128");
        assertThatThrownBy(() -> SecretGenerator.alphabet("chars:a")).isInstanceOf(IllegalArgumentException.class);
        assertThat(SecretGenerator.generate(0, SecretGenerator.alphabet("base64url")))
                .as("SecureRandom: two values differ").isNotEqualTo(v);
    }
}
