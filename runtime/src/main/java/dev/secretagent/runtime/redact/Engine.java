package dev.secretagent.runtime.redact;

import dev.secretagent.runtime.Keys;
import dev.secretagent.runtime.Settings;
import dev.secretagent.runtime.secret.Secret;
import dev.secretagent.runtime.secret.SecretSnapshot;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything compiled from one registry snapshot and one Settings instance: the char and byte
 * matchers over every form of every value (live and retired), the rule scanner and the masks.
 * Immutable; {@link Redaction} swaps it atomically.
 */
final class Engine {
    static final byte[] FAILED_BYTES = Markers.REDACTION_FAILED.getBytes(StandardCharsets.US_ASCII);

    final SecretSnapshot snapshot;
    final Settings settings;
    /** The char matcher; null until first used when the engine was built for bytes ({@link #Engine(SecretSnapshot, Settings, boolean)}). */
    private volatile SkipMatcher chars;
    /** The forms the char matcher is built from, kept only until it is built. */
    private Map<String, Integer> charForms;
    final SkipMatcher bytes;
    final RuleScanner rules;
    /** Owners 0 .. secretOwners-1 are known secret ids, the rest rule ids (header:..., detector:...). */
    final int secretOwners;
    final String[] ids;
    final String[] masks;
    final byte[][] maskBytes;
    /** Secret ids whose values are all shorter than min.length: not redacted, warned about once. */
    final List<String> tooShort = new ArrayList<String>();

    Engine(SecretSnapshot snapshot, Settings settings) {
        this(snapshot, settings, false);
    }

