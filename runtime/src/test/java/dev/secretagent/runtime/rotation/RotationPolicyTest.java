package dev.secretagent.runtime.rotation;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static dev.secretagent.runtime.rotation.RotationPolicy.DAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RotationPolicyTest {
    @Test
    void defaultsByKindFromTheName() {
        RotationPolicy p = RotationPolicy.defaults();
        assertThat(p.cadence("prod/db/password").maxAgeMillis).isEqualTo(90 * DAY);
        assertThat(p.cadence("prod/stripe/api_key").maxAgeMillis).isEqualTo(90 * DAY);
        assertThat(p.cadence("prod/github/token").maxAgeMillis).isEqualTo(90 * DAY);
        assertThat(p.cadence("prod/oauth/client-secret").maxAgeMillis).isEqualTo(90 * DAY);
        assertThat(p.cadence("prod/jwt/signing-key").maxAgeMillis).isEqualTo(180 * DAY);
        assertThat(p.cadence("prod/release/sign_key").maxAgeMillis).isEqualTo(180 * DAY);
        assertThat(p.cadence("prod/db/url").maxAgeMillis).as("no kind: no cadence").isZero();
        assertThat(p.cadence("prod/db", "DB_PASSWORD").maxAgeMillis).as("the name says it").isEqualTo(90 * DAY);
    }

    @Test
    void theShortestMatchingRuleWinsSoAddingRulesOnlyShortens() {
        RotationPolicy p = RotationPolicy.parse("prod/*=30d,prod/db/*=60d;*=365d");
        assertThat(p.cadence("prod/db/password").maxAgeMillis).isEqualTo(30 * DAY);
        assertThat(p.cadence("prod/db/password").rule).isEqualTo("prod/*=30d");
        assertThat(p.cadence("dev/db/password").maxAgeMillis).as("a rule replaces the kind default").isEqualTo(365 * DAY);
        assertThat(RotationPolicy.parse("prod/db/*=12h").cadence("prod/db/x").maxAgeMillis).isEqualTo(12 * 3_600_000L);
        assertThat(RotationPolicy.parse("a=5000").cadence("a").maxAgeMillis).as("bare ms (normalised)").isEqualTo(5000L);
    }

    @Test
    void badRulesAreRefusedNamingTheRule() {
        assertThatThrownBy(() -> RotationPolicy.parse("prod/*")).hasMessageContaining("'prod/*'").hasMessageContaining("glob=duration");
        assertThatThrownBy(() -> RotationPolicy.parse("prod/*=soon")).hasMessageContaining("90d");
        assertThatThrownBy(() -> RotationPolicy.parse("prod/*=0d")).hasMessageContaining("at least 1s");
    }

    @Test
    void ageIsDueAtCreationPlusCadenceAndOverdueAfter() {
        long created = 1_000_000_000_000L;
        SecretAge a = SecretAge.of("DB_PASSWORD", "3", "prod/db/password", "file", created, "v", RotationPolicy.defaults());
        assertThat(a.dueAt).isEqualTo(created + 90 * DAY);
        assertThat(a.overdue(created + 89 * DAY)).isFalse();
        assertThat(a.overdue(created + 90 * DAY)).isTrue();
        assertThat(a.ageDays(created + 100 * DAY + 5)).isEqualTo(100);
        SecretAge unknown = SecretAge.of("X", "1", "prod/db/password", "dir", 0L, "v", RotationPolicy.defaults());
        assertThat(unknown.dueAt).as("age unknown: no due date").isZero();
        assertThat(unknown.overdue(Long.MAX_VALUE)).isFalse();
    }

    @Test
    void statusFiguresOldestAndOverdue() {
        long now = 1_000 * DAY;
        List<SecretAge> ages = Arrays.asList(
                SecretAge.of("A", "1", "a/password", "file", now - 100 * DAY, "v", RotationPolicy.defaults()),
                SecretAge.of("B", "1", "b/password", "file", now - 10 * DAY, "v", RotationPolicy.defaults()),
                SecretAge.of("C", "1", "c/token", "file", now - 95 * DAY, "v", RotationPolicy.defaults()),
                SecretAge.of("D", "1", "d/password", "dir", 0L, "v", RotationPolicy.defaults()));
        assertThat(RotationWatch.oldest(ages).id).isEqualTo("A");
        assertThat(RotationWatch.overdue(ages, now)).isEqualTo(2);
        assertThat(RotationWatch.check(ages, now)).as("records for the two overdue ones only").isEqualTo(2);
        assertThat(RotationWatch.check(ages, now - 6 * DAY)).as("C is due in 1 day: warned ahead").isEqualTo(2);
    }

    @Test
    void weakValuesAreToldWithoutTheValue() {
        String weak = "aaaa" + "aaaa" + "aaaa";
        String w = ValueStrength.warning("prod/db/password", weak, 8);
        assertThat(w).contains("prod/db/password").contains("low entropy").doesNotContain(weak).doesNotContain("aaaa");
        assertThat(ValueStrength.warning("p", "ab" + "c", 8)).contains("shorter than min.length (8)").doesNotContain("abc");
        assertThat(ValueStrength.warning("p", "Zr8-qW2" + "_mT5yLp0" + "Vx7JcN4s", 8)).isNull();
    }
}
