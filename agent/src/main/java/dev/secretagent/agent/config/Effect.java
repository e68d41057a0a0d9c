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
 */
public abstract class Effect {
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

    private final String description;

    private Effect(String description) {
        this.description = description;
    }

    /** One line for docs/configuration.md: how the option can weaken protection. */
    public String description() {
        return description;
    }

    /** True when no value of the option changes what is redacted, audited or enforced. */
    public boolean neutral() {
        return false;
    }

    /**
     * True when, where the fleet file does not set the option, any source may set it freely (a neutral option, or
     * one the fleet decides only when it speaks); false when the default is then the floor.
     */
    public boolean openWhereFleetSilent() {
        return neutral();
    }

    /** The fleet's {@code floor} (never null: a fleet or default value) against {@code wanted} from another source. */
    abstract Merged merge(String floor, String wanted);

    /** A value that weakens {@code floor}, for the tests generated from the option table; null when none exists. */
    public abstract String weakerThan(String floor);

    /** A value that strengthens (or equals) {@code floor}, which a fleet must accept. */
    public abstract String strongerThan(String floor);

    static Merged kept(String value) {
        return new Merged(value, null);
    }

    static Merged refused(String floor, String why) {
        return new Merged(floor, why);
    }

    /** Presentation or plumbing only (service.name, mask, diagnostics): any source may set it. */
    public static final Effect NEUTRAL = new Effect("neutral: does not change what is protected") {
        @Override
        public boolean neutral() {
            return true;
        }

        @Override
        Merged merge(String floor, String wanted) {
            return kept(wanted);
        }

        @Override
        public String weakerThan(String floor) {
            return null;
        }

        @Override
        public String strongerThan(String floor) {
            return floor;
        }
    };

    /**
     * Where the secrets come from, where the audit goes: a value the fleet set is the fleet's alone; where the
     * fleet leaves it unset, the application may set it.
     */
    public static final Effect FLEET_DECIDES = new FleetOwned(
            "fleet decides: an application may set it only where the fleet policy leaves it unset",
            "only the fleet policy may change it", true);

    /**
     * A setting that can only weaken in an application's hands (detectors.config: a file without
     * {@code useDefault} replaces the built-in detectors, and its allowlists silence findings): under a
     * fleet policy only the fleet sets it, even where the fleet leaves it unset.
     */
    public static final Effect FLEET_ONLY = new FleetOwned(
            "fleet only: under a fleet policy an application may not set it at all",
            "only the fleet policy may set it", false);

    /** A value only the fleet may change: any other value than the floor is refused. */
    private static final class FleetOwned extends Effect {
        private final String why;
        private final boolean openWhereFleetSilent;

        FleetOwned(String description, String why, boolean openWhereFleetSilent) {
            super(description);
            this.why = why;
            this.openWhereFleetSilent = openWhereFleetSilent;
        }

        @Override
        Merged merge(String floor, String wanted) {
            return wanted.equals(floor) ? kept(floor) : refused(floor, why);
        }

        @Override
        public boolean openWhereFleetSilent() {
            return openWhereFleetSilent;
        }

        @Override
        public String weakerThan(String floor) {
            return floor + "-changed";
        }

        @Override
        public String strongerThan(String floor) {
            return floor;
        }
    }

    /** A switch that protects when true (redaction.enabled, audit.enabled, leaks.fail, ...). */
    public static final Effect TRUE_PROTECTS = new Effect("weakens when switched from true to false") {
        @Override
        Merged merge(String floor, String wanted) {
            return "true".equals(wanted) || "false".equals(floor) ? kept(wanted) : refused(floor, "it may not be switched off");
        }

        @Override
        public String weakerThan(String floor) {
            return "true".equals(floor) ? "false" : null;
        }

        @Override
        public String strongerThan(String floor) {
            return "true";
        }
    };

    /** A number where a lower value protects more (min.length: shorter values are left in clear). */
    public static final Effect LOWER_PROTECTS = numeric(false);
    /** A number where a higher value protects more (audit queue size, files kept). */
    public static final Effect HIGHER_PROTECTS = numeric(true);

    private static Effect numeric(final boolean higherProtects) {
        return new Effect(higherProtects ? "weakens when lowered" : "weakens when raised") {
            @Override
            Merged merge(String floor, String wanted) {
                long f = Long.parseLong(floor);
                long w = Long.parseLong(wanted);
                boolean ok = higherProtects ? w >= f : w <= f;
                return ok ? kept(wanted) : refused(floor, higherProtects ? "it may not be lowered" : "it may not be raised");
            }

            @Override
            public String weakerThan(String floor) {
                long f = Long.parseLong(floor);
                if (higherProtects) {
                    return f > 1 ? Long.toString(f - 1) : null;
                }
                return Long.toString(f + 1);
            }

            @Override
            public String strongerThan(String floor) {
                long f = Long.parseLong(floor);
                return higherProtects ? Long.toString(f + 1) : Long.toString(Math.max(1, f - 1));
            }
        };
    }

