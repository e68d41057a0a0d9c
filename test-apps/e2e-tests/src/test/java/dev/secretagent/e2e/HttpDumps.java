package dev.secretagent.e2e;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One run of an HTTP client test app: the credentials it sends and receives (random per run, plus a
 * known secret in a secret-looking environment variable), and the checks that none of them appears in
 * any byte the child wrote, in any encoding, hex dumps reassembled.
 */
final class HttpDumps {
    final String bearer = ChildJvm.randomSecret("bt");
    final String proxyAuth = ChildJvm.randomSecret("pa");
    final String cookie = ChildJvm.randomSecret("ck");
    final String setCookie = ChildJvm.randomSecret("sc");
    final String known = ChildJvm.randomSecret("ak");

    String[] args(String... more) {
        List<String> a = new ArrayList<>(List.of(bearer, proxyAuth, cookie, setCookie));
        a.addAll(List.of(more));
        return a.toArray(new String[0]);
    }

    ChildJvm app(String module, String main, String... more) {
        return ChildJvm.app(module, main, args(more)).env("SERVICE_API_KEY", known);
    }

    /**
     * The same over {@code scheme}: {@code https} adds the apps' {@code --tls} switch (their local servers speak
     * TLS with a self-signed certificate made at run time, which the client alone trusts); {@code http} is plain.
     */
    ChildJvm appOver(String scheme, String module, String main, String... more) {
        List<String> a = new ArrayList<>(List.of(more));
        if ("https".equals(scheme)) {
            a.add("--tls");
        } else if (!"http".equals(scheme)) {
            throw new IllegalArgumentException(scheme);
        }
        return app(module, main, a.toArray(new String[0]));
    }

