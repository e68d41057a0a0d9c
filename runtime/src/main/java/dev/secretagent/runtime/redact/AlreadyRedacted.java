package dev.secretagent.runtime.redact;

/**
 * The one byte array a framework hook has just redacted, on this thread, for the write it is about to make.
 *
 * <p>Why: a Logback console appender's line is redacted by the encoder hook (counted on its
 * {@code logback:<logger>} channel) and then written to System.out, whose redacting stream would scan it a
 * second time, doubling the agent's cost for the most common set-up (containers logging to the console) and
 * counting it twice. The stream lets exactly that array through unscanned, once: the identity of the array is
 * the proof, so bytes of any other origin (another array, a copy, a piece) are scanned as always.
 */
final class AlreadyRedacted {
    private static final ThreadLocal<Object[]> SLOT = new ThreadLocal<Object[]>() {
        @Override
        protected Object[] initialValue() {
            return new Object[1];
        }
    };

    private AlreadyRedacted() {
    }

    static void mark(byte[] redacted) {
        SLOT.get()[0] = redacted;
    }

    /** True, once, if {@code b} is the array this thread marked last. */
    static boolean take(byte[] b) {
        Object[] slot = SLOT.get();
        if (slot[0] == b) {
            slot[0] = null;
            return true;
        }
        return false;
    }
}
