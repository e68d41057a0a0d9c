package dev.secretagent.runtime.access;

import dev.secretagent.runtime.Glob;
import dev.secretagent.runtime.Keys;
import dev.secretagent.runtime.Settings;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The least-privilege policy: per secret, which code may read it. Built from the YAML section
 * {@code policy}, a list of entries such as
 * <pre>
 * policy:
 *   - secret: DB_PASSWORD              # a secret id, or a glob (DB_*)
 *     allow: [com.acme.db., com.acme.Config, "jar:orders-*.jar", "module:com.acme.orders"]
 * </pre>
 * A rule ending in '.' is a package prefix; a class name matches the class and its nested classes;
 * {@code *} is anyone. A secret with no entry is readable by everyone (and still audited). Several
 * entries for the same secret add up. The caller is the first frame outside the JDK and the agent:
 * the code that called System.getenv (or the library it went through).
 */
public final class AccessPolicy {
    public static final AccessPolicy OPEN = new AccessPolicy(Collections.<Entry>emptyList());

    private final List<Entry> entries;
    private final int maxLayer;

    private AccessPolicy(List<Entry> entries) {
        this.entries = entries;
        int max = 0;
        for (Entry e : entries) {
            max = Math.max(max, e.layer);
        }
        this.maxLayer = max;
    }

    /**
     * Validates and compiles the section; throws IllegalArgumentException naming the file and line
     * of the first bad entry.
     */
    public static AccessPolicy parse(Settings settings) {
        String file = settings.get(Keys.CONFIG) == null ? "configuration" : settings.get(Keys.CONFIG);
        List<Entry> out = new ArrayList<Entry>();
        for (Map<String, Object> raw : settings.section("policy")) {
            // _fleet: the layer of a fleet policy file (1, 2, ...) the entry came from; absent for the application's
            Object fleetMark = raw.get("_fleet");
            int layer = fleetMark instanceof Number ? ((Number) fleetMark).intValue() : 0;
            Object fleetFile = raw.get("_file");
            String source = fleetFile != null ? String.valueOf(fleetFile) : file;
            for (String key : raw.keySet()) {
                if (!key.startsWith("_") && !key.equals("secret") && !key.equals("allow") && !key.equals("description")) {
                    throw new IllegalArgumentException(Settings.where(source, raw, key) + ": policy entry: unknown key '" + key
                            + "' (an entry has secret, allow and an optional description)");
                }
            }
            Object secret = raw.get("secret");
            if (!(secret instanceof String) || ((String) secret).trim().isEmpty()) {
                throw new IllegalArgumentException(Settings.where(source, raw, raw.containsKey("secret") ? "secret" : null)
                        + ": policy entry: 'secret' must name a secret id (or a glob such as DB_*)");
            }
            String where = Settings.where(source, raw, "allow") + ": policy entry";
            Object allow = raw.get("allow");
            List<String> rules = new ArrayList<String>();
            if (allow instanceof String) {
                rules.add((String) allow);
            } else if (allow instanceof List) {
                for (Object o : (List<?>) allow) {
                    if (!(o instanceof String)) {
                        throw new IllegalArgumentException(where + ": 'allow' items must be plain text");
                    }
                    rules.add((String) o);
                }
            } else {
                throw new IllegalArgumentException(where + " for '" + secret + "': 'allow' must be a list of"
                        + " package prefixes (com.acme.db.), class names, jar:<glob> or module:<name> ([] allows no one)");
            }
            List<Rule> compiled = new ArrayList<Rule>();
            for (String r : rules) {
                compiled.add(Rule.compile(r.trim(), where));
            }
            out.add(new Entry(((String) secret).trim(), compiled, layer, Settings.where(source, raw, "secret")));
        }
        return new AccessPolicy(Collections.unmodifiableList(out));
    }

