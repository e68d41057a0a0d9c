package dev.secretagent.runtime.access;

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

    private AccessPolicy(List<Entry> entries) {
        this.entries = entries;
    }

    /**
     * Validates and compiles the section; throws IllegalArgumentException naming the file and line
     * of the first bad entry.
     */
    public static AccessPolicy parse(Settings settings) {
        String file = settings.get("config", "configuration");
        List<Entry> out = new ArrayList<Entry>();
        for (Map<String, Object> raw : settings.section("policy")) {
            Object line = raw.get("_line");
            String where = file + (line == null ? "" : ":" + line) + ": policy entry";
            for (String key : raw.keySet()) {
                if (!key.equals("secret") && !key.equals("allow") && !key.equals("_line") && !key.equals("description")) {
                    throw new IllegalArgumentException(where + ": unknown key '" + key
                            + "' (an entry has secret, allow and an optional description)");
                }
            }
            Object secret = raw.get("secret");
            if (!(secret instanceof String) || ((String) secret).trim().isEmpty()) {
                throw new IllegalArgumentException(where + ": 'secret' must name a secret id (or a glob such as DB_*)");
            }
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
            out.add(new Entry(((String) secret).trim(), compiled));
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

    /** True when some entry covers the secret and none of the covering entries allows the caller. */
    public boolean denies(String secretId, CallerIdentity caller) {
        boolean covered = false;
        for (Entry e : entries) {
            if (e.covers(secretId)) {
                covered = true;
                if (e.allows(caller)) {
                    return false;
                }
            }
        }
        return covered;
    }

    private static final class Entry {
        final String secret;
        final boolean glob;
        final List<Rule> allow;

        Entry(String secret, List<Rule> allow) {
            this.secret = secret;
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
