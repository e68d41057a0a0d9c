package dev.secretagent.runtime.door.jdk;

import dev.secretagent.runtime.redact.ExitDrain;
import dev.secretagent.runtime.redact.Markers;
import dev.secretagent.runtime.redact.StreamHoldBack;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;

/**
 * The last-line net's state for one open log file or console descriptor: its channel name ({@code file:<path>},
 * {@code fd:1}, {@code fd:2}) and its hold-back (a secret split across two writes is masked whole).
 *
 * <p>It <em>is</em> the stream's lock: the hook swaps it into the stream's own lock field at open
 * ({@code FileOutputStream.closeLock}, {@code RandomAccessFile.closeLock}, {@code FileChannelImpl.positionLock}, each
 * only ever used as a monitor), because those classes are loaded before the agent and can get no new field. So the
 * decision "is this a log" costs every write one field read and one type check, and a data file allocates nothing.
 *
 * <p>The redacted bytes are written through the stream itself; {@link #emitter} tells the hook on that nested call
 * that the bytes are ours and go straight to the file.
 */
final class NetStream implements ExitDrain.Drainable {
    final Object target;
    final String channel;
    /**
     * Descriptor 1 or 2: each write is also a flush. A FileOutputStream has no flush of its own, and what an
     * application writes to its console must appear now (a prompt "Password: " waiting for the answer), so only a
     * known secret's first characters wait for the next write; a name rule's value cut by the end of a write is
     * masked there and its rest swallowed, as on System.out. A log file keeps the full hold-back until the next
     * write, its close, or exit.
     */
    private final boolean console;
    /** The thread writing redacted bytes through {@link #target} right now (under this monitor), else null. */
    Thread emitter;
    private StreamHoldBack held;
    /** For a channel being closed: its descriptor, written to directly (the channel refuses writes by then). */
    private FileDescriptor closingFd;

    NetStream(Object target, String channel) {
        this.target = target;
        this.channel = channel;
        this.console = channel.startsWith("fd:");
    }

    private StreamHoldBack held() {
        if (held == null) {
            held = new StreamHoldBack(new Sink(), channel);
            ExitDrain.register(this);
        }
        return held;
    }

    synchronized void write(byte[] b, int off, int len) throws IOException {
        Thread self = Thread.currentThread();
        emitter = self;
        try {
            StreamHoldBack h = held();
            h.write(b, off, len);
            if (console) {
                h.drain(false);
            }
        } finally {
            emitter = null;
        }
    }

    synchronized void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    /** Writes what remains of {@code src}, redacted; returns how many bytes of it were consumed (all). */
    synchronized int write(ByteBuffer src) throws IOException {
        int n = src.remaining();
        if (src.hasArray()) {
            int at = src.arrayOffset() + src.position();
            write(src.array(), at, n);
        } else {
            byte[] copy = new byte[n];
            src.duplicate().get(copy);
            write(copy, 0, n);
        }
        src.position(src.limit());
        return n;
    }

    /** The stream is being closed (or the JVM exits): what is held is written, redacted. */
    synchronized void drain(FileDescriptor fd) throws IOException {
        if (held == null || held.isEmpty()) {
            return;
        }
        emitter = Thread.currentThread();
        closingFd = fd;
        try {
            held.drain(true);
        } finally {
            closingFd = null;
            emitter = null;
        }
    }

    /** The fail-closed marker, in place of bytes the net could not check. */
    synchronized void writeFailed() throws IOException {
        emitter = Thread.currentThread();
        try {
            byte[] marker = Markers.REDACTION_FAILED.getBytes(StandardCharsets.US_ASCII);
            new Sink().write(marker, 0, marker.length);
        } finally {
            emitter = null;
        }
    }

    @Override
    public void drainAtExit() {
        try {
            drain(null);
        } catch (Throwable t) {
            // closed already, or the disk is full: nothing more to do at exit
        }
    }

    /** The stream underneath, written to by the nested call the hook lets through. */
    private final class Sink extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return;
            }
            if (closingFd != null) {
                new FileOutputStream(closingFd).write(b, off, len); // not closed: the channel owns the descriptor
            } else if (target instanceof FileOutputStream) {
                ((FileOutputStream) target).write(b, off, len);
            } else if (target instanceof RandomAccessFile) {
                ((RandomAccessFile) target).write(b, off, len);
            } else if (target instanceof FileChannel) {
                ByteBuffer bb = ByteBuffer.wrap(b, off, len);
                while (bb.hasRemaining()) {
                    ((FileChannel) target).write(bb);
                }
            }
        }
    }
}
