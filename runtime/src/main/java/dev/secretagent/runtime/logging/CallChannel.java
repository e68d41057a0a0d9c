package dev.secretagent.runtime.logging;

import dev.secretagent.runtime.redact.Redaction;
import dev.secretagent.runtime.thread.CallState;

/**
 * Per thread, the channel of one framework's appender or handler call in progress, for the text that call writes
 * further down (a JUL handler's writer, a Log4j 1.2 QuietWriter). Calls can nest: {@link #enter} returns what
 * {@link #exit} puts back. Each door holds its own instance, so each framework has its own per-thread state.
 * When the outermost call ends, a virtual thread drops this state and the marks its hooks left (see CallState).
 */
public final class CallChannel {
    /** One thread's call in progress (an instance per thread, reused: nothing is allocated per event). */
    private static final class Call {
        String channel;
    }

    private final CallState<Call> calls = new CallState<Call>() {
        @Override
        protected Call create() {
            return new Call();
        }
    };

    /** Sets this thread's channel; returns the previous one, for {@link #exit}. */
    public String enter(String channel) {
        Call now = calls.get();
        String previous = now.channel;
        now.channel = channel;
        return previous;
    }

    /** Puts back what {@link #enter} returned. */
    public void exit(String previous) {
        calls.get().channel = previous;
        if (previous == null) {
            calls.ended();
            Redaction.appenderCallEnded();
        }
    }

    /** This thread's channel, or null outside a call. */
    public String current() {
        Call now = calls.peek();
        return now == null ? null : now.channel;
    }
}
