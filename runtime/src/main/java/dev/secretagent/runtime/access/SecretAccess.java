package dev.secretagent.runtime.access;

import dev.secretagent.runtime.AccessGuard;
import dev.secretagent.runtime.audit.Audit;
import dev.secretagent.runtime.audit.AuditEvent;
import dev.secretagent.runtime.audit.Fingerprints;
import dev.secretagent.runtime.secret.EnvironmentOverlay;
import dev.secretagent.runtime.secret.Secret;
import dev.secretagent.runtime.secret.SecretRegistry;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The static doors the System.getenv/getProperty/getProperties and ProcessBuilder hooks call. Every
 * decision lives here: is the name a secret, who is reading, may they, what goes on the record.
 *
 * <p>Hot path: a non-secret name costs the overlay lookup (empty unless a store injected) and one
 * cached decision. Only a secret name pays for the stack walk, the policy and the audit event.
 */
public final class SecretAccess {
    /** The policy and mode, swapped as one immutable object. */
    static final class Rules {
        final AccessPolicy policy;
        /** mode=enforce: denied reads get null (or SecurityException); audit/dev: allowed, recorded as failures. */
        final boolean enforce;
        final boolean throwOnDeny;

        Rules(AccessPolicy policy, boolean enforce, boolean throwOnDeny) {
            this.policy = policy;
            this.enforce = enforce;
            this.throwOnDeny = throwOnDeny;
        }
    }

    static final String DENIED = "denied by policy";
    static final String WOULD_BE_DENIED = "would be denied";

    private static volatile Rules rules = new Rules(AccessPolicy.OPEN, true, false);
    private static volatile AuditedEnvironment environmentView;

    private SecretAccess() {
    }

    /** False until AccessRuntime.start: the agent's own start-up reads get the JDK's objects untouched. */
    private static volatile boolean started;

    static void configure(AccessPolicy policy, String mode, boolean throwOnDeny) {
        rules = new Rules(policy, "enforce".equals(mode), throwOnDeny);
        started = true;
    }

    /** System.getenv(String): called with the value the JDK returned; returns what the caller gets. */
    public static String onGetenv(String name, String value) {
        String injected = EnvironmentOverlay.lookup(name);
        if (injected != null) {
            value = injected; // injected from a store: the process environment never held it
        } else if (value != null && EnvironmentOverlay.isWithdrawn(name)) {
            return null; // revoked: the real environment's entry (a secret:// reference) must not show through
        } else if (value == null || !SecretNames.isSecret(name)) {
            return value;
        }
        if (AccessGuard.inside()) {
            return value;
        }
        return read(name, value, "env", true);
    }

    /** System.getProperty(String[, String]). */
    public static String onGetProperty(String key, String value) {
        if (value == null || !SecretNames.isSecret(key) || AccessGuard.inside()) {
            return value;
        }
        return read(key, value, "sysprop", true);
    }

    /** System.getenv(): the same map, wrapped so reads of secret keys and whole-map dumps are audited. */
    public static Map<String, String> onGetenvMap(Map<String, String> env) {
        if (env == null || env instanceof AuditedEnvironment || AccessGuard.inside() || !started) {
            return env;
        }
        try {
            AuditedEnvironment view = environmentView;
            if (view == null || view.base != env) {
                view = new AuditedEnvironment(env);
                environmentView = view;
            }
            return view;
        } catch (Throwable t) {
            return env;
        }
    }

    /**
     * System.getProperties(): the live Properties object, which the JDK and applications also write
     * to, so it cannot be filtered. Handing it to code outside the JDK is recorded as a dump of the
     * secret properties it holds (a policy denial is recorded as "would be denied").
     */
    public static Properties onGetProperties(Properties props) {
        if (props == null || AccessGuard.inside()) {
            return props;
        }
        AccessGuard.enter();
        try {
            CallerIdentity caller = Callers.findForSystemRead();
            if (caller == Callers.AGENT || caller == CallerIdentity.UNKNOWN || caller.isJdk()) {
                // the JDK's own use (LogManager reading its settings at start-up) and ours: the Properties
                // object is not handed to application code, so there is no dump to record or to judge
                return props;
            }
            List<String> secrets = new ArrayList<String>();
            for (Map.Entry<Object, Object> e : props.entrySet()) {
                if (e.getKey() instanceof String && e.getValue() != null && SecretNames.isSecret((String) e.getKey())) {
                    secrets.add((String) e.getKey());
                }
            }
            if (!secrets.isEmpty()) {
                Collections.sort(secrets);
                recordBulk("dump", "sysprop", secrets, caller, false);
            }
        } catch (Throwable t) {
            // never break the application's call
        } finally {
            AccessGuard.exit();
        }
        return props;
    }

    /**
     * ProcessBuilder.environment(): the builder's map, wrapped so that reads of secret names and
     * whole-map dumps go through the policy and the audit like System.getenv (writes go to the map).
     */
    public static Map<String, String> onProcessEnvironment(Map<String, String> env) {
        if (env == null || env instanceof AuditedProcessEnvironment || AccessGuard.inside() || !started) {
            return env;
        }
        try {
            return new AuditedProcessEnvironment(env);
        } catch (Throwable t) {
            return env;
        }
    }

    /** A value read from a ProcessBuilder's map: the child's copy, so no overlay lookup; secret names are reads. */
    static String onEnvironmentValue(String name, String value) {
        if (value == null || !SecretNames.isSecret(name) || AccessGuard.inside()) {
            return value;
        }
        return read(name, value, "env", false);
    }

