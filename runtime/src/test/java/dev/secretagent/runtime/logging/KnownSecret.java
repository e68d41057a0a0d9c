package dev.secretagent.runtime.logging;

import dev.secretagent.runtime.redact.Redaction;
import dev.secretagent.runtime.secret.Secret;
import dev.secretagent.runtime.secret.SecretRegistry;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * For the logging door tests: {@code APP_PASSWORD}, a known secret made at run time for each test, and the
 * redactions the listener heard ({@code id@channel}), both reset after the test.
 */
public final class KnownSecret implements BeforeEachCallback, AfterEachCallback {
    private final String prefix;
    public String value;
    public final List<String> heard = new ArrayList<>();

    public KnownSecret(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        value = prefix + UUID.randomUUID().toString().replace("-", "");
        heard.clear();
        SecretRegistry.put(new Secret("APP_PASSWORD", "1", value, "test"));
        Redaction.setListener((id, channel) -> heard.add(id + "@" + channel));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Redaction.setListener(null);
        SecretRegistry.reset();
    }
}
