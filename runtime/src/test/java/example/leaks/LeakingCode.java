package example.leaks;

import dev.secretagent.runtime.redact.Redaction;

/** Stands for application code (outside dev.secretagent, whose frames the call-site walk skips). */
public final class LeakingCode {
    private LeakingCode() {
    }

    public static void leak(String value, String channel) {
        Redaction.redact("password is " + value, channel); // the call site the findings must name
    }
}
