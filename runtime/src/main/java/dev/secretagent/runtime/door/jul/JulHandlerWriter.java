package dev.secretagent.runtime.door.jul;

import dev.secretagent.runtime.redact.Redaction;

import java.io.IOException;
import java.io.Writer;

/**
 * The writer under a java.util.logging StreamHandler. The handler writes each formatted record (and
 * the formatter's head and tail) with one {@code write(String)} call, whatever the Formatter
 * (SimpleFormatter, XMLFormatter, the application's own), so each call is redacted whole, before the
 * OutputStreamWriter's 8 KiB buffer could split it. The channel is the record's logger, set by the
 * publish hook for the current thread.
 */
final class JulHandlerWriter extends Writer {
    private final Writer out;

    JulHandlerWriter(Writer out) {
        super(out);
        this.out = out;
    }

    @Override
    public void write(String str, int off, int len) throws IOException {
        String s = (off == 0 && len == str.length()) ? str : str.substring(off, off + len);
        // marked for the write: a FileHandler flushes each record, so the file's net gets exactly these bytes
        String r = Redaction.redactForWrite(s, JulDoor.currentJulChannel("jul"));
        out.write(r, 0, r.length());
    }

    @Override
    public void write(char[] cbuf, int off, int len) throws IOException {
        String r = Redaction.redact(new String(cbuf, off, len), JulDoor.currentJulChannel("jul"));
        out.write(r, 0, r.length());
    }

    @Override
    public void write(int c) throws IOException {
        out.write(c);
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
