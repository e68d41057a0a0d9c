package dev.secretagent.runtime.redact;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** STUB streaming redactor: buffers to end of line or flush. Replaced by the hold-back redactor (issue 3). */
final class LineBufferedRedactingStream extends FilterOutputStream {
    private final String channel;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    LineBufferedRedactingStream(OutputStream out, String channel) {
        super(out);
        this.channel = channel;
    }

    @Override
    public synchronized void write(int b) throws IOException {
        pending.write(b);
        if (b == '\n') {
            drain();
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        pending.write(b, off, len);
        drain();
    }

    @Override
    public synchronized void flush() throws IOException {
        drain();
        out.flush();
    }

    private void drain() throws IOException {
        if (pending.size() == 0) {
            return;
        }
        String s = new String(pending.toByteArray(), StandardCharsets.UTF_8);
        pending.reset();
        out.write(Redaction.redact(s, channel).getBytes(StandardCharsets.UTF_8));
    }
}
