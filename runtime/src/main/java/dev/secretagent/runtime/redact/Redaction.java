package dev.secretagent.runtime.redact;

import dev.secretagent.runtime.Keys;
import dev.secretagent.runtime.Settings;
import dev.secretagent.runtime.secret.SecretRegistry;
import dev.secretagent.runtime.secret.SecretSnapshot;

import java.io.OutputStream;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The one static door every instrumentation adapter calls with text or bytes about to leave the
 * process. The compiled {@link Engine} is rebuilt in the registry's before-publish hook, so the engine
 * for a snapshot exists before any code can read that snapshot's values; and when the installed
 * Settings change (mask, min.length, headers, detectors) on the next call.
 *
 * <p>Never throws, and never lets raw text through on a failure: the result is then a marker.
 */
public final class Redaction {
    private static volatile RedactionListener listener;
    private static volatile Engine engine;
    /** Null until the start sets it; a secret is warned about only once a sink can hear it. */
    private static volatile RedactionWarnings warnings;
    private static final Set<String> WARNED = new HashSet<String>();
    /** Set by a process that scans only bytes (the {@code redact} command): engines build their char matcher lazily. */
    private static volatile boolean charsOnFirstUse;

    static {
        SecretRegistry.addListener(new SecretRegistry.Listener() {
            @Override
            public void beforePublish(SecretSnapshot next) {
                // The registration's own call (the snapshot already published) builds nothing: the first scan, or
                // prepareInBackground, builds that engine. Every later snapshot gets its engine before it is published.
                if (next != SecretRegistry.snapshot() || engine != null) {
                    rebuild(next, Settings.current());
                }
            }
        });
    }

    private Redaction() {
    }

    /** Sets the replaceable listener at the head of {@link RedactionListeners}; null removes it. */
    public static synchronized void setListener(RedactionListener l) {
        RedactionListeners.replaceHead(listener, l);
        listener = l;
    }

    /**
     * For a process that scans bytes only (the {@code redact} command): engines built from now on build their char
     * matcher on the first char scan, not with the byte matcher. Char scans stay correct; only the first one pays.
     */
    public static void buildCharMatcherOnFirstUse() {
        charsOnFirstUse = true;
    }

    /** Sets where the engine's warnings go (the diagnostics channel); null drops them. */
    public static void setWarnings(RedactionWarnings sink) {
        warnings = sink;
    }

    /**
     * Builds the engine for the published snapshot and the installed settings on a short-lived daemon thread, so that
     * the first scan (a hello world's first console line) finds it ready rather than building it on the caller's
     * thread: at start-up that build is ~15-20 ms of CPU that would otherwise sit on the premain thread. A scan that
     * comes first builds it itself or waits for this one, under the same lock: nothing is ever scanned without it.
     * The same thread then compiles the inner detectors' patterns that a stream's first write would compile (also
     * when publishing has built the engine already), and runs the engine's search once over a line (no mask: see
     * {@link #warmConsolePath}).
     */
    public static void prepareInBackground() {
        try {
            Thread t = new Thread(new Runnable() {
                @Override
                public void run() {
                    try {
                        Engine e = engine();
                        e.rules.prepareTails();
                        warmConsolePath(e);
                    } catch (Throwable ignored) {
                        // the first scan builds it, and reports what fails there
                    }
                }
            }, "secret-agent-engine");
            t.setDaemon(true);
            t.start();
        } catch (Throwable ignored) {
            // no thread: the first scan builds the engine
        }
    }

    /**
     * Runs the engine's pure steps of a console write (search, held tail, trigger tail) once over a line and a tail:
     * initialises and links, on the start-up engine thread, what an application's first console line would (the
     * scan's classes and the entries of their constant pools), so that line does not pay it on its own thread (a hello
     * world's first println: ~4 ms of main). Only the finding is run, never a mask: whatever the text holds, nothing
     * is redacted, written or reported.
     */
    private static void warmConsolePath(Engine e) {
        byte[] text = {'s', 't', 'a', 'r', 't', '\n', 's', 't', 'a', 'r', 't'};
        e.find(text, 0, text.length, new Spans(), new RuleScanner.Open());
        e.heldTail(text, 0, text.length, false);
        e.rules.triggerTail(new RuleScanner.Latin1(text), 0, text.length);
    }

    /** The engine for the published snapshot and the installed settings. */
    static Engine engine() {
        Engine e = engine;
        Settings s = Settings.current();
        if (e == null || e.settings != s) {
            e = rebuild(null, s);
        }
        return e;
    }

    private static Engine rebuild(SecretSnapshot snapshot, Settings settings) {
        List<String> warn = new ArrayList<String>();
        RedactionWarnings sink = warnings;
        Engine e;
        synchronized (Redaction.class) {
            Engine cur = engine;
            if (snapshot == null) {
                // a settings change: keep whatever snapshot the registry hook installed last
                snapshot = cur != null ? cur.snapshot : SecretRegistry.snapshot();
            }
            if (cur != null && cur.snapshot == snapshot && cur.settings == settings) {
                return cur;
            }
            e = new Engine(snapshot, settings, charsOnFirstUse);
            engine = e;
            for (String id : e.tooShort) {
                if (sink != null && WARNED.add(id)) {
                    warn.add(id);
                }
            }
        }
        // after the swap: the diagnostics channel redacts its lines with the engine just installed
        for (String id : warn) {
            sink.warn("secret " + id + " is shorter than min.length (" + settings.get(Keys.MIN_LENGTH)
                    + " chars) and is NOT redacted");
        }
        return e;
    }