    /**
     * ProcessEnvironment.environment(): the fresh copy of the real environment every ProcessBuilder (and
     * Runtime.exec without an explicit environment) starts from. It gets the environment the application
     * sees through System.getenv: injected values in place of their {@code secret://} references, revoked
     * names out. Who may hand them to a child is decided when the process starts ({@link #onProcessStart}).
     */
    public static Map<String, String> onEnvironmentCopy(Map<String, String> copy) {
        if (copy == null) {
            return null;
        }
        try {
            for (String name : EnvironmentOverlay.withdrawnNames()) {
                copy.remove(name);
            }
            for (Map.Entry<String, String> e : EnvironmentOverlay.all().entrySet()) {
                copy.put(e.getKey(), e.getValue());
            }
        } catch (Throwable t) {
            // the copy keeps the real environment (references, not values): nothing leaks
        }
        return copy;
    }

    /**
     * ProcessBuilder.start: {@code env} is the builder's environment, which the child will get. Secrets
     * the policy denies the caller are removed (mode enforce) before the child can inherit them.
     */
    public static void onProcessStart(ProcessBuilder builder) {
        if (builder == null || AccessGuard.inside()) {
            return;
        }
        AccessGuard.enter(); // first: builder.environment() below must give the builder's own map, unwrapped
        try {
            Map<String, String> env = builder.environment();
            List<String> secrets = null;
            for (Map.Entry<String, String> e : env.entrySet()) {
                if (e.getValue() != null && SecretNames.isSecret(e.getKey())) {
                    if (secrets == null) {
                        secrets = new ArrayList<String>();
                    }
                    secrets.add(e.getKey());
                }
            }
            if (secrets == null) {
                return;
            }
            CallerIdentity caller = Callers.find();
            if (caller == Callers.AGENT) {
                return;
            }
            Collections.sort(secrets);
            List<String> withheld = recordBulk("inherit", "env", secrets, caller, true);
            for (String name : withheld) {
                env.remove(name);
            }
        } catch (Throwable t) {
            // never break the application's call
        } finally {
            AccessGuard.exit();
        }
    }

    /**
     * One read of one secret: caller, policy, audit line; the value the caller gets. {@code systemCall}: the
     * hook sits in System.getenv/getProperty itself, so a JDK class calling it directly reads for itself;
     * for reads through a map (whose direct caller may be a JDK wrapper such as Collections.unmodifiableMap,
     * relaying for the application) the caller is always the first frame outside the JDK.
     */
    private static String read(String name, String value, String source, boolean systemCall) {
        Rules r = rules;
        AccessGuard.enter();
        boolean deny = false;
        CallerIdentity caller = CallerIdentity.UNKNOWN;
        try {
            caller = systemCall ? Callers.findForSystemRead() : Callers.find();
            if (caller == Callers.AGENT) {
                return value;
            }
            // the JDK reading for itself (javax.net.ssl.keyStorePassword for the TLS stack) is recorded under
            // its own name and never judged: the policy governs application code, and denying the JDK would
            // break the application's TLS rather than protect the value
            boolean denied = !caller.isJdk() && r.policy.denies(name, caller);
            deny = denied && r.enforce;
            AuditEvent.Builder b = AuditEvent.action("read");
            if (denied) {
                b.failure(r.enforce ? DENIED : WOULD_BE_DENIED);
            }
            b.secret(name, versionOf(name));
            if (!deny) {
                b.fingerprint(Fingerprints.of(value)); // a denied caller learns nothing, not even a fingerprint
            }
            b.field("secret.source", source);
            caller(b, caller);
            Audit.record(b.build());
        } catch (Throwable agentBug) {
            // the hooks have no try/catch of their own: never break the application's call
            // (a denial already decided still applies)
        } finally {
            AccessGuard.exit();
        }
        if (!deny) {
            return value;
        }
        if (r.throwOnDeny) {
            throw new SecurityException("secret-agent: " + caller.className() + " may not read " + name
                    + " (policy)");
        }
        return null;
    }

    /**
     * Records a disclosure of several secrets at once (a dump, a child's environment) as one line for the
     * secrets disclosed and one failure line for those denied; returns the names to withhold (enforce mode,
     * when {@code enforceable}).
     */
    static List<String> recordBulk(String action, String source, List<String> names, CallerIdentity caller,
                                   boolean enforceable) {
        Rules r = rules;
        List<String> allowed = new ArrayList<String>();
        List<String> denied = new ArrayList<String>();
        for (String n : names) {
            if (r.policy.denies(n, caller)) {
                denied.add(n);
            } else {
                allowed.add(n);
            }
        }
        boolean withhold = r.enforce && enforceable;
        List<String> disclosed = withhold ? allowed : names;
        if (!disclosed.isEmpty()) {
            AuditEvent.Builder b = AuditEvent.action(action).field("secret.id", disclosed).field("secret.source", source);
            Audit.record(caller(b, caller).build());
        }
        if (!denied.isEmpty()) {
            AuditEvent.Builder b = AuditEvent.action(action).failure(withhold ? DENIED : WOULD_BE_DENIED)
                    .field("secret.id", denied).field("secret.source", source);
            Audit.record(caller(b, caller).build());
        }
        return withhold ? denied : Collections.<String>emptyList();
    }

    static boolean enforcing() {
        return rules.enforce;
    }

    static boolean denies(String name, CallerIdentity caller) {
        return rules.policy.denies(name, caller);
    }

    private static AuditEvent.Builder caller(AuditEvent.Builder b, CallerIdentity c) {
        return b.caller(c.className(), c.method(), c.line(), c.location()).field("caller.module", c.module());
    }

    private static String versionOf(String id) {
        Secret s = SecretRegistry.snapshot().live(id);
        return s == null ? null : s.version();
    }
}
