package dev.secretagent.agent.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What an option does to protection, declared beside the option in {@link Option} (the constructor
 * requires one, so a new option without an effect does not compile). Under a fleet policy every
 * source other than the fleet file may only move an option in its strengthening direction:
 * {@link #merge} takes the fleet's value (the floor) and the value another source asks for, and
 * returns what stays in force and what was refused. List-valued options are compared element by
 * element, so the strengthening part of a mixed request is kept and only the weakening part refused.
 *
 * <p>One class with a switch on the kind rather than a subclass per effect: every start loads this class before
 * {@code main} (each option names its effect), and each subclass was one more class for the application class loader
 * to read from the agent jar and verify on the premain thread (eleven in all).
 */
public final class Effect {
    /** The outcome of one merge: the value in force and, when part of the request was refused, what. */
    public static final class Merged {
        public final String value;
        /** Null when nothing was refused; otherwise a short account of the refused part (no values of secrets). */
        public final String refused;

        Merged(String value, String refused) {
            this.value = value;
            this.refused = refused;
        }
    }

    private static final int NEUTRAL_KIND = 0;
    private static final int FLEET_OWNED = 1;
    private static final int TRUE_PROTECTS_KIND = 2;
    private static final int NUMERIC = 3;
    private static final int ORDERED = 4;
    private static final int LIST_ADDS_KIND = 5;
    private static final int ELEMENTS_PROTECT = 6;
    private static final int ELEMENTS_WEAKEN = 7;
    private static final int DETECTORS = 8;
    private static final int GLOBS = 9;

    private final String description;
    private final int kind;
    /** FLEET_OWNED: why another value is refused. */
    private final String why;
    /** FLEET_OWNED: may an application set it where the fleet leaves it unset? NUMERIC: does higher protect? */
    private final boolean flag;
    /** ORDERED: the values, weakest first. */
    private final List<String> order;

    private Effect(String description, int kind) {
        this(description, kind, null, false, null);
    }

    private Effect(String description, int kind, String why, boolean flag, List<String> order) {
        this.description = description;
        this.kind = kind;
        this.why = why;
        this.flag = flag;
        this.order = order;
    }

    /** One line for docs/configuration.md: how the option can weaken protection. */
    public String description() {
        return description;
    }

    /** True when no value of the option changes what is redacted, audited or enforced. */
    public boolean neutral() {
        return kind == NEUTRAL_KIND;
    }

    /**
     * True when, where the fleet file does not set the option, any source may set it freely (a neutral option, or
     * one the fleet decides only when it speaks); false when the default is then the floor.
     */
    public boolean openWhereFleetSilent() {
        return kind == FLEET_OWNED ? flag : neutral();
    }

    static Merged kept(String value) {
        return new Merged(value, null);
    }

    static Merged refused(String floor, String why) {
        return new Merged(floor, why);
    }

    /** Presentation or plumbing only (service.name, mask, diagnostics): any source may set it. */
    public static final Effect NEUTRAL = new Effect("neutral: does not change what is protected", NEUTRAL_KIND);

    /**
     * Where the secrets come from, where the audit goes: a value the fleet set is the fleet's alone; where the
     * fleet leaves it unset, the application may set it.
     */
    public static final Effect FLEET_DECIDES = new Effect(
            "fleet decides: an application may set it only where the fleet policy leaves it unset", FLEET_OWNED,
            "only the fleet policy may change it", true, null);

    /**
     * A setting that can only weaken in an application's hands (detectors.config: a file without
     * {@code useDefault} replaces the built-in detectors, and its allowlists silence findings): under a
     * fleet policy only the fleet sets it, even where the fleet leaves it unset.
     */
    public static final Effect FLEET_ONLY = new Effect(
            "fleet only: under a fleet policy an application may not set it at all", FLEET_OWNED,
            "only the fleet policy may set it", false, null);

    /** A switch that protects when true (redaction.enabled, audit.enabled, leaks.fail, ...). */
    public static final Effect TRUE_PROTECTS = new Effect("weakens when switched from true to false", TRUE_PROTECTS_KIND);

    /** A number where a lower value protects more (min.length: shorter values are left in clear). */
    public static final Effect LOWER_PROTECTS = new Effect("weakens when raised", NUMERIC, null, false, null);
    /** A number where a higher value protects more (audit queue size, files kept). */
    public static final Effect HIGHER_PROTECTS = new Effect("weakens when lowered", NUMERIC, null, true, null);

    /** One of several values, weakest first (mode: dev, audit, enforce). */
    public static Effect ordered(String... weakestFirst) {
        List<String> order = Arrays.asList(weakestFirst);
        return new Effect("weakens when moved towards " + order.get(0) + " (order: " + String.join(" < ", order) + ")",
                ORDERED, null, false, order);
    }

    /**
     * A list that extends another (headers, secret.names.extra): whatever the application names is
     * added to the fleet's elements; leaving one out is not a request to remove it.
     */
    public static final Effect LIST_ADDS = new Effect(
            "adds to the fleet's list: an application's elements are added to the fleet's", LIST_ADDS_KIND);

    /**
     * A list that replaces another and whose elements each protect (secret.names replaces the built-in
     * patterns): the application may add elements; the fleet's elements it leaves out stay in force,
     * and leaving them out is reported.
     */
    public static final Effect LIST_ELEMENTS_PROTECT = new Effect(
            "each element protects: an application may add elements, never remove the fleet's", ELEMENTS_PROTECT);

    /**
     * A list whose elements each remove protection (secret.names.exclude, instrument.disabled): the
     * application may drop elements of the fleet's list, never add one.
     */
    public static final Effect LIST_ELEMENTS_WEAKEN = new Effect(
            "each element weakens: an application may remove elements, never add one", ELEMENTS_WEAKEN);

    /**
     * The detector list: {@code all} is the strongest, {@code none} the weakest, otherwise each named
     * detector protects.
     */
    public static final Effect DETECTOR_LIST = new Effect("each detector protects: all > a list > none; an application "
            + "may add detectors, never remove the fleet's", DETECTORS);

    /**
     * Globs where each plain element protects and each {@code !glob} exclusion weakens (log.files): the
     * application may add globs and drop exclusions, never drop a fleet glob or add an exclusion.
     */
    public static final Effect GLOBS_WITH_EXCLUSIONS = new Effect("each glob protects, each !exclusion weakens: an "
            + "application may add globs and drop exclusions, never remove a fleet glob or add an exclusion", GLOBS);

    /** The fleet's {@code floor} (never null: a fleet or default value) against {@code wanted} from another source. */
    Merged merge(String floor, String wanted) {
        switch (kind) {
            case NEUTRAL_KIND:
            case LIST_ADDS_KIND:
                return kept(kind == NEUTRAL_KIND ? wanted : union(floor, wanted));
            case FLEET_OWNED:
                return wanted.equals(floor) ? kept(floor) : refused(floor, why);
            case TRUE_PROTECTS_KIND:
                return "true".equals(wanted) || "false".equals(floor) ? kept(wanted)
                        : refused(floor, "it may not be switched off");
            case NUMERIC:
                long f = Long.parseLong(floor);
                long w = Long.parseLong(wanted);
                return (flag ? w >= f : w <= f) ? kept(wanted)
                        : refused(floor, flag ? "it may not be lowered" : "it may not be raised");
            case ORDERED:
                return order.indexOf(wanted) >= order.indexOf(floor) ? kept(wanted)
                        : refused(floor, "'" + wanted + "' is weaker than the fleet's '" + floor + "'");
            case ELEMENTS_PROTECT:
                return mergeProtectingElements(floor, wanted);
            case ELEMENTS_WEAKEN:
                return mergeWeakeningElements(floor, wanted);
            case DETECTORS:
                return mergeDetectors(floor, wanted);
            default:
                return mergeGlobs(floor, wanted);
        }
    }

    /** A value that weakens {@code floor}, for the tests generated from the option table; null when none exists. */
    public String weakerThan(String floor) {
        switch (kind) {
            case FLEET_OWNED:
                return floor + "-changed";
            case TRUE_PROTECTS_KIND:
                return "true".equals(floor) ? "false" : null;
            case NUMERIC:
                long f = Long.parseLong(floor);
                if (flag) {
                    return f > 1 ? Long.toString(f - 1) : null;
                }
                return Long.toString(f + 1);
            case ORDERED:
                int i = order.indexOf(floor);
                return i > 0 ? order.get(i - 1) : null;
            case ELEMENTS_PROTECT:
                List<String> e = new ArrayList<>(elements(floor));
                if (e.isEmpty()) {
                    return null;
                }
                e.remove(0);
                return e.isEmpty() ? "X_NOT_A_REAL_NAME" : String.join(",", e);
            case ELEMENTS_WEAKEN:
                return floor.isEmpty() ? "DB_PASSWORD" : floor + ",DB_PASSWORD";
            case DETECTORS:
                return "none".equals(floor) ? null : "none";
            case GLOBS:
                return floor.isEmpty() ? "!*.log" : floor + ",!*.log";
            default: // NEUTRAL, LIST_ADDS: nothing weakens them
                return null;
        }
    }

    /** A value that strengthens (or equals) {@code floor}, which a fleet must accept. */
    public String strongerThan(String floor) {
        switch (kind) {
            case TRUE_PROTECTS_KIND:
                return "true";
            case NUMERIC:
                long f = Long.parseLong(floor);
                return flag ? Long.toString(f + 1) : Long.toString(Math.max(1, f - 1));
            case ORDERED:
                return order.get(order.size() - 1);
            case LIST_ADDS_KIND:
            case ELEMENTS_PROTECT:
                return union(floor, "X_ADDED_BY_APP");
            case ELEMENTS_WEAKEN:
                return "";
            case DETECTORS:
                return "all";
            case GLOBS:
                return floor.isEmpty() ? "*.extra-log" : floor + ",*.extra-log";
            default: // NEUTRAL, FLEET_OWNED: the floor itself
                return floor;
        }
    }

    private static Merged mergeProtectingElements(String floor, String wanted) {
        Set<String> in = elements(wanted);
        List<String> missing = new ArrayList<>();
        for (String f : elements(floor)) {
            if (!in.contains(f)) {
                missing.add(f);
            }
        }
        String value = union(floor, wanted);
        return missing.isEmpty() ? kept(value)
                : new Merged(value, "it may not remove " + String.join(", ", missing) + " (kept; its other elements are added)");
    }

    private static Merged mergeWeakeningElements(String floor, String wanted) {
        Set<String> allowed = elements(floor);
        List<String> kept = new ArrayList<>();
        List<String> added = new ArrayList<>();
        for (String w : elements(wanted)) {
            (allowed.contains(w) ? kept : added).add(w);
        }
        String value = String.join(",", kept);
        return added.isEmpty() ? kept(value) : new Merged(value, "it may not add " + String.join(", ", added));
    }

    private static Merged mergeDetectors(String floor, String wanted) {
        if ("all".equals(wanted) || "none".equals(floor)) {
            return kept(wanted);
        }
        if ("all".equals(floor)) {
            return refused(floor, "the fleet runs every detector");
        }
        if ("none".equals(wanted)) {
            return refused(floor, "it may not switch the fleet's detectors off");
        }
        return mergeProtectingElements(floor, wanted);
    }

    private static Merged mergeGlobs(String floor, String wanted) {
        Set<String> out = new LinkedHashSet<>();
        List<String> refused = new ArrayList<>();
        Set<String> asked = elements(wanted);
        for (String f : elements(floor)) {
            if (!f.startsWith("!")) {
                out.add(f); // a fleet glob stays whether or not the application repeats it
                if (!asked.contains(f)) {
                    refused.add("remove " + f);
                }
            }
        }
        for (String w : asked) {
            if (!w.startsWith("!")) {
                out.add(w);
            } else if (elements(floor).contains(w)) {
                out.add(w); // the fleet's own exclusion, kept by the application
            } else {
                refused.add("add " + w);
            }
        }
        String value = String.join(",", out);
        return refused.isEmpty() ? kept(value)
                : new Merged(value, "it may not " + String.join(", ", refused) + " (its other globs are added)");
    }

    /** The fleet's elements, then the other source's new ones, comma-separated. */
    static String union(String floor, String wanted) {
        Set<String> all = new LinkedHashSet<>(elements(floor));
        all.addAll(elements(wanted));
        return String.join(",", all);
    }

    static Set<String> elements(String list) {
        if (list == null || list.isEmpty()) {
            return Collections.emptySet();
        }
        Set<String> out = new LinkedHashSet<>();
        for (String s : list.split(",")) {
            if (!s.trim().isEmpty()) {
                out.add(s.trim());
            }
        }
        return out;
    }
}
