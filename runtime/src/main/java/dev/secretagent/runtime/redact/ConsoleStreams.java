package dev.secretagent.runtime.redact;

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
         * Every {@code print} ends here, and an auto-flushing PrintStream flushes after each of them. A flush
         * empties the redactor's hold-back, so a line printed in pieces ({@code printf("%s: %s%n", "Cookie", v)}
         * is four prints: Feign's {@code ErrorLogger}) left "Cookie" out before ": v" arrived, and the value then
         * had no name in front of it. So the flush waits for a line end (println, a "\n" in the text, an explicit
         * {@code flush()}): the redactor still passes every byte it does not hold back to the original stream at
         * once, which flushes on its own; only a tail that is or may become a secret or a sensitive name's value
         * ("Password: " as a prompt) waits for the line's end.
         */
        @Override
        public void write(byte[] buf, int off, int len) {
            synchronized (this) {
                if (out == null) {
                    setError();
                    return;
                }
                try {
                    out.write(buf, off, len);
                    for (int i = off; i < off + len; i++) {
                        if (buf[i] == '\n') {
                            out.flush();
                            break;
                        }
                    }
                } catch (java.io.InterruptedIOException x) {
                    Thread.currentThread().interrupt();
                } catch (java.io.IOException x) {
                    setError();
                }
            }
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
