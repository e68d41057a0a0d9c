package dev.secretagent.runtime.access;

import dev.secretagent.runtime.Glob;
import dev.secretagent.runtime.Keys;
import dev.secretagent.runtime.Settings;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The zero-config rule: which environment variable and system property names are secrets.
 *
 * <p>A name is a secret when it matches one of the patterns (built-in, replaced by {@code secret.names},
 * extended by {@code secret.names.extra}) and none of {@code secret.names.exclude}, or when a secret
 * with that id is live in the registry (injected from a store, say). Patterns are globs ({@code *}
 * any run of characters, {@code ?} one) matched case-insensitively against the name with '.' and '-'
 * read as '_', so {@code *PASSWORD*} also covers the property {@code db.password}.
 *
 * <p>Every System.getenv/getProperty goes through {@link #isSecret}; a decision is computed once per
 * distinct name and cached, so a non-secret name costs one hash lookup.
 */
public final class SecretNames {
    /**
     * The zero-config names: a value behind one of them is a secret with no configuration at all (the contract's
     * list plus the names it leaves to "..."). Kept in one place so docs/policy.md and the tests can quote it.
     */
    public static final List<String> BUILT_IN = Collections.unmodifiableList(Arrays.asList(
            "*PASSWORD*", "*PASSWD*", "*PASSPHRASE*", "*SECRET*", "*TOKEN*", "*API_KEY*", "*APIKEY*", "*_KEY",
            "*CREDENTIAL*", "*PRIVATE_KEY*", "*ACCESS_KEY*", "*_PWD"));
    /**
     * The agent's own names: SECRETAGENT_VAULT_TOKEN_FILE is a path, dev.secretagent.started a version, and
     * build properties such as -Dsecret-agent.jar=... (the jar's path, which Surefire hands its forks) are not secrets.
     */
    public static final List<String> BUILT_IN_EXCLUDE = Collections.unmodifiableList(
            Arrays.asList("SECRETAGENT_*", "DEV_SECRETAGENT_*", "SECRET_AGENT_*"));

    private static volatile Rules rules = new Rules(BUILT_IN, BUILT_IN_EXCLUDE);
    private static volatile Set<String> known = Collections.emptySet();
    private static final ConcurrentHashMap<String, Boolean> DECISIONS = new ConcurrentHashMap<String, Boolean>();
    /** A program that invents names without end (a getenv per request id) must not grow the cache without end. */
    private static final int MAX_CACHED = 10_000;

    private SecretNames() {
    }

    /** Reads secret.names, secret.names.extra and secret.names.exclude. */
    public static void configure(Settings settings) {
        List<String> include = settings.get(Keys.SECRET_NAMES);
        List<String> patterns = new ArrayList<String>(include.isEmpty() ? BUILT_IN : include);
        patterns.addAll(settings.get(Keys.SECRET_NAMES_EXTRA));
        List<String> exclude = new ArrayList<String>(BUILT_IN_EXCLUDE);
        exclude.addAll(settings.get(Keys.SECRET_NAMES_EXCLUDE));
        rules = new Rules(patterns, exclude);
        DECISIONS.clear();
    }

    /** Names that are secrets whatever the patterns say (live registry ids, policy entries). */
    public static void setKnown(Set<String> names) {
        known = Collections.unmodifiableSet(new HashSet<String>(names));
        DECISIONS.clear();
    }

    /** The hot path: one cache lookup for a name seen before. */
    public static boolean isSecret(String name) {
        if (name == null) {
            return false;
        }
        Boolean d = DECISIONS.get(name);
        if (d != null) {
            return d.booleanValue();
        }
        boolean secret = known.contains(name) || looksSecret(name);
        if (DECISIONS.size() < MAX_CACHED) {
            DECISIONS.put(name, Boolean.valueOf(secret));
        }
        return secret;
    }

    /** The pattern rule alone (no registry), uncached: for discovery at start. */
    public static boolean looksSecret(String name) {
        return name != null && rules.matches(normalize(name));
    }

    static String normalize(String name) {
        return name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** Compiled include/exclude globs. */
    static final class Rules {
        private final Glob.Prepared[] include;
        private final Glob.Prepared[] exclude;

        Rules(List<String> include, List<String> exclude) {
            this.include = normalizeAll(include);
            this.exclude = normalizeAll(exclude);
        }

        private static Glob.Prepared[] normalizeAll(List<String> globs) {
            Glob.Prepared[] out = new Glob.Prepared[globs.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = Glob.prepare(normalize(globs.get(i).trim()));
            }
            return out;
        }

        boolean matches(String normalizedName) {
            for (Glob.Prepared e : exclude) {
                if (e.matches(normalizedName)) {
                    return false;
                }
            }
            for (Glob.Prepared p : include) {
                if (p.matches(normalizedName)) {
                    return true;
                }
            }
            return false;
        }
    }
}
