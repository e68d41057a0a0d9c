package dev.secretagent.runtime.redact;

import java.util.Arrays;

/**
 * Matches found in one piece of text: [start, end) and the owner (an index into the engine's id table).
 * Created only on the first match, so clean text allocates nothing. {@link #merge} sorts and folds
 * overlapping and adjacent matches into groups, each of which becomes one mask.
 */
final class Spans {
    int[] start = new int[8];
    int[] end = new int[8];
    int[] owner = new int[8];
    int size;
    /** After merge: group boundaries and the owner whose id names the mask. */
    int groups;
    int[] gStart = new int[8];
    int[] gEnd = new int[8];
    int[] gOwner = new int[8];

    void add(int s, int e, int o) {
        if (size == start.length) {
            start = Arrays.copyOf(start, size * 2);
            end = Arrays.copyOf(end, size * 2);
            owner = Arrays.copyOf(owner, size * 2);
        }
        start[size] = s;
        end[size] = e;
        owner[size] = o;
        size++;
    }

    void clear() {
        size = 0;
        groups = 0;
    }

    /**
     * Orders by start (ties: known secrets, which have lower owner numbers, first) and folds overlapping
     * or adjacent spans into groups; a group is named for its first span (owners below {@code secretOwners}
     * are known secrets and win over a rule hit starting at the same place).
     */
    void merge(int secretOwners) {
        long[] keys = new long[size];
        for (int i = 0; i < size; i++) {
            keys[i] = ((long) start[i] << 32) | ((long) (owner[i] < secretOwners ? 0 : 1) << 31) | i;
        }
        Arrays.sort(keys);
        groups = 0;
        int gs = -1;
        int ge = -1;
        int go = -1;
        for (long k : keys) {
            int i = (int) (k & 0x7FFFFFFF);
            if (go >= 0 && start[i] <= ge) {
                if (end[i] > ge) {
                    ge = end[i];
                }
                continue;
            }
            if (go >= 0) {
                pushGroup(gs, ge, go);
            }
            gs = start[i];
            ge = end[i];
            go = owner[i];
        }
        if (go >= 0) {
            pushGroup(gs, ge, go);
        }
    }

    private void pushGroup(int s, int e, int o) {
        if (groups == gStart.length) {
            gStart = Arrays.copyOf(gStart, groups * 2);
            gEnd = Arrays.copyOf(gEnd, groups * 2);
            gOwner = Arrays.copyOf(gOwner, groups * 2);
        }
        gStart[groups] = s;
        gEnd[groups] = e;
        gOwner[groups] = o;
        groups++;
    }

    /** Index of the group containing position p strictly inside (gStart < p < gEnd), or -1. */
    int groupStraddling(int p) {
        for (int g = 0; g < groups; g++) {
            if (gStart[g] < p && p < gEnd[g]) {
                return g;
            }
        }
        return -1;
    }
}
