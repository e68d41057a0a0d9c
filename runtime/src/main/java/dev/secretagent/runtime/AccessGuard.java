package dev.secretagent.runtime;

import dev.secretagent.runtime.thread.CallState;

/**
 * Re-entrancy guard. The agent's own work on a secret read (stack walk, code location, audit queue,
 * fingerprint, host name) calls System.getProperty/getenv itself; while a thread is inside, the hooks
 * pass every value through untouched instead of auditing the agent or recursing. A virtual thread's depth is
 * dropped when it leaves the outermost guarded call (see CallState).
 */
public final class AccessGuard {
    private static final CallState<int[]> DEPTH = new CallState<int[]>() {
        @Override
        protected int[] create() {
            return new int[1];
        }
    };

    private AccessGuard() {
    }

    public static boolean inside() {
        int[] depth = DEPTH.peek();
        return depth != null && depth[0] > 0;
    }

    /** Pair with {@link #exit()} in a finally block. */
    public static void enter() {
        DEPTH.get()[0]++;
    }

    public static void exit() {
        int[] depth = DEPTH.get();
        if (--depth[0] <= 0) {
            DEPTH.ended();
        }
    }
}