    /** Returns {@code text} itself when it holds no secret. Never throws: on an internal error returns a marker. */
    public static String redact(String text, String channel) {
        if (text == null) {
            return null;
        }
        try {
            return engine().redact(text, channel);
        } catch (Throwable t) {
            return Markers.REDACTION_FAILED;
        }
    }

    /** Any char sequence; the same instance when it holds no secret. */
    public static CharSequence redact(CharSequence text, String channel) {
        if (text == null || text instanceof String) {
            return redact((String) text, channel);
        }
        try {
            String s = text.toString();
            String r = engine().redact(s, channel);
            return r == s ? text : r;
        } catch (Throwable t) {
            return Markers.REDACTION_FAILED;
        }
    }

    /**
     * Redacts UTF-8 bytes. Returns the same array instance when nothing matched and the range is the whole
     * array; otherwise a new array holding exactly the (redacted) range.
     */
    public static byte[] redactUtf8(byte[] bytes, int off, int len, String channel) {
        if (bytes == null) {
            return null;
        }
        try {
            return engine().redactUtf8(bytes, off, len, channel);
        } catch (Throwable t) {
            return Engine.FAILED_BYTES.clone();
        }
    }

    /** {@link #redactUtf8} of a whole array, the channel named only if a secret is found. Never throws. */
    public static byte[] redactUtf8(byte[] bytes, LazyChannel channel) {
        try {
            return engine().redactUtf8(bytes, 0, bytes.length, channel);
        } catch (Throwable t) {
            return Engine.FAILED_BYTES.clone();
        }
    }

    /** A stream that redacts what passes through, holding back only a tail that could still become a secret. */
    public static OutputStream redactingStream(OutputStream out, String channel) {
        return new RedactingOutputStream(out, channel);
    }

    /** The char variant of {@link #redactingStream}. */
    public static Writer redactingWriter(Writer out, String channel) {
        return new HoldBackWriter(out, channel);
    }

    /**
     * {@link #redactUtf8} for a hook whose caller writes the result, whole, straight on (Logback's
     * {@code writeBytes}): if that write reaches a stream of ours (System.out), it is not scanned again.
     */
    public static byte[] redactUtf8ForWrite(byte[] bytes, LazyChannel channel) {
        return marked(redactUtf8(bytes, channel));
    }

    /**
     * {@link #redactUtf8(byte[], int, int, String)} of a whole array for a hook whose caller writes the result on,
     * possibly through a buffer (Log4j2's manager): the last-line net of a log file lets those bytes pass unscanned.
     */
    public static byte[] redactUtf8ForWrite(byte[] bytes, String channel) {
        return marked(redactUtf8(bytes, 0, bytes.length, channel));
    }

    /**
     * {@link #redact(String, String)} for a hook whose caller writes the result, whole, through a {@code Writer}
     * that encodes it (JUL's {@code StreamHandler}, Log4j 1.2's {@code QuietWriter}): the result's UTF-8 bytes are
     * marked, so a log file's last-line net, or the console's stream, lets them through unscanned when the writer's
     * bytes reach it as they are (a UTF-8 writer flushed after each record: JUL's {@code FileHandler} and
     * {@code ConsoleHandler}, Log4j 1.2's {@code FileAppender} with its default immediate flush). Another charset, or a buffer that cuts a record, only makes the net scan again.
     */
    public static String redactForWrite(String text, String channel) {
        String out = redact(text, channel);
        if (out != null && !out.isEmpty()) {
            marked(out.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return out;
    }

    /**
     * A framework door's outermost appender or handler call ended on this thread. A virtual thread then drops what the
     * hooks marked during the call (see {@code AlreadyRedacted}), so it holds none of the agent's state once it has
     * logged; a platform thread keeps its marks for the buffered flush that may follow.
     */
    public static void appenderCallEnded() {
        try {
            AlreadyRedacted.callEnded();
        } catch (Throwable t) {
            // the marks stay: only memory, until the thread ends
        }
    }

    /** Marks {@code redacted} as the hook's output for the stream or net it is written to next; returns it. */
    private static byte[] marked(byte[] redacted) {
        try {
            AlreadyRedacted.mark(redacted);
        } catch (Throwable t) {
            // not marked: the stream or net scans it again, which is only slower
        }
        return redacted;
    }

    /**
     * Length of the longest tail of UTF-8 {@code b[from, to)} that is the start (a proper prefix) of a known
     * secret's form: what a record-by-record dump must hold until its next record (0 almost always). Never throws.
     */
    public static int pendingSecretStart(byte[] b, int from, int to) {
        try {
            return to > from ? engine().bytes.heldTail(b, from, to) : 0;
        } catch (Throwable t) {
            return 0;
        }
    }

    /**
     * For a mask an adapter's door applied itself, where it found the value by the structure of a format the
     * engine cannot know (a cookie's own text form): the listeners hear of it as of any other redaction.
     */
    public static void notifyMasked(String id, String channel) {
        RedactionListeners.fire(id, channel);
    }
}
