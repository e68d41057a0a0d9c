package dev.secretagent.runtime.door.jdk;

import java.io.FileDescriptor;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * The door of the last-line net: the hooks at the JDK's last Java frames of file and console output
 * ({@code FileOutputStream}, {@code RandomAccessFile}, {@code FileChannelImpl}) call it.
 *
 * <p>At open, {@link #opened} decides once whether the stream is a log file ({@link LogFileNames}) or console
 * descriptor 1 or 2, and if so returns the {@link NetStream} the hook stores in the stream's lock field. A write then
 * asks {@code lock instanceof NetStream}: for a data file that is the whole cost. Every method catches everything
 * but the stream's own {@link IOException}s (a full disk is the caller's to know); an internal error writes the
 * fail-closed marker, never the bytes unchecked.
 */
public final class FileNet {
    /** False in a JVM whose descriptor 1 is a protocol channel (a Surefire fork): then only log files are netted. */
    private static volatile boolean consoleDescriptors = true;

    private FileNet() {
    }

    /** Whether streams of the application's own on descriptors 1 and 2 are netted (default true). */
    public static void consoleDescriptors(boolean on) {
        consoleDescriptors = on;
    }

    /**
     * At the end of a constructor: the lock to keep, a {@link NetStream} when {@code path} names a log file (or, with
     * no path, {@code fd} is {@link FileDescriptor#out} or {@link FileDescriptor#err}), else {@code lock} itself.
     */
    public static Object opened(Object stream, Object lock, String path, FileDescriptor fd) {
        try {
            if (lock instanceof NetStream || stream == null) {
                return lock;
            }
            String channel;
            if (path == null) {
                channel = !consoleDescriptors ? null : fd == FileDescriptor.out ? "fd:1" : fd == FileDescriptor.err ? "fd:2" : null;
            } else {
                channel = LogFileNames.channelFor(path);
            }
            return channel == null ? lock : new NetStream(stream, channel);
        } catch (Throwable t) {
            return lock;
        }
    }

    /** {@code write(b, off, len)}: true when the net wrote the bytes (redacted) and the original must not. */
    public static boolean write(Object lock, byte[] b, int off, int len) throws IOException {
        if (!(lock instanceof NetStream)) {
            return false;
        }
        NetStream s = (NetStream) lock;
        if (s.emitter == Thread.currentThread() || b == null || (off | len | (b.length - off - len)) < 0) {
            return false; // our own redacted bytes, or arguments the original rejects with its own exception
        }
        try {
            s.write(b, off, len);
        } catch (IOException e) {
            throw e;
        } catch (Throwable t) {
            failed(s);
        }
        return true;
    }

    /** {@code write(b)}. */
    public static boolean write(Object lock, byte[] b) throws IOException {
        return lock instanceof NetStream && b != null && write(lock, b, 0, b.length);
    }

    /** {@code RandomAccessFile.writeBytes(String)}: each char's low byte, as the original writes it. */
    @SuppressWarnings("deprecation")
    public static boolean writeLatin1(Object lock, String s) throws IOException {
        if (!(lock instanceof NetStream) || s == null || ((NetStream) lock).emitter == Thread.currentThread()) {
            return false;
        }
        byte[] b = new byte[s.length()];
        s.getBytes(0, b.length, b, 0);
        return write(lock, b, 0, b.length);
    }

    /** {@code write(int)}. */
    public static boolean write(Object lock, int b) throws IOException {
        if (!(lock instanceof NetStream)) {
            return false;
        }
        NetStream s = (NetStream) lock;
        if (s.emitter == Thread.currentThread()) {
            return false;
        }
        try {
            s.write(b);
        } catch (IOException e) {
            throw e;
        } catch (Throwable t) {
            failed(s);
        }
        return true;
    }

    /** A channel's {@code write(src)}: the bytes consumed when the net wrote them, else -1 (the original runs). */
    public static int write(Object lock, ByteBuffer src) throws IOException {
        if (!(lock instanceof NetStream)) {
            return -1;
        }
        NetStream s = (NetStream) lock;
        if (s.emitter == Thread.currentThread() || src == null || !src.hasRemaining()) {
            return -1;
        }
        try {
            return s.write(src);
        } catch (IOException e) {
            throw e;
        } catch (Throwable t) {
            failed(s);
            int n = src.remaining();
            src.position(src.limit());
            return n;
        }
    }

    /** On entry of close: what the stream holds back is written, redacted. */
    public static void closing(Object lock) {
        closing(lock, null);
    }

    /** On entry of a channel's close: as {@link #closing(Object)}, written to {@code fd} (the channel is closed already). */
    public static void closing(Object lock, FileDescriptor fd) {
        if (lock instanceof NetStream) {
            try {
                ((NetStream) lock).drain(fd);
            } catch (Throwable t) {
                // the stream is going away; what could not be written is not written raw either
            }
        }
    }

    private static void failed(NetStream s) throws IOException {
        s.writeFailed();
    }
}
