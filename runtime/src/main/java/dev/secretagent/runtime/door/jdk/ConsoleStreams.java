package dev.secretagent.runtime.door.jdk;

import dev.secretagent.runtime.redact.Redaction;

import java.io.PrintStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;

/**
 * System.out and System.err, wrapped so that every byte passes the streaming redactor before it
 * reaches the original stream. Called at start and from the System.setOut/setErr hooks, so a
 * stream the application installs later is wrapped too.
 */
public final class ConsoleStreams {
    private ConsoleStreams() {
    }

    /** Marker type: a stream we already wrapped is never wrapped twice. */
    static final class RedactingPrintStream extends PrintStream {
        final PrintStream original;

        RedactingPrintStream(PrintStream original, String channel, String encoding) throws UnsupportedEncodingException {
            super(Redaction.redactingStream(original, channel), true, encoding);
            this.original = original;
        }

        /**
         * {@code printf}/{@code format} write their result piece by piece (each literal run and each argument is a
         * separate print), and this auto-flushing stream flushes after every piece: {@code printf("%s: %s%n",
         * "Cookie", v)} (Feign's {@code ErrorLogger}) would let "Cookie" out before ": v" arrived, and the value would
         * then reach the redactor with no name in front of it. Formatted whole first, the line is one write. (Separate
         * {@code print} calls keep their flushes: a prompt printed without a newline must appear at once.)
         */
        @Override
        public PrintStream format(String format, Object... args) {
            print(String.format(format, args));
            return this;
        }

        @Override
        public PrintStream format(java.util.Locale l, String format, Object... args) {
            print(String.format(l, format, args));
            return this;
        }
    }

    public static PrintStream wrap(PrintStream stream, String channel) {
        if (stream == null || stream instanceof RedactingPrintStream) {
            return stream;
        }
        try {
            String encoding = System.getProperty(channel + ".encoding");
            if (encoding == null || !Charset.isSupported(encoding)) {
                encoding = Charset.defaultCharset().name();
            }
            return new RedactingPrintStream(stream, channel, encoding);
        } catch (Throwable t) {
            return stream; // fail safe for the app: an unwrapped stream rather than no stream
        }
    }

    /** The stream under our wrapper, for the agent's own diagnostics (which redacts on its own). */
    public static PrintStream unwrap(PrintStream stream) {
        return stream instanceof RedactingPrintStream ? ((RedactingPrintStream) stream).original : stream;
    }
}
