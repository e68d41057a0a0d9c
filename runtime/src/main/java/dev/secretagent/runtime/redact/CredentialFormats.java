package dev.secretagent.runtime.redact;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The redactor's credential detectors ({@link DetectorTable}, plus those of {@code detectors.config}) on their own,
 * for tools that look for credentials in text at rest rather than redact output (the {@code scan} command): the
 * same rules and the same allow rules ({@link Placeholders}) as the running JVM. Besides the detectors, the
 * secret-looking key rule of the redactor ({@code aws_secret_access_key = ...}, {@code "client_secret": "..."}),
 * but only where the value itself looks like a secret ({@link Placeholders#looksSecret}): a repository is full of
 * {@code password=${DB_PASSWORD}}. Header, query and URL rules are left out.
 */
public final class CredentialFormats {
    /** One match: [start, end) in the text and the detector that found it ({@code github-pat}, {@code key:token}). */
    public static final class Hit {
        public final int start;
        public final int end;
        public final String detector;

        Hit(int start, int end, String detector) {
            this.start = start;
            this.end = end;
            this.detector = detector;
        }
    }

    private final RuleScanner scanner;
    private final String[] owners;

    private CredentialFormats(List<DetectorRule> detectors, boolean keys) {
        RuleScanner.OwnerTable owner = new RuleScanner.OwnerTable();
        List<RuleScanner.Trigger> only = new ArrayList<RuleScanner.Trigger>();
        for (RuleScanner.Trigger t : RuleScanner.triggers(Collections.<String>emptyList(), detectors, owner)) {
            if (t.kind == RuleScanner.DETECTOR || (keys && t.kind == RuleScanner.KEY)) {
                only.add(t);
            }
        }
        this.scanner = new RuleScanner(only, "[REDACTED:");
        this.owners = owner.ids();
    }

    /** Every detector family the redactor knows. */
    public static List<String> names() {
        return Collections.unmodifiableList(DetectorTable.families());
    }

    /** Every built-in detector (id, family, keywords, pattern), in table order. */
    public static List<DetectorRule> rules() {
        return DetectorTable.RULES;
    }

    /**
     * A finder for the named detectors: "all" or an empty list (every one), "none", or families and detector ids.
     * Unknown names: IllegalArgumentException. Key/value findings unless "none".
     */
    public static CredentialFormats of(List<String> detectors) {
        boolean none = detectors != null && detectors.size() == 1 && detectors.get(0).equalsIgnoreCase("none");
        return new CredentialFormats(CustomDetectors.withInstalled(DetectorTable.forSetting(detectors)), !none);
    }

    private boolean coveredByDetector(Spans sp, int k) {
        for (int i = 0; i < sp.size; i++) {
            if (i != k && !owners[sp.owner[i]].startsWith("key:") && sp.start[i] < sp.end[k]
                    && sp.start[k] < sp.end[i]) {
                return true;
            }
        }
        return false;
    }

    /** The credential-shaped spans in {@code text}, in order of their start. */
    public List<Hit> find(String text) {
        Spans sp = scanner.scan(text, 0, text.length(), null, new RuleScanner.Open());
        if (sp == null) {
            return Collections.emptyList();
        }
        Spans kept = null;
        for (int i = 0; i < sp.size; i++) {
            boolean key = owners[sp.owner[i]].startsWith("key:");
            if (key && coveredByDetector(sp, i)) {
                continue; // the detector names it better ("github-pat", not "key:token")
            }
            if (!key || Placeholders.looksSecret(text, sp.start[i], sp.end[i])) {
                kept = RuleScanner.add(kept, sp.start[i], sp.end[i], sp.owner[i]);
            }
        }
        if (kept == null) {
            return Collections.emptyList();
        }
        kept.merge(0);
        List<Hit> out = new ArrayList<Hit>(kept.groups);
        for (int g = 0; g < kept.groups; g++) {
            String id = owners[kept.gOwner[g]];
            out.add(new Hit(kept.gStart[g], kept.gEnd[g], id.startsWith("detector:") ? id.substring(9) : id));
        }
        return out;
    }
}
