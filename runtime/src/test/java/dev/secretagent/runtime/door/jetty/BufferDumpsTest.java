package dev.secretagent.runtime.door.jetty;

import dev.secretagent.runtime.http.WireRedactorTest;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class BufferDumpsTest {
    private static ByteBuffer buffer(String content, int capacity) {
        ByteBuffer b = ByteBuffer.allocate(capacity);
        b.put(content.getBytes(StandardCharsets.ISO_8859_1));
        b.flip();
        return b;
    }

    private static String all(ByteBuffer b) {
        byte[] x = new byte[b.capacity()];
        ByteBuffer d = b.duplicate();
        d.clear();
        d.get(x);
        return new String(x, StandardCharsets.ISO_8859_1);
    }

    @Test
    void sensitiveValuesAreMaskedWithTheSameLengthAndTheShapeStays() {
        String v = WireRedactorTest.random("ck-");
        String head = "GET /a HTTP/1.1\r\nCookie: sid=" + v + "\r\nX-Request-Id: req-visible\r\n\r\n";
        ByteBuffer b = buffer(head, 256);
        b.position(5);
        ByteBuffer out = BufferDumps.forDetail(b);
        assertThat(out.position()).isEqualTo(5);
        assertThat(out.limit()).isEqualTo(head.length());
        assertThat(out.capacity()).isEqualTo(256);
        String text = all(out);
        assertThat(text).doesNotContain(v).contains("Cookie: [REDACTED:header]").contains("X-Request-Id: req-visible\r\n");
        assertThat(b.position()).isEqualTo(5); // the original is untouched
        assertThat(all(b)).contains(v);
    }

    @Test
    void aLineTheBufferEndsInIsMaskedFromItsValueOn() {
        String v = WireRedactorTest.random("sc-");
        ByteBuffer out = BufferDumps.forDetail(buffer("HTTP/1.1 200 OK\r\nSet-Cookie: session=" + v.substring(0, 10), 64));
        assertThat(all(out)).startsWith("HTTP/1.1 200 OK\r\nSet-Cookie: ").doesNotContain(v.substring(0, 10));
    }

    @Test
    void theRestOfAValueSplitAcrossTwoReadsOfOneConnectionIsMaskedInTheSecond() {
        String v = WireRedactorTest.random("sc-");
        Object endpoint = new Object();
        // reads are remembered once Jetty dumps buffers at all: a client dumps its request before it reads
        BufferDumps.forDetail(buffer("GET /api HTTP/1.1\r\nHost: local\r\n\r\n", 64));
        ByteBuffer net = ByteBuffer.allocate(128);
        net.flip();
        // first read: ends inside the value
        Object prev = BufferDumps.enterFill(endpoint, net);
        net.clear();
        net.put(("HTTP/1.1 200 OK\r\nSet-Cookie: session=" + v.substring(0, 12)).getBytes(StandardCharsets.ISO_8859_1));
        net.flip();
        assertThat(all(BufferDumps.forDetail(net))).doesNotContain(v.substring(0, 12)); // the dump inside fill
        BufferDumps.exitFill(prev);
        net.position(net.limit()); // the parser consumed it all
        // second read into the same buffer: starts with the nameless rest
        prev = BufferDumps.enterFill(endpoint, net);
        net.clear();
        net.put((v.substring(12) + "; Path=/\r\nX-Trace: trace-visible\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        net.flip();
        assertThat(all(BufferDumps.forDetail(net))).doesNotContain(v.substring(12)).contains("X-Trace: trace-visible");
        BufferDumps.exitFill(prev);
        // later dumps of the same content (parser steps) still know where it started
        net.position(7);
        assertThat(all(BufferDumps.forDetail(net))).doesNotContain(v.substring(12)).contains("X-Trace: trace-visible");
        // a new buffer on another connection that starts a line is not masked
        assertThat(all(BufferDumps.forDetail(buffer("X-Other: visible\r\n", 32)))).contains("X-Other: visible");
    }

    /**
     * Jetty over TLS: {@code SslEndPoint.fill(app)} fills the network buffer (ciphertext, a nested fill), unwraps
     * into a decrypted buffer of its own, logs that buffer, then copies into {@code app}. The decrypted buffer of
     * the second read starts with the nameless rest of a value the first read ended in.
     */
    @Test
    void aDecryptedBufferDumpedInsideTheFillContinuesTheConnectionsLine() {
        String v = WireRedactorTest.random("sc-");
        Object ssl = new Object();
        Object socket = new Object();
        ByteBuffer app = ByteBuffer.allocate(128);
        app.flip();
        // the pool hands out the same buffer for reads and for decrypting: it has a (stale) state of its own
        ByteBuffer decrypted = ByteBuffer.allocate(128);
        decrypted.flip();
        Object p0 = BufferDumps.enterFill(socket, decrypted);
        decrypted.clear();
        decrypted.put("X-Old: x\r\n".getBytes(StandardCharsets.ISO_8859_1));
        decrypted.flip();
        BufferDumps.exitFill(p0);
        String first = "HTTP/1.1 200 OK\r\nSet-Cookie: session=" + v.substring(0, 12);
        String second = v.substring(12) + "; Path=/\r\nX-Trace: trace-visible\r\n\r\n";
        for (String part : new String[] {first, second}) {
            Object outer = BufferDumps.enterFill(ssl, app);
            ByteBuffer net = ByteBuffer.allocate(64);
            net.flip();
            Object inner = BufferDumps.enterFill(socket, net);
            net.clear();
            net.put(new byte[] {0x17, 0x03, 0x03, 0x00, 0x26});
            net.flip();
            BufferDumps.exitFill(inner);
            decrypted.clear();
            decrypted.put(part.getBytes(StandardCharsets.ISO_8859_1));
            decrypted.flip();
            String dump = all(BufferDumps.forDetail(decrypted));
            assertThat(dump).doesNotContain(v.substring(0, 12)).doesNotContain(v.substring(12));
            app.clear();
            app.put(part.getBytes(StandardCharsets.ISO_8859_1));
            app.flip();
            BufferDumps.exitFill(outer);
            assertThat(all(BufferDumps.forDetail(app))).doesNotContain(v.substring(0, 12)).doesNotContain(v.substring(12));
            app.position(app.limit());
        }
        assertThat(all(BufferDumps.forDetail(app))).contains("X-Trace: trace-visible");
    }

    @Test
    void aNameSplitAcrossReadsIsJoined() {
        String v = WireRedactorTest.random("sc-");
        Object endpoint = new Object();
        ByteBuffer net = ByteBuffer.allocate(128);
        net.flip();
        Object prev = BufferDumps.enterFill(endpoint, net);
        net.clear();
        net.put("HTTP/1.1 200 OK\r\nSet-Coo".getBytes(StandardCharsets.ISO_8859_1));
        net.flip();
        BufferDumps.exitFill(prev);
        net.position(net.limit());
        prev = BufferDumps.enterFill(endpoint, net);
        net.clear();
        net.put(("kie: session=" + v + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        net.flip();
        BufferDumps.exitFill(prev);
        assertThat(all(BufferDumps.forDetail(net))).doesNotContain(v).startsWith("kie: ");
    }

    @Test
    void staleBytesPastTheLimitAreMaskedAndHexSummariesToo() {
        String v = WireRedactorTest.random("bt-");
        ByteBuffer b = buffer("Authorization: Bearer " + v + "\r\n", 128);
        b.limit(3); // the rest is stale
        assertThat(all(BufferDumps.forDetail(b))).doesNotContain(v).startsWith("Aut");
        b.limit(b.capacity());
        ByteBuffer r = buffer("Authorization: Bearer " + v + "\r\n", 128);
        assertThat(all(BufferDumps.forRemaining(r))).doesNotContain(v).startsWith("Authorization: ");
    }

    @Test
    void headerLogArgumentsAreMaskedAfterASensitiveName() {
        String v = WireRedactorTest.random("sc-");
        Object[] args = {null, "Set-Cookie", "Set-Cookie", "session=" + v};
        Object[] out = HeaderLogArgs.mask(args);
        assertThat(out[3]).isEqualTo("[REDACTED:header:Set-Cookie]");
        assertThat(out[2]).isEqualTo("Set-Cookie");
        assertThat(args[3]).isEqualTo("session=" + v);
        Object[] clean = {null, "X-Trace", "X-Trace", "trace-visible"};
        assertThat(HeaderLogArgs.mask(clean)).isSameAs(clean);
    }
}
