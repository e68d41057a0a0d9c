package dev.secretagent.agent.store;

import dev.secretagent.agent.store.spi.StoredSecret;
import dev.secretagent.agent.store.spi.StoreException;
import dev.secretagent.runtime.Keys;
import dev.secretagent.runtime.redact.Diagnostics;
import dev.secretagent.runtime.Settings;
import dev.secretagent.runtime.audit.Audit;
import dev.secretagent.runtime.audit.AuditEvent;
import dev.secretagent.runtime.rotation.RotationPolicy;
import dev.secretagent.runtime.secret.EnvironmentOverlay;
import dev.secretagent.runtime.secret.Secret;
import dev.secretagent.runtime.secret.SecretRegistry;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Injection before main. Reads the {@code inject} section and the environment's references
 * ({@code DB_PASSWORD=secret://file/prod/db/password}), fetches each secret, registers it for
 * redaction and only then hands it to the application: through the environment overlay (the real
 * process environment, and so {@code /proc/<pid>/environ}, never holds it), a system property or a
 * 0600 file. A required secret that cannot be fetched stops the JVM before main, unless
 * {@code on.store.failure=continue}. Then the refresher keeps the values fresh.
 */
public final class SecretInjector {
    /** Exit status when a required secret cannot be fetched at start (2 is a bad configuration, 3 a leak). */
    public static final int EXIT_STORE_FAILURE = 4;
    static final Set<String> ENTRY_KEYS = new HashSet<>(Arrays.asList("secret", "env", "property", "file", "required", "_line"));

    private SecretInjector() {
    }

    /** The one call from AgentStarter: returns normally, or exits the JVM (status 2 or 4) before main. */
    public static StoreRefresher injectBeforeMain(Settings settings, Map<String, String> environment, PrintStream rawStderr) {
        List<Binding> bindings;
        try {
            bindings = bindings(settings, environment);
        } catch (IllegalArgumentException e) {
            rawStderr.println("[secret-agent] ERROR " + e.getMessage());
            rawStderr.println("[secret-agent] ERROR the JVM stops before main: fix the inject section (docs/stores.md)");
            rawStderr.flush();
            System.exit(2);
            return null;
        }
        if (bindings.isEmpty()) {
            return null;
        }
        Stores stores = new Stores(settings.asMap(), environment);
        List<String> failures = new ArrayList<>();
        for (Binding b : bindings) {
            try {
                StoredSecret s = stores.get(b.ref.store()).read(b.ref.storePath(), b.ref.version());
                apply(b, s, "inject");
            } catch (StoreException e) {
                Audit.record(audit("inject", b, null).failure(reasonText(e)).build());
                if (b.required) {
                    failures.add("cannot fetch " + b + " from store " + b.ref.store() + " (" + location(stores, b)
                            + ") [" + b.origin + "]: " + e.getMessage());
                } else {
                    Diagnostics.warn("optional " + b + " not injected: " + e.getMessage());
                }
            } catch (IOException e) {
                failures.add("cannot write " + b + ": " + e.getMessage());
            }
        }
        boolean exit = !"continue".equals(settings.get(Keys.ON_STORE_FAILURE));
        if (!failures.isEmpty()) {
            for (String f : failures) {
                rawStderr.println("[secret-agent] ERROR " + f);
            }
            if (exit) {
                rawStderr.println("[secret-agent] ERROR the JVM stops before main: a required secret is missing"
                        + " (on.store.failure=continue starts without it)");
                rawStderr.flush();
                System.exit(EXIT_STORE_FAILURE);
                return null;
            }
            rawStderr.println("[secret-agent] WARN starting degraded without " + failures.size()
                    + " required secret(s) (on.store.failure=continue); retrying in the background");
            Audit.record(AuditEvent.action("start").failure("degraded: " + failures.size()
                    + " required secret(s) missing").build());
        }
        RotationPolicy cadences;
        try {
            cadences = RotationPolicy.parse(settings.get(Keys.ROTATION_CADENCE));
        } catch (IllegalArgumentException e) {
            // checked when the configuration was read; should it still fail, the defaults by kind apply
            Diagnostics.warn("rotation.cadence not usable (" + e.getMessage() + "); defaults by kind apply");
            cadences = RotationPolicy.defaults();
        }
        RotationCheck rotation = new RotationCheck(bindings, cadences);
        rotation.install();
        StoreRefresher refresher = new StoreRefresher(stores, bindings,
                settings.get(Keys.STORE_REFRESH_INTERVAL));
        refresher.start(rotation);
        return refresher;
    }

    private static String location(Stores stores, Binding b) {
        try {
            return stores.get(b.ref.store()).location();
        } catch (StoreException e) {
            return "not configured";
        }
    }

    static String reasonText(StoreException e) {
        return e.reason().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ": " + e.getMessage();
    }

    /** The inject section plus environment references, validated; messages name the line or the variable. */
    static List<Binding> bindings(Settings settings, Map<String, String> environment) {
        String defaultStore = settings.get(Keys.STORE);
        String config = settings.get(Keys.CONFIG) == null ? "config" : settings.get(Keys.CONFIG);
        List<Binding> out = new ArrayList<>();
        Set<String> targets = new HashSet<>();
        for (Map<String, Object> entry : settings.section("inject")) {
            String where = config + ":" + entry.get("_line");
            for (String k : entry.keySet()) {
                if (!k.startsWith("_") && !ENTRY_KEYS.contains(k)) { // _line, _lines, _fleet: the reader's own marks
                    throw new IllegalArgumentException(where + ": unknown key '" + k + "' in an inject entry"
                            + " (secret, env, property, file, required)");
                }
            }
            Object secret = entry.get("secret");
            if (!(secret instanceof String) || ((String) secret).isEmpty()) {
                throw new IllegalArgumentException(where + ": inject entry without 'secret'");
            }
            int n = (entry.containsKey("env") ? 1 : 0) + (entry.containsKey("property") ? 1 : 0)
                    + (entry.containsKey("file") ? 1 : 0);
            if (n != 1) {
                throw new IllegalArgumentException(where + ": inject entry for '" + secret
                        + "' needs exactly one target: env, property or file");
            }
            if ("none".equals(defaultStore) && !((String) secret).contains("://")) {
                throw new IllegalArgumentException(where + ": '" + secret + "' names no store and option 'store' is none"
                        + " (set store: file|vault|dir, or write secret://<store>/...)");
            }
            SecretRef ref;
            try {
                ref = SecretRef.parse((String) secret, defaultStore);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage());
            }
            Object req = entry.get("required");
            boolean required = req == null || Boolean.parseBoolean(String.valueOf(req).trim());
            if (req != null && !String.valueOf(req).trim().matches("(?i)true|false")) {
                throw new IllegalArgumentException(where + ": 'required' must be true or false");
            }
            Binding.Target t = entry.containsKey("env") ? Binding.Target.ENV
                    : entry.containsKey("property") ? Binding.Target.PROPERTY : Binding.Target.FILE;
            String name = String.valueOf(entry.get(t == Binding.Target.ENV ? "env" : t == Binding.Target.PROPERTY ? "property" : "file"));
            if (name.isEmpty() || !targets.add(t + ":" + name)) {
                throw new IllegalArgumentException(where + ": target '" + name + "' is empty or injected twice");
            }
            out.add(new Binding(ref, t, name, required, where));
        }
        for (Map.Entry<String, String> e : environment.entrySet()) {
            if (SecretRef.isReference(e.getValue()) && !targets.contains(Binding.Target.ENV + ":" + e.getKey())) {
                SecretRef ref;
                try {
                    ref = SecretRef.parse(e.getValue(), defaultStore);
                } catch (IllegalArgumentException ex) {
                    throw new IllegalArgumentException("environment variable " + e.getKey() + ": " + ex.getMessage());
                }
                out.add(new Binding(ref, Binding.Target.ENV, e.getKey(), true, "environment variable " + e.getKey()));
            }
        }
        return out;
    }

    /**
     * Puts a fetched value into the application. Order matters: the redactor learns the value (and
     * keeps the previous one as retired) before the application can read it.
     */
    static void apply(Binding b, StoredSecret s, String action) throws IOException {
        SecretRegistry.put(new Secret(b.secretId, s.version(), s.value(), "store:" + b.ref.store()));
        switch (b.target) {
            case ENV:
                EnvironmentOverlay.put(b.targetName, s.value());
                break;
            case PROPERTY:
                System.setProperty(b.targetName, s.value());
                break;
            default:
                Path f = InjectedFiles.resolve(b.targetName);
                InjectedFiles.write(f, s.value());
                b.file = f;
                break;
        }
        b.value = s.value();
        b.version = s.version();
        b.created = s.createdMillis();
        b.leaseMillis = s.leaseMillis();
        b.active = true;
        b.failures = 0;
        Audit.record(audit(action, b, s.version()).success().build());
    }

    /** Takes a secret out of the application; the registry keeps redacting its value. */
    static void remove(Binding b, String reason) {
        switch (b.target) {
            case ENV:
                EnvironmentOverlay.remove(b.targetName);
                break;
            case PROPERTY:
                System.clearProperty(b.targetName);
                break;
            default:
                if (b.file != null) {
                    InjectedFiles.remove(b.file);
                }
                break;
        }
        SecretRegistry.revoke(b.secretId);
        b.active = false;
        Audit.record(audit("revoke", b, b.version).field("event.reason", reason).build());
    }

    static AuditEvent.Builder audit(String action, Binding b, String version) {
        return AuditEvent.action(action).secret(b.secretId, version)
                .field("secret.store", b.ref.store())
                .field("secret.path", b.ref.path())
                .field("secret.target", b.describeTarget());
    }
}
