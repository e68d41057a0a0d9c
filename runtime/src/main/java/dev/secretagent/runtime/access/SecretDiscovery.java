package dev.secretagent.runtime.access;

import dev.secretagent.runtime.secret.Secret;
import dev.secretagent.runtime.secret.SecretReferences;
import dev.secretagent.runtime.secret.SecretRegistry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** The zero-config rule: environment variables and system properties whose names look secret are known secrets. */
public final class SecretDiscovery {
    private SecretDiscovery() {
    }

    /** Registers every secret-looking entry; returns how many were registered. */
    public static int discover(Map<String, String> environment, Properties properties) {
        List<Secret> found = new ArrayList<Secret>();
        for (Map.Entry<String, String> e : environment.entrySet()) {
            // a store reference is not a value: the injector registers what it resolves to
            if (SecretNames.looksSecret(e.getKey()) && e.getValue() != null && !e.getValue().isEmpty()
                    && !SecretReferences.isReference(e.getValue())) {
                found.add(new Secret(e.getKey(), "1", e.getValue(), "env"));
            }
        }
        for (String name : properties.stringPropertyNames()) {
            String v = properties.getProperty(name);
            if (SecretNames.looksSecret(name) && v != null && !v.isEmpty() && !SecretReferences.isReference(v)) {
                found.add(new Secret(name, "1", v, "sysprop"));
            }
        }
        if (!found.isEmpty()) {
            SecretRegistry.putAll(found);
        }
        return found.size();
    }
}