    public int size() {
        return entries.size();
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** Secret ids named literally (not globs): they are secrets even when the name patterns miss them. */
    public List<String> literalSecretIds() {
        List<String> ids = new ArrayList<String>();
        for (Entry e : entries) {
            if (e.secret.indexOf('*') < 0 && e.secret.indexOf('?') < 0) {
                ids.add(e.secret);
            }
        }
        return ids;
    }

    /**
     * True when the caller is not allowed. The application's entries and each fleet policy file's are
     * layers: within a layer, entries for the same secret add up (any covering entry that allows the
     * caller allows it); across layers every layer that covers the secret must allow, so the
     * application's entries can narrow who reads a secret the fleet governs, never widen it. A secret
     * no entry covers is open.
     */
    public boolean denies(String secretId, CallerIdentity caller) {
        for (int layer = 0; layer <= maxLayer; layer++) {
            if (deniedBy(layer, secretId, caller)) {
                return true;
            }
        }
        return false;
    }

    private boolean deniedBy(int layer, String secretId, CallerIdentity caller) {
        boolean covered = false;
        for (Entry e : entries) {
            if (e.layer == layer && e.covers(secretId)) {
                covered = true;
                if (e.allows(caller)) {
                    return false;
                }
            }
        }
        return covered;
    }

    /**
     * Entries that protect nothing: their secret pattern matches some of {@code names} (the environment,
     * the properties, the injected names) but none that the name rules make a secret, so reads of the
     * names it was written for are never checked. One message per entry, naming it and the remedy.
     */
    public List<String> ineffectiveEntries(java.util.Collection<String> names) {
        List<String> out = new ArrayList<String>();
        for (Entry e : entries) {
            if (!e.glob) {
                continue; // a literal id is made a secret by literalSecretIds()
            }
            String example = null;
            boolean protects = false;
            for (String n : names) {
                if (e.covers(n)) {
                    if (SecretNames.isSecret(n)) {
                        protects = true;
                        break;
                    }
                    if (example == null) {
                        example = n;
                    }
                }
            }
            if (!protects && example != null) {
                out.add("policy entry '" + e.secret + "' (" + e.where + ") protects nothing: it matches " + example
                        + ", which is not a secret by the name rules; add the name or pattern to secret.names.extra"
                        + " (or name the secret literally in the entry) to make it one");
            }
        }
        return out;
    }

    private static final class Entry {
        final String secret;
        final boolean glob;
        final List<Rule> allow;
        final int layer;
        final String where;

        Entry(String secret, List<Rule> allow, int layer, String where) {
            this.secret = secret;
            this.layer = layer;
            this.where = where;
            this.glob = secret.indexOf('*') >= 0 || secret.indexOf('?') >= 0;
            this.allow = allow;
        }

        boolean covers(String id) {
            return glob ? Glob.matches(secret, id) : secret.equals(id);
        }

        boolean allows(CallerIdentity c) {
            for (Rule r : allow) {
                if (r.matches(c)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** One allow item. */
    private static final class Rule {
        static final int ANYONE = 0;
        static final int PACKAGE = 1;
        static final int CLASS = 2;
        static final int JAR = 3;
        static final int MODULE = 4;
        static final int CLASS_GLOB = 5;

        final int kind;
        final String text;

        private Rule(int kind, String text) {
            this.kind = kind;
            this.text = text;
        }

        static Rule compile(String r, String where) {
            if (r.equals("*")) {
                return new Rule(ANYONE, r);
            }
            if (r.startsWith("jar:")) {
                String g = r.substring(4).trim();
                if (g.isEmpty()) {
                    throw new IllegalArgumentException(where + ": 'jar:' needs a file name glob such as jar:orders-*.jar");
                }
                return new Rule(JAR, g);
            }
            if (r.startsWith("module:")) {
                String m = r.substring(7).trim();
                if (m.isEmpty()) {
                    throw new IllegalArgumentException(where + ": 'module:' needs a module name");
                }
                return new Rule(MODULE, m);
            }
            if (r.isEmpty()) {
                throw new IllegalArgumentException(where + ": empty allow item");
            }
            for (int i = 0; i < r.length(); i++) {
                char ch = r.charAt(i);
                if (!Character.isJavaIdentifierPart(ch) && ch != '.' && ch != '*' && ch != '?') {
                    throw new IllegalArgumentException(where + ": '" + r + "' is neither a package prefix (com.acme.db.),"
                            + " a class name, jar:<glob> nor module:<name>");
                }
            }
            if (r.indexOf('*') >= 0 || r.indexOf('?') >= 0) {
                return new Rule(CLASS_GLOB, r);
            }
            return new Rule(r.endsWith(".") ? PACKAGE : CLASS, r);
        }

        boolean matches(CallerIdentity c) {
            switch (kind) {
                case ANYONE:
                    return true;
                case PACKAGE:
                    return c.className().startsWith(text);
                case CLASS:
                    return c.className().equals(text) || c.className().startsWith(text + "$");
                case CLASS_GLOB:
                    return Glob.matches(text, c.className());
                case JAR:
                    return text.indexOf('/') >= 0 ? Glob.matches(text, c.location())
                            : Glob.matches(text, c.locationFileName());
                case MODULE:
                    return text.equals(c.module());
                default:
                    return false;
            }
        }
    }
}