    /**
     * With {@code charsOnFirstUse}, the char matcher is built by the first char scan instead of here: a process that
     * scans only bytes (the {@code redact} command) never pays for it (a sixth of its start-up with 1,000 values).
     */
    Engine(SecretSnapshot snapshot, Settings settings, boolean charsOnFirstUse) {
        this.snapshot = snapshot;
        this.settings = settings;
        int minLength = Math.max(1, settings.get(Keys.MIN_LENGTH));
        RuleScanner.OwnerTable owner = new RuleScanner.OwnerTable();
        Map<String, Integer> charForms = new LinkedHashMap<String, Integer>();
        Map<String, Integer> byteForms = new LinkedHashMap<String, Integer>();
        Map<String, Boolean> redacted = new HashMap<String, Boolean>();
        for (Secret s : snapshot.allValues()) {
            List<String> forms = Encodings.forms(s.value(), minLength);
            Boolean before = redacted.get(s.id());
            redacted.put(s.id(), (before != null && before) || !forms.isEmpty());
            if (forms.isEmpty()) {
                continue;
            }
            int o = owner.owner(s.id());
            for (String f : forms) {
                if (!charForms.containsKey(f)) {
                    charForms.put(f, o);
                }
                String b = new String(f.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
                if (!byteForms.containsKey(b)) {
                    byteForms.put(b, o);
                }
            }
        }
        for (Map.Entry<String, Boolean> e : redacted.entrySet()) {
            if (!e.getValue()) {
                tooShort.add(e.getKey());
            }
        }
        secretOwners = owner.size();
        String mask = settings.get(Keys.MASK);
        int brace = mask.indexOf('{');
        String maskPrefix = brace > 0 ? mask.substring(0, brace) : mask.length() >= 3 && brace < 0 ? mask : "";
        List<DetectorRule> detectors = detectorList(settings);
        List<RuleScanner.Trigger> triggers = RuleScanner.triggers(settings.get(Keys.HEADERS), detectors,
                owner);
        rules = new RuleScanner(triggers, maskPrefix);
        if (charsOnFirstUse) {
            this.charForms = charForms;
        } else {
            chars = matcher(charForms);
        }
        bytes = matcher(byteForms);
        ids = owner.ids();
        masks = new String[ids.length];
        maskBytes = new byte[ids.length][];
        for (int i = 0; i < ids.length; i++) {
            masks[i] = mask.replace("{id}", ids[i]);
            maskBytes[i] = masks[i].getBytes(StandardCharsets.UTF_8);
        }
    }

    /** The detectors of the {@code detectors} setting (families or ids), with those of {@code detectors.config}. */
    static List<DetectorRule> detectorList(Settings settings) {
        return CustomDetectors.withInstalled(DetectorTable.forSetting(settings.get(Keys.DETECTORS), false));
    }

    private static SkipMatcher matcher(Map<String, Integer> forms) {
        List<char[]> pats = new ArrayList<char[]>(forms.size());
        List<Integer> owners = new ArrayList<Integer>(forms.size());
        for (Map.Entry<String, Integer> e : forms.entrySet()) {
            pats.add(e.getKey().toCharArray());
            owners.add(e.getValue());
        }
        return new SkipMatcher(pats, owners);
    }

    // ---------------------------------------------------------------- finding

    /*
     * What to mask in s[from, to), in three steps over one text: the known values' forms (SkipMatcher); the
     * triggers (TriggerSearch), whose loop also notes an ESC, and the rules at them; and, only when an ESC was
     * seen, the known values split by terminal escape sequences (ColourSplitValues). {@code open} learns where a
     * rule ran out of text and whether there was an ESC (a stream's heldTail asks). The spans are added in the
     * order Spans.merge and the listeners need: plain matches first; a colour-split match after the rules' is
     * equivalent (merge orders known values before rule hits at the same start).
     */
    Spans find(String s, int from, int to, Spans sp, RuleScanner.Open open) {
        SkipMatcher chars = chars();
        sp = chars.scan(s, from, to, sp);
        Candidates found = rules.triggers(s, from, to);
        sp = rules.apply(found, s, from, to, sp, open);
        return Candidates.escape(found) ? colourSplit(chars, s, from, to, false, sp, open) : sp;
    }

    Spans find(char[] s, int from, int to, Spans sp, RuleScanner.Open open) {
        SkipMatcher chars = chars();
        sp = chars.scan(s, from, to, sp);
        Candidates found = rules.triggers(s, from, to);
        sp = rules.apply(found, s, from, to, sp, open);
        return Candidates.escape(found) ? colourSplit(chars, java.nio.CharBuffer.wrap(s), from, to, false, sp, open)
                : sp;
    }

    Spans find(byte[] s, int from, int to, Spans sp, RuleScanner.Open open) {
        sp = bytes.scan(s, from, to, sp);
        Candidates found = rules.triggers(s, from, to);
        sp = rules.apply(found, s, from, to, sp, open);
        return Candidates.escape(found) ? colourSplit(bytes, new RuleScanner.Latin1(s), from, to, true, sp, open)
                : sp;
    }

    private static Spans colourSplit(SkipMatcher m, CharSequence t, int from, int to, boolean bytes, Spans sp,
            RuleScanner.Open open) {
        open.escape = true;
        return ColourSplitValues.find(m, t, from, to, bytes, sp);
    }

    /**
     * What a stream holds back of buf[from, to): the start of a known value's form and, when the scan of the same
     * units saw an ESC ({@code escape}, from {@link RuleScanner.Open#escape}), also of one split by escape sequences.
     */
    int heldTail(byte[] buf, int from, int to, boolean escape) {
        int plain = bytes.heldTail(buf, from, to);
        return escape ? Math.max(plain, ColourSplitValues.heldTail(bytes, new RuleScanner.Latin1(buf), from, to, true))
                : plain;
    }

    int heldTail(char[] buf, int from, int to, boolean escape) {
        SkipMatcher chars = chars();
        int plain = chars.heldTail(buf, from, to);
        return escape ? Math.max(plain, ColourSplitValues.heldTail(chars, java.nio.CharBuffer.wrap(buf), from, to,
                false)) : plain;
    }

    SkipMatcher chars() {
        SkipMatcher c = chars;
        return c != null ? c : buildChars();
    }

    private synchronized SkipMatcher buildChars() {
        if (chars == null) {
            chars = matcher(charForms);
            charForms = null;
        }
        return chars;
    }

    // ---------------------------------------------------------------- whole texts

    String redact(String text, String channel) {
        Spans sp = find(text, 0, text.length(), null, OPEN_SINK);
        if (sp == null) {
            return text;
        }
        sp.merge(secretOwners);
        StringBuilder sb = new StringBuilder(text.length() + 16 * sp.groups);
        int at = 0;
        for (int g = 0; g < sp.groups; g++) {
            sb.append(text, at, sp.gStart[g]).append(masks[sp.gOwner[g]]);
            at = sp.gEnd[g];
        }
        sb.append(text, at, text.length());
        notify(sp, sp.groups, channel);
        return sb.toString();
    }

    byte[] redactUtf8(byte[] b, int off, int len, String channel) {
        return redactUtf8(b, off, len, channel, null);
    }

    /** {@link #redactUtf8(byte[], int, int, String)} with the channel named by {@code lazy} only if a secret is found. */
    byte[] redactUtf8(byte[] b, int off, int len, LazyChannel lazy) {
        return redactUtf8(b, off, len, null, lazy);
    }

    private byte[] redactUtf8(byte[] b, int off, int len, String channel, LazyChannel lazy) {
        Spans sp = find(b, off, off + len, null, OPEN_SINK);
        if (sp == null) {
            return off == 0 && len == b.length ? b : Arrays.copyOfRange(b, off, off + len);
        }
        sp.merge(secretOwners);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(len + 16 * sp.groups);
        int at = off;
        for (int g = 0; g < sp.groups; g++) {
            out.write(b, at, sp.gStart[g] - at);
            byte[] m = maskBytes[sp.gOwner[g]];
            out.write(m, 0, m.length);
            at = sp.gEnd[g];
        }
        out.write(b, at, off + len - at);
        notify(sp, sp.groups, channel, lazy);
        return out.toByteArray();
    }

    /** Whole texts do not care about open ends or an ESC for a hold-back: a shared sink (its values are never read). */
    private static final RuleScanner.Open OPEN_SINK = new RuleScanner.Open();

    /** Tells the listener about the first {@code groups} groups: each group's id and every other known secret in it. */
    void notify(Spans sp, int groups, String channel) {
        notify(sp, groups, channel, null);
    }

    /** The same, the channel being {@code channel} or, when that is null, {@code lazy}'s name. */
    private void notify(Spans sp, int groups, String channel, LazyChannel lazy) {
        if (!RedactionListeners.any()) {
            return;
        }
        if (channel == null) {
            channel = lazy != null ? lazy.name() : null;
        }
        for (int g = 0; g < groups; g++) {
            RedactionListeners.fire(ids[sp.gOwner[g]], channel);
        }
        if (sp.size > groups) {
            for (int i = 0; i < sp.size; i++) {
                int o = sp.owner[i];
                if (o >= secretOwners) {
                    continue;
                }
                for (int g = 0; g < groups; g++) {
                    if (sp.start[i] >= sp.gStart[g] && sp.end[i] <= sp.gEnd[g]) {
                        if (sp.gOwner[g] != o && !seenBefore(sp, i, o, g)) {
                            RedactionListeners.fire(ids[o], channel);
                        }
                        break;
                    }
                }
            }
        }
    }

    private static boolean seenBefore(Spans sp, int i, int o, int g) {
        for (int k = 0; k < i; k++) {
            if (sp.owner[k] == o && sp.start[k] >= sp.gStart[g] && sp.end[k] <= sp.gEnd[g]) {
                return true;
            }
        }
        return false;
    }
}