    /** One of several values, weakest first (mode: dev, audit, enforce). */
    public static Effect ordered(String... weakestFirst) {
        final List<String> order = Arrays.asList(weakestFirst);
        return new Effect("weakens when moved towards " + order.get(0) + " (order: " + String.join(" < ", order) + ")") {
            @Override
            Merged merge(String floor, String wanted) {
                return order.indexOf(wanted) >= order.indexOf(floor) ? kept(wanted)
                        : refused(floor, "'" + wanted + "' is weaker than the fleet's '" + floor + "'");
            }

            @Override
            public String weakerThan(String floor) {
                int i = order.indexOf(floor);
                return i > 0 ? order.get(i - 1) : null;
            }

            @Override
            public String strongerThan(String floor) {
                return order.get(order.size() - 1);
            }
        };
    }

    /**
     * A list that extends another (headers, secret.names.extra): whatever the application names is
     * added to the fleet's elements; leaving one out is not a request to remove it.
     */
    public static final Effect LIST_ADDS = new Effect("adds to the fleet's list: an application's elements are added to the fleet's") {
        @Override
        Merged merge(String floor, String wanted) {
            return kept(union(floor, wanted));
        }

        @Override
        public String weakerThan(String floor) {
            return null;
        }

        @Override
        public String strongerThan(String floor) {
            return union(floor, "X_ADDED_BY_APP");
        }
    };

    /**
     * A list that replaces another and whose elements each protect (secret.names replaces the built-in
     * patterns): the application may add elements; the fleet's elements it leaves out stay in force,
     * and leaving them out is reported.
     */
    public static final Effect LIST_ELEMENTS_PROTECT = new Effect("each element protects: an application may add elements, never remove the fleet's") {
        @Override
        Merged merge(String floor, String wanted) {
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

        @Override
        public String weakerThan(String floor) {
            List<String> e = new ArrayList<>(elements(floor));
            if (e.isEmpty()) {
                return null;
            }
            e.remove(0);
            return e.isEmpty() ? "X_NOT_A_REAL_NAME" : String.join(",", e);
        }

        @Override
        public String strongerThan(String floor) {
            return union(floor, "X_ADDED_BY_APP");
        }
    };

    /**
     * A list whose elements each remove protection (secret.names.exclude, instrument.disabled): the
     * application may drop elements of the fleet's list, never add one.
     */
    public static final Effect LIST_ELEMENTS_WEAKEN = new Effect("each element weakens: an application may remove elements, never add one") {
        @Override
        Merged merge(String floor, String wanted) {
            Set<String> allowed = elements(floor);
            List<String> kept = new ArrayList<>();
            List<String> added = new ArrayList<>();
            for (String w : elements(wanted)) {
                (allowed.contains(w) ? kept : added).add(w);
            }
            String value = String.join(",", kept);
            return added.isEmpty() ? kept(value)
                    : new Merged(value, "it may not add " + String.join(", ", added));
        }

        @Override
        public String weakerThan(String floor) {
            return floor.isEmpty() ? "DB_PASSWORD" : floor + ",DB_PASSWORD";
        }

        @Override
        public String strongerThan(String floor) {
            return "";
        }
    };

    /**
     * The detector list: {@code all} is the strongest, {@code none} the weakest, otherwise each named
     * detector protects.
     */
    public static final Effect DETECTOR_LIST = new Effect("each detector protects: all > a list > none; an application may add detectors, never remove the fleet's") {
        @Override
        Merged merge(String floor, String wanted) {
            if ("all".equals(wanted) || "none".equals(floor)) {
                return kept(wanted);
            }
            if ("all".equals(floor)) {
                return refused(floor, "the fleet runs every detector");
            }
            if ("none".equals(wanted)) {
                return refused(floor, "it may not switch the fleet's detectors off");
            }
            return LIST_ELEMENTS_PROTECT.merge(floor, wanted);
        }

        @Override
        public String weakerThan(String floor) {
            return "none".equals(floor) ? null : "none";
        }

        @Override
        public String strongerThan(String floor) {
            return "all";
        }
    };

    /**
     * Globs where each plain element protects and each {@code !glob} exclusion weakens (log.files): the
     * application may add globs and drop exclusions, never drop a fleet glob or add an exclusion.
     */
    public static final Effect GLOBS_WITH_EXCLUSIONS = new Effect("each glob protects, each !exclusion weakens: an application may add globs and drop exclusions, never remove a fleet glob or add an exclusion") {
        @Override
        Merged merge(String floor, String wanted) {
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

        @Override
        public String weakerThan(String floor) {
            return floor.isEmpty() ? "!*.log" : floor + ",!*.log";
        }

        @Override
        public String strongerThan(String floor) {
            return floor.isEmpty() ? "*.extra-log" : floor + ",*.extra-log";
        }
    };

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
