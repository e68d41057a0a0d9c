package dev.secretagent.runtime;

/**
 * Re-entrancy guard. The agent's own work on a secret read (stack walk, code location, audit queue,
 * fingerprint, host name) calls System.getProperty/getenv itself; while a thread is inside, the hooks
 * pass every value through untouched instead of auditing the agent or recursing.
 */
public final class AccessGuard {
    private static final ThreadLocal<int[]> DEPTH = new ThreadLocal<int[]>() {
        @Override
        protected int[] initialValue() {
            return new int[1];
        }
    };

    private AccessGuard() {
    }

    public static boolean inside() {
        return DEPTH.get()[0] > 0;
    }

    /** Pair with {@link #exit()} in a finally block. */
    public static void enter() {
        DEPTH.get()[0]++;
    }

    public static void exit() {
        DEPTH.get()[0]--;
    }
}
