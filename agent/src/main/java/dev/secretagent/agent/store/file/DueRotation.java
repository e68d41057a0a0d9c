package dev.secretagent.agent.store.file;

import dev.secretagent.runtime.rotation.RotationPolicy;
import dev.secretagent.runtime.rotation.SecretAge;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code store rotate --due}: one pass over the file store's contents, under its writer lock. Every live
 * secret past its cadence that the store generated itself gets a new generated version, and its earlier
 * versions an end of overlap; an overdue secret put by hand is only reported (its rotation needs the
 * service that uses it: a database user, a third party's API key). Versions whose overlap has ended lose
 * their value. The caller audits and prints the outcome; nothing here holds a value beyond the store.
 */
public final class DueRotation {
    /** What happened to one secret. */
    public static final class Outcome {
        public enum Kind { ROTATED, NEEDS_HAND, OVERLAP_ENDED }

        public final Kind kind;
        public final String path;
        public final int version;
        public final int previous;
        public final SecretAge age;

        Outcome(Kind kind, String path, int version, int previous, SecretAge age) {
            this.kind = kind;
            this.path = path;
            this.version = version;
            this.previous = previous;
            this.age = age;
        }
    }

    /** Makes a new value for a secret (the generator, with the command's alphabet and length). */
    public interface Generator {
        String next();
    }

    private DueRotation() {
    }

    /** The age of a secret's current version in a file store. */
    public static SecretAge age(String path, StoreContent.Version cur, RotationPolicy policy) {
        return SecretAge.of(path, Integer.toString(cur.number), path, "file", cur.created, null, policy);
    }

    /**
     * Applies the pass to {@code c} when {@code apply}; otherwise only reports what it would do.
     * {@code overlapMillis}: how long the replaced version stays readable (0: it ends now).
     */
    public static List<Outcome> run(StoreContent c, RotationPolicy policy, long now, long overlapMillis,
                                    Generator generator, boolean apply) {
        List<Outcome> out = new ArrayList<>();
        for (Map.Entry<String, StoreContent.Entry> me : new ArrayList<>(c.entries().entrySet())) {
            String path = me.getKey();
            StoreContent.Entry e = me.getValue();
            StoreContent.Version cur = e.current();
            for (StoreContent.Version v : new ArrayList<>(e.versions)) {
                if (v != cur && !v.destroyed && v.expired(now)) {
                    out.add(new Outcome(Outcome.Kind.OVERLAP_ENDED, path, v.number, v.number, null));
                    if (apply) {
                        c.destroy(path, v.number);
                    }
                }
            }
            if (e.revoked || cur == null) {
                continue;
            }
            SecretAge age = age(path, cur, policy);
            if (!age.overdue(now)) {
                continue;
            }
            if (!cur.generated) {
                out.add(new Outcome(Outcome.Kind.NEEDS_HAND, path, cur.number, cur.number, age));
                continue;
            }
            int next = cur.number + 1;
            if (apply) {
                next = c.put(path, generator.next(), now, true);
                c.endOverlap(path, next, now + overlapMillis);
            }
            out.add(new Outcome(Outcome.Kind.ROTATED, path, next, cur.number, age));
        }
        return out;
    }
}