    Map<String, String> values() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("Authorization", bearer);
        m.put("Proxy-Authorization", proxyAuth);
        m.put("Cookie", cookie);
        m.put("Set-Cookie", setCookie);
        m.put("X-Api-Key (known)", known);
        return m;
    }

    /** Every form a value could take in a dump: raw, halves, hex (plain, spaced, upper), Base64, URL-encoded. */
    static List<String> forms(String v) {
        List<String> f = new ArrayList<>();
        f.add(v);
        // a value a wire log split over two records still shows its halves; they are long enough to be telling
        f.add(v.substring(0, v.length() / 2 + 1));
        f.add(v.substring(v.length() / 2 - 1));
        StringBuilder hex = new StringBuilder();
        StringBuilder spaced = new StringBuilder();
        for (byte b : v.getBytes(StandardCharsets.UTF_8)) {
            hex.append(String.format("%02x", b));
            spaced.append(String.format("%02x ", b));
        }
        f.add(hex.toString());
        f.add(hex.toString().toUpperCase());
        f.add(spaced.toString().trim());
        f.add(spaced.toString().trim().toUpperCase());
        f.add(Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8)));
        f.add(java.net.URLEncoder.encode(v, StandardCharsets.UTF_8));
        return f;
    }

    /** Asserts that no value, in any form, is in the text (nor in its hex rows reassembled). */
    void assertClean(String where, String text) {
        String all = text + "\n" + reassembleHexRows(text);
        for (Map.Entry<String, String> e : values().entrySet()) {
            for (String form : forms(e.getValue())) {
                assertThat(all).as(e.getKey() + " value (as " + form + ") in " + where).doesNotContain(form);
            }
        }
    }

    void assertClean(ChildJvm.Result r, Path dir) throws Exception {
        assertClean("stdout", r.stdout());
        assertClean("stderr", r.stderr());
        if (dir != null) {
            for (Map.Entry<Path, byte[]> f : ChildJvm.allFiles(dir).entrySet()) {
                assertClean(f.getKey().toString(), new String(f.getValue(), StandardCharsets.ISO_8859_1));
            }
        }
    }

    /** Any value in any form anywhere (the control run without the agent). */
    boolean anyLeak(String text) {
        String all = text + "\n" + reassembleHexRows(text);
        for (String v : values().values()) {
            if (all.contains(v)) {
                return true;
            }
        }
        return false;
    }

    private static final Pattern HEX_ROW = Pattern.compile("([^\\s\\[]+)\\S* (<<|>>) .{16}  ((?:[0-9a-fA-F]{2} ?){1,16})\\s*$");

    /**
     * Hex-dump rows (Apache async: {@code c-0000000000[ACTIVE][r:r] << HTTP/1.1 200 OK   48 54 54 50 ...}: 16 text chars, then hex) joined back into the byte
     * streams they show, per connection and direction: a value cut across two rows is whole again.
     */
    static String reassembleHexRows(String text) {
        Map<String, ByteArrayOutputStream> streams = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            // the pattern backtracks badly on long lines of long tokens (Jetty's TLS debug lines: ~10 s for 400 KB);
            // a row holds " << " or " >> ", so only such lines are matched
            if (!line.contains(" << ") && !line.contains(" >> ")) {
                continue;
            }
            Matcher m = HEX_ROW.matcher(line);
            if (m.find()) {
                ByteArrayOutputStream s = streams.computeIfAbsent(m.group(1) + m.group(2), k -> new ByteArrayOutputStream());
                for (String h : m.group(3).trim().split(" ")) {
                    s.write(Integer.parseInt(h, 16));
                }
            }
        }
        StringBuilder sb = new StringBuilder();
        for (ByteArrayOutputStream s : streams.values()) {
            sb.append(new String(s.toByteArray(), StandardCharsets.ISO_8859_1)).append('\n');
        }
        return sb.toString();
    }

    /**
     * No piece of any value, in any form: every 10-character window of the value, and the hex (spaced, either
     * case) of every 5-byte window. A value cut across two wire records or two textual dumps shows each half
     * on its own, and a hex dump cut across rows shows each row's part: each still holds such a window.
     */
    void assertNoFragments(String where, String text) {
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        for (Map.Entry<String, String> e : values().entrySet()) {
            String v = e.getValue();
            for (int i = 0; i + 10 <= v.length(); i++) {
                String w = v.substring(i, i + 10);
                assertThat(text).as(e.getKey() + " value piece '" + w + "' in " + where).doesNotContain(w);
            }
            byte[] b = v.getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i + 5 <= b.length; i++) {
                StringBuilder hex = new StringBuilder();
                for (int k = i; k < i + 5; k++) {
                    hex.append(k > i ? " " : "").append(String.format("%02x", b[k]));
                }
                assertThat(lower).as(e.getKey() + " value piece in hex '" + hex + "' in " + where)
                        .doesNotContain(hex.toString());
            }
        }
    }

    private static final Pattern NETTY_EVENT = Pattern.compile("\\[(?:id: 0x)?([0-9a-f]{8})(?:-\\d+)?[,\\]].*\\] (READ|WRITE): .*\\d+B$");
    private static final Pattern NETTY_ROW = Pattern.compile("^\\|[0-9a-f]{8}\\| ((?:[0-9a-f]{2} ){1,16})");

    /**
     * Netty's hex dumps ({@code LoggingHandler}, Reactor Netty {@code wiretap}): a {@code [id, L:.. - R:..] READ: 77B}
     * event line, then rows {@code |00000000| 48 54 54 50 ... |HTTP/1.1 200 OK.|}. The rows' hex (only the hex: a
     * row's text column may be masked further by the logging layer) is joined back per channel and direction,
     * across rows and across events: a value cut across two rows or two reads is whole again.
     */
    static Map<String, String> reassembleNettyHexDumps(String text) {
        Map<String, ByteArrayOutputStream> streams = new LinkedHashMap<>();
        String current = null;
        for (String line : text.split("\n")) {
            Matcher ev = NETTY_EVENT.matcher(line);
            if (ev.find()) {
                current = ev.group(1) + " " + ev.group(2);
                continue;
            }
            Matcher row = NETTY_ROW.matcher(line);
            if (row.find() && current != null) {
                ByteArrayOutputStream s = streams.computeIfAbsent(current, k -> new ByteArrayOutputStream());
                for (String h : row.group(1).trim().split(" ")) {
                    s.write(Integer.parseInt(h, 16));
                }
            } else if (!line.startsWith("+--") && !line.startsWith("         |") && !line.startsWith("         +")) {
                current = null;
            }
        }
        Map<String, String> out = new LinkedHashMap<>();
        streams.forEach((k, v) -> out.put(k, new String(v.toByteArray(), StandardCharsets.ISO_8859_1)));
        return out;
    }

    /** Apache's quoted wire records ({@code << "Set-Cookie: a[\r][\n]"}) joined back per connection and direction. */
    static String reassembleWireRecords(String text) {
        Pattern p = Pattern.compile("(http-outgoing-\\d+) (<<|>>) \"(.*)\"");
        Map<String, StringBuilder> streams = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            Matcher m = p.matcher(line);
            if (m.find()) {
                streams.computeIfAbsent(m.group(1) + m.group(2), k -> new StringBuilder())
                        .append(m.group(3).replace("[\\r]", "\r").replace("[\\n]", "\n"));
            }
        }
        StringBuilder sb = new StringBuilder();
        streams.values().forEach(s -> sb.append(s).append('\n'));
        return sb.toString();
    }
}
