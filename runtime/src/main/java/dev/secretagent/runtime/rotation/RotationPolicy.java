package dev.secretagent.runtime.rotation;

import dev.secretagent.runtime.Glob;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * How old a secret may get before it is due for rotation: option {@code rotation.cadence}, a list of
 * {@code glob=duration} rules matched against the secret's store path (e.g. {@code prod/db/*=30d}).
 * When several rules match, the shortest wins — so adding a rule can only shorten a cadence, which is
 * what lets a fleet policy's rules and an application's be merged by union. A path no rule matches
 * gets the default of its kind, by its name: signing keys 180 days; passwords, API keys, tokens and
 * other secrets 90 days (the guide's cadences); anything else has no cadence.
 */
public final class RotationPolicy {
    public static final long DAY = 86_400_000L;
    public static final long DEFAULT_MAX_AGE = 90 * DAY;
    public static final long SIGNING_KEY_MAX_AGE = 180 * DAY;

    /** The cadence of one secret: its maximum age (0 = none) and the rule that set it, for messages. */
    public static final class Cadence {
        public final long maxAgeMillis;
        public final String rule;

        Cadence(long maxAgeMillis, String rule) {
            this.maxAgeMillis = maxAgeMillis;
            this.rule = rule;
        }
    }

    private static final Cadence NONE = new Cadence(0L, "none");
    private final List<String> globs;
    private final List<Long> ages;

    private RotationPolicy(List<String> globs, List<Long> ages) {
        this.globs = globs;
        this.ages = ages;
    }

    public static RotationPolicy defaults() {
        return new RotationPolicy(Collections.<String>emptyList(), Collections.<Long>emptyList());
    }

    /**
     * Parses {@code glob=duration[,glob=duration...]} (also ';'); a duration is a number with d, h, m, s
     * or ms, or bare milliseconds. The message of a bad rule names the rule (a glob, never a value).
     */
    public static RotationPolicy parse(String spec) {
        List<String> globs = new ArrayList<String>();
        List<Long> ages = new ArrayList<Long>();
        if (spec != null) {
            for (String part : spec.split("[;,]")) {
                String rule = part.trim();
                if (rule.isEmpty()) {
                    continue;
                }
                int eq = rule.lastIndexOf('=');
                if (eq <= 0 || eq == rule.length() - 1) {
                    throw new IllegalArgumentException("rotation rule '" + rule + "' is not glob=duration (e.g. prod/db/*=30d)");
                }
                globs.add(rule.substring(0, eq).trim());
                ages.add(duration(rule.substring(eq + 1).trim(), rule));
            }
        }
        return new RotationPolicy(globs, ages);
    }

    /** 90d, 12h, 30m, 45s, 500ms, or bare milliseconds; at least 1 s. */
    public static long duration(String text, String rule) {
        String t = text.toLowerCase(Locale.ROOT);
        long mult;
        String digits;
        if (t.endsWith("ms")) {
            mult = 1L;
            digits = t.substring(0, t.length() - 2);
        } else if (t.endsWith("d")) {
            mult = DAY;
            digits = t.substring(0, t.length() - 1);
        } else if (t.endsWith("h")) {
            mult = 3_600_000L;
            digits = t.substring(0, t.length() - 1);
        } else if (t.endsWith("m")) {
            mult = 60_000L;
            digits = t.substring(0, t.length() - 1);
        } else if (t.endsWith("s")) {
            mult = 1000L;
            digits = t.substring(0, t.length() - 1);
        } else {
            mult = 1L;
            digits = t;
        }
        long n;
        try {
            n = Long.parseLong(digits.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("rotation rule '" + rule + "': '" + text
                    + "' is not a duration such as 90d, 12h or 30m");
        }
        if (n <= 0 || n > Long.MAX_VALUE / mult || n * mult < 1000L) {
            throw new IllegalArgumentException("rotation rule '" + rule + "': the duration must be at least 1s");
        }
        return n * mult;
    }

    /**
     * The cadence for a secret at {@code path} (its store path; a Vault {@code #key} is part of it), known to
     * the application as {@code name} (an environment variable or property; may be null): the rules match the
     * path; with no rule, the kind comes from the path, else from the name.
     */
    public Cadence cadence(String path, String name) {
        Cadence c = cadence(path);
        if (c == NONE && name != null) {
            return byKind(name);
        }
        return c;
    }

    /** The cadence for a secret at {@code path}. */
    public Cadence cadence(String path) {
        long best = 0L;
        String bestRule = null;
        for (int i = 0; i < globs.size(); i++) {
            if (Glob.matches(globs.get(i), path) && (best == 0L || ages.get(i) < best)) {
                best = ages.get(i);
                bestRule = globs.get(i) + "=" + text(best);
            }
        }
        if (bestRule != null) {
            return new Cadence(best, bestRule);
        }
        return byKind(path);
    }

    /** The defaults by kind, from the name. */
    static Cadence byKind(String path) {
        String n = path.toLowerCase(Locale.ROOT);
        if (n.contains("signing") || Glob.matches("*sign*key*", n)) {
            return new Cadence(SIGNING_KEY_MAX_AGE, "default for signing keys (180d)");
        }
        if (n.contains("password") || n.contains("passwd")) {
            return new Cadence(DEFAULT_MAX_AGE, "default for passwords (90d)");
        }
        if (Glob.matches("*api*key*", n)) {
            return new Cadence(DEFAULT_MAX_AGE, "default for API keys (90d)");
        }
        if (n.contains("token")) {
            return new Cadence(DEFAULT_MAX_AGE, "default for tokens (90d)");
        }
        if (n.contains("secret")) {
            return new Cadence(DEFAULT_MAX_AGE, "default for secrets (90d)");
        }
        return NONE;
    }

    /** A duration as the rules write it: whole days, else hours, minutes, seconds, ms. */
    public static String text(long ms) {
        if (ms % DAY == 0) {
            return (ms / DAY) + "d";
        }
        if (ms % 3_600_000L == 0) {
            return (ms / 3_600_000L) + "h";
        }
        if (ms % 60_000L == 0) {
            return (ms / 60_000L) + "m";
        }
        if (ms % 1000L == 0) {
            return (ms / 1000L) + "s";
        }
        return ms + "ms";
    }
}
