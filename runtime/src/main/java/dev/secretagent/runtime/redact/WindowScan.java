package dev.secretagent.runtime.redact;

/**
 * What one scan of a window of UTF-8 text matched, as positions rather than as rewritten text, so that a
 * large input can be cut into pieces, each piece scanned with some context on either side (in parallel),
 * and the pieces' matches put together in order: the {@code redact} command's parallel path. A piece keeps
 * the matches that start inside it, before they are folded into masks (the text around it only gives the
 * scan its context: the name before a value, the rest of a value that runs past the cut); whoever puts
 * the pieces together folds overlapping and adjacent matches into one mask, named for the first, exactly as
 * one scan of the whole text does ({@link Spans#merge}), so that folding also works across the cuts.
 */
public final class WindowScan {
    /** Matches [start, end) in the window's coordinates, ordered by start (known secrets first), with mask and id. */
    public final int count;
    private final int[] start;
    private final int[] end;
    private final byte[][] mask;
    private final String[] id;
    /** Whether match i is a known secret (not a name rule or detector): counted even when folded into another mask. */
    private final boolean[] secret;

    private WindowScan(int count, int[] start, int[] end, byte[][] mask, String[] id, boolean[] secret) {
        this.count = count;
        this.start = start;
        this.end = end;
        this.mask = mask;
        this.id = id;
        this.secret = secret;
    }

    public int start(int i) {
        return start[i];
    }

    public int end(int i) {
        return end[i];
    }

    public byte[] mask(int i) {
        return mask[i];
    }

    public String id(int i) {
        return id[i];
    }

    /**
     * Match i is a known secret's form: a redaction of it is reported even when it lies inside another mask (a
     * value inside a header's base64), as {@link Engine#notify} reports it for one scan of the whole text.
     */
    public boolean secret(int i) {
        return secret[i];
    }

    /**
     * Scans {@code b[from, to)} as one whole text (the engine of the moment) and returns the matches that
     * start in {@code [keepFrom, keepTo)}, in the order {@link Spans#merge} folds them. Thread-safe: each call has its own spans. On an internal error
     * throws, so that the caller writes the fail-closed marker for the piece instead of its text.
     */
    public static WindowScan scan(byte[] b, int from, int to, int keepFrom, int keepTo) {
        Engine e = Redaction.engine();
        Spans sp = e.find(b, from, to, null, new RuleScanner.Open());
        if (sp == null) {
            return new WindowScan(0, null, null, null, null, null);
        }
        long[] keys = new long[sp.size];
        int kept = 0;
        for (int i = 0; i < sp.size; i++) {
            if (sp.start[i] >= keepFrom && sp.start[i] < keepTo) {
                keys[kept++] = ((long) sp.start[i] << 32) | ((long) (sp.owner[i] < e.secretOwners ? 0 : 1) << 31) | i;
            }
        }
        java.util.Arrays.sort(keys, 0, kept);
        int n = kept;
        int[] s = new int[n];
        int[] en = new int[n];
        byte[][] m = new byte[n][];
        String[] ids = new String[n];
        boolean[] secrets = new boolean[n];
        for (int k = 0; k < n; k++) {
            int i = (int) (keys[k] & 0x7FFFFFFF);
            s[k] = sp.start[i];
            en[k] = sp.end[i];
            m[k] = e.maskBytes[sp.owner[i]];
            ids[k] = e.ids[sp.owner[i]];
            secrets[k] = sp.owner[i] < e.secretOwners;
        }
        return new WindowScan(n, s, en, m, ids, secrets);
    }

    /** The fail-closed marker, for a piece whose scan failed. */
    public static byte[] failedMarker() {
        return Engine.FAILED_BYTES.clone();
    }
}
