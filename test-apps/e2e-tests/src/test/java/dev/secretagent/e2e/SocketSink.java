package dev.secretagent.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;

/**
 * A log server as plain as it gets: listens on the loopback address and keeps every byte a socket appender
 * sends, over any number of connections (reconnects included), so the test sees exactly what left the child JVM.
 * Each connection's bytes are kept apart: a serialising appender starts a new object stream on each one.
 */
final class SocketSink implements AutoCloseable {
    private final ServerSocket server;
    /** Every connection's bytes, in the order the connections were accepted. */
    private final List<ByteArrayOutputStream> received = new ArrayList<>();
    private final AtomicInteger opened = new AtomicInteger();
    private final AtomicInteger closed = new AtomicInteger();

    SocketSink() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptAll, "socket-sink-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void acceptAll() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                opened.incrementAndGet();
                ByteArrayOutputStream into = new ByteArrayOutputStream();
                synchronized (received) {
                    received.add(into);
                }
                Thread reader = new Thread(() -> readAll(s, into));
                reader.setDaemon(true);
                reader.start();
            } catch (IOException closedOrFailed) {
                return;
            }
        }
    }

    private void readAll(Socket s, ByteArrayOutputStream into) {
        try (Socket socket = s; InputStream in = socket.getInputStream()) {
            byte[] buf = new byte[8192];
            int n;
            while ((n = in.read(buf)) > 0) {
                synchronized (received) {
                    into.write(buf, 0, n);
                }
            }
        } catch (IOException ended) {
            // the peer went away: what arrived is kept
        } finally {
            closed.incrementAndGet();
        }
    }

    /** All bytes received, connection after connection. */
    byte[] bytes() {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] c : connections()) {
            all.write(c, 0, c.length);
        }
        return all.toByteArray();
    }

    /** Each connection's bytes, in the order the connections were accepted. */
    List<byte[]> connections() {
        synchronized (received) {
            List<byte[]> out = new ArrayList<>();
            for (ByteArrayOutputStream c : received) {
                out.add(c.toByteArray());
            }
            return out;
        }
    }

    /** The bytes as ISO-8859-1: one char per byte, so a search for an ASCII secret is a search of the raw bytes. */
    String bytesAsText() {
        return new String(bytes(), StandardCharsets.ISO_8859_1);
    }

    void awaitText(String marker) {
        await().atMost(60, TimeUnit.SECONDS).until(() -> bytesAsText().contains(marker));
    }

    /** Every connection that was opened has been closed by the peer (its last bytes are in). */
    void awaitAllClosed() {
        await().atMost(60, TimeUnit.SECONDS).until(() -> opened.get() > 0 && closed.get() == opened.get());
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
