package dev.secretagent.e2e;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

/**
 * An OTLP http/protobuf receiver on 127.0.0.1 inside the test: {@code /v1/logs}, {@code /v1/traces} and
 * {@code /v1/metrics} requests are decoded with the protocol's own classes and kept as text (protobuf's text
 * format: every string field, every attribute key and value), beside the raw bytes received.
 */
final class OtlpReceiver implements AutoCloseable {
    private final HttpServer server;
    private final StringBuffer logs = new StringBuffer();
    private final StringBuffer traces = new StringBuffer();
    private final StringBuffer metrics = new StringBuffer();
    private final ByteArrayOutputStream raw = new ByteArrayOutputStream();
    private volatile String failure;

    OtlpReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try {
                byte[] body = read(exchange.getRequestBody(), "gzip".equalsIgnoreCase(
                        exchange.getRequestHeaders().getFirst("Content-Encoding")));
                synchronized (raw) {
                    raw.write(body);
                }
                String path = exchange.getRequestURI().getPath();
                byte[] answer;
                if (path.endsWith("/v1/logs")) {
                    logs.append(ExportLogsServiceRequest.parseFrom(body)).append('\n');
                    answer = ExportLogsServiceResponse.getDefaultInstance().toByteArray();
                } else if (path.endsWith("/v1/traces")) {
                    traces.append(ExportTraceServiceRequest.parseFrom(body)).append('\n');
                    answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
                } else if (path.endsWith("/v1/metrics")) {
                    metrics.append(ExportMetricsServiceRequest.parseFrom(body)).append('\n');
                    answer = ExportMetricsServiceResponse.getDefaultInstance().toByteArray();
                } else {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
                exchange.sendResponseHeaders(200, answer.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
            } catch (Throwable t) {
                failure = String.valueOf(t); // a payload that does not decode fails the test
                exchange.sendResponseHeaders(400, -1);
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    private static byte[] read(InputStream in, boolean gzip) throws IOException {
        try (InputStream s = gzip ? new GZIPInputStream(in) : in) {
            return s.readAllBytes();
        }
    }

    /** The base URL, e.g. {@code http://127.0.0.1:40123}. */
    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    String logs() {
        return logs.toString();
    }

    String traces() {
        return traces.toString();
    }

    String metrics() {
        return metrics.toString();
    }

    /** Every byte received, as ISO-8859-1 text: a secret in a string field shows as itself. */
    String raw() {
        synchronized (raw) {
            return new String(raw.toByteArray(), StandardCharsets.ISO_8859_1);
        }
    }

    String failure() {
        return failure;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
