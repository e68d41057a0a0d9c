package dev.secretagent.runtime.redact;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The credential-format detectors (aws, github, gitlab, slack, stripe, google, pem, jwt) on their own,
 * for tools that look for credentials in text at rest rather than redact output (the {@code scan}
 * command). The same {@link Detectors} as the redactor, so there is one set of formats; header,
 * key=value and URL rules are left out (a repository is full of {@code password=${DB_PASSWORD}}).
 */
public final class CredentialFormats {
    /** One match: [start, end) in the text and the detector that found it. */
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

    private CredentialFormats(List<String> detectors) {
        RuleScanner.OwnerTable owner = new RuleScanner.OwnerTable();
        List<RuleScanner.Trigger> all = RuleScanner.triggers(Collections.<String>emptyList(), detectors,
                owner);
        List<RuleScanner.Trigger> only = new ArrayList<RuleScanner.Trigger>();
        for (RuleScanner.Trigger t : all) {
            if (t.kind == RuleScanner.DETECTOR) {
                only.add(t);
            }
        }
        this.scanner = new RuleScanner(only, "[REDACTED:");
        this.owners = owner.ids();
    }

    /** Every detector name the redactor knows. */
    public static List<String> names() {
        return Collections.unmodifiableList(Arrays.asList(RuleScanner.DETECTORS));
    }

    /** A finder for the named detectors ("all" or an empty list: every one). Unknown names: IllegalArgumentException. */
    public static CredentialFormats of(List<String> detectors) {
        List<String> list = new ArrayList<String>();
        if (detectors == null || detectors.isEmpty()
                || (detectors.size() == 1 && detectors.get(0).equalsIgnoreCase("all"))) {
            list.addAll(names());
        } else if (!(detectors.size() == 1 && detectors.get(0).equalsIgnoreCase("none"))) {
            for (String d : detectors) {
                String n = d.toLowerCase(Locale.ROOT);
                Detectors.triggers(n); // validates
                list.add(n);
            }
        }
        return new CredentialFormats(list);
    }

    /** The credential-shaped spans in {@code text}, in order of their start. */
    public List<Hit> find(String text) {
        Spans sp = scanner.scan(text, 0, text.length(), null, new RuleScanner.Open());
        if (sp == null) {
            return Collections.emptyList();
        }
        sp.merge(0);
        List<Hit> out = new ArrayList<Hit>(sp.groups);
        for (int g = 0; g < sp.groups; g++) {
            String id = owners[sp.gOwner[g]];
            out.add(new Hit(sp.gStart[g], sp.gEnd[g], id.startsWith("detector:") ? id.substring(9) : id));
        }
        return out;
    }
}
