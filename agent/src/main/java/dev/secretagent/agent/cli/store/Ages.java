package dev.secretagent.agent.cli.store;

import dev.secretagent.runtime.Keys;
import dev.secretagent.runtime.rotation.RotationPolicy;
import dev.secretagent.runtime.rotation.SecretAge;

import java.time.Instant;
import java.util.Map;

/** The rotation cadences of the options, and how an age reads in a listing. */
final class Ages {
    private Ages() {
    }

    /** The rotation cadences of the options (rotation.cadence / SECRETAGENT_ROTATION_CADENCE, the config file). */
    static RotationPolicy policy(Map<String, String> options) {
        return RotationPolicy.parse(Keys.ROTATION_CADENCE.in(options));
    }

    /** "  age 120d  due 2025-05-01 OVERDUE" (dates in UTC, days rounded down). */
    static String ageText(SecretAge age, long now) {
        StringBuilder sb = new StringBuilder();
        sb.append("  age ").append(age.created > 0 ? age.ageDays(now) + "d" : "unknown");
        if (age.dueAt > 0) {
            sb.append("  due ").append(Instant.ofEpochMilli(age.dueAt).toString(), 0, 10)
                    .append(age.overdue(now) ? " OVERDUE" : "");
        } else {
            sb.append("  due -");
        }
        return sb.toString();
    }
}
