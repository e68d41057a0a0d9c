package dev.secretagent.runtime.redact;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Every form a secret value takes when code writes it out: raw, base64 (standard and URL alphabet,
 * at each of the three byte alignments a value can have inside a larger blob), URL encoding, JSON,
 * XML/HTML and Java/C string escaping, hex of the UTF-8 bytes (lower and upper case), and each line
 * of a multi-line value. The matcher hides every form; forms shorter than {@code minLength} are
 * dropped (they would mask ordinary text).
 */
public final class Encodings {
    private static final char[] HEX_UPPER = "0123456789ABCDEF".toCharArray();
    private static final char[] HEX_LOWER = "0123456789abcdef".toCharArray();

    private Encodings() {
    }

    /** The distinct forms of {@code value}, raw first; empty when the value itself is shorter than minLength. */
    public static List<String> forms(String value, int minLength) {
        Set<String> out = new LinkedHashSet<String>();
        if (value.length() < minLength) {
            return new ArrayList<String>();
        }
        addAll(out, value, minLength);
        char first = value.charAt(0);
        if (value.length() >= 2 && (first == '"' || first == '\'') && value.charAt(value.length() - 1) == first
                && value.length() - 2 >= minLength) {
            // registered with its quotes ("s3cr3t" from a .env file): the program prints it without them
            addAll(out, value.substring(1, value.length() - 1), minLength);
        }
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            // a PEM key or a certificate is often printed line by line: each long-enough line is a secret too
            for (String line : value.split("\r\n|\r|\n")) {
                String t = line.trim();
                if (t.length() >= minLength) {
                    addAll(out, t, minLength);
                }
            }
        }
        List<String> list = new ArrayList<String>();
        for (String s : out) {
            if (s.length() >= minLength) {
                list.add(s);
            }
        }
        return list;
    }

    private static void addAll(Set<String> out, String v, int minLength) {
        out.add(v);
        byte[] utf8 = v.getBytes(StandardCharsets.UTF_8);
        for (int k = 0; k < 3; k++) {
            base64(out, utf8, k, false);
            base64(out, utf8, k, true);
        }
        out.add(urlEncode(v, false, HEX_UPPER));
        out.add(urlEncode(v, false, HEX_LOWER));
        out.add(urlEncode(v, true, HEX_UPPER));
        out.add(urlEncode(v, true, HEX_LOWER));
        out.add(json(v, false, false, HEX_LOWER));
        out.add(json(v, true, false, HEX_LOWER));
        out.add(json(v, false, true, HEX_LOWER));
        out.add(json(v, false, true, HEX_UPPER));
        out.add(json(v, true, true, HEX_LOWER));
        out.add(xml(v, 0));
        out.add(xml(v, 1));
        out.add(xml(v, 2));
        out.add(xml(v, 3));
        out.add(xml(v, 4));
        out.add(javaEscape(v, false));
        out.add(javaEscape(v, true));
        // hex dumps of the UTF-8 bytes: xxd -p, Go's %x, HexFormat, short-buffer dumps, Postgres bytea (\x...)
        out.add(hex(utf8, HEX_LOWER));
        out.add(hex(utf8, HEX_UPPER));
        if (v.indexOf('\'') >= 0) {
            out.add(v.replace("'", "''")); // SQL, PowerShell and YAML single-quoted strings
        }
        if (v.indexOf('"') >= 0) {
            out.add(v.replace("\"", "\"\"")); // CSV, VB and SQL identifiers
            out.add(xml(v, 5));
        } else if (v.indexOf('\'') >= 0) {
            out.add(xml(v, 5));
        }
    }

    /**
     * The base64 text that is fully determined by the value when it sits at byte offset {@code k} (mod 3)
     * of a larger blob: the characters mixing in unknown neighbour bits are cut off both ends. Also the
     * "ends here" variant (value is the end of the blob, zero bits and '=' padding), which the inner
     * form overlaps so the mask covers the padding too.
     */
    static void base64(Set<String> out, byte[] value, int k, boolean urlSafe) {
        byte[] data = new byte[k + value.length];
        System.arraycopy(value, 0, data, k, value.length);
        Base64.Encoder enc = urlSafe ? Base64.getUrlEncoder() : Base64.getEncoder();
        String noPad = enc.withoutPadding().encodeToString(data);
        String padded = enc.encodeToString(data);
        int lead = k == 0 ? 0 : k == 1 ? 2 : 3;
        int rem = data.length % 3;
        int innerEnd = noPad.length() - (rem == 0 ? 0 : 1);
        if (innerEnd > lead) {
            out.add(noPad.substring(lead, innerEnd));
        }
        if (rem != 0) {
            out.add(padded.substring(lead));
        }
    }

    /** The bytes as hex digits, two per byte, no separator. */
    static String hex(byte[] bytes, char[] digits) {
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = digits[(bytes[i] >> 4) & 15];
            out[2 * i + 1] = digits[bytes[i] & 15];
        }
        return new String(out);
    }

    /** application/x-www-form-urlencoded ({@code formStyle}: '+' for space, '*' kept) or RFC 3986 (%20, '~' kept). */
    static String urlEncode(String v, boolean formStyle, char[] hex) {
        StringBuilder sb = new StringBuilder(v.length() + 16);
        for (byte b : v.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
                    || c == '.' || (formStyle ? c == '*' : c == '~')) {
                sb.append((char) c);
            } else if (c == ' ' && formStyle) {
                sb.append('+');
            } else {
                sb.append('%').append(hex[c >> 4]).append(hex[c & 15]);
            }
        }
        return sb.toString();
    }

    /** JSON string body. {@code slash}: '/' as "\/"; {@code htmlSafe}: Gson-style \u003c for &lt; &gt; &amp; = ' and non-ASCII. */
    static String json(String v, boolean slash, boolean htmlSafe, char[] hex) {
        StringBuilder sb = new StringBuilder(v.length() + 16);
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (shortEscape(sb, c)) {
                continue;
            }
            if (c == '/') {
                sb.append(slash ? "\\/" : "/");
            } else if (c < 0x20 || (htmlSafe && (c == '<' || c == '>' || c == '&' || c == '=' || c == '\'' || c > 0x7e))) {
                unicodeEscape(sb, c, hex);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * style 0: named entities with &amp;apos;, 1: named with &amp;#39;, 2: decimal numeric, 3: hex numeric,
     * 4: element text, where only &amp; &lt; &gt; are escaped and quotes stay as they are (JUL's XMLFormatter,
     * most serialisers' text nodes), 5: quotes as decimal entities beside named &amp;amp; &amp;lt; &amp;gt;.
     */
    static String xml(String v, int style) {
        StringBuilder sb = new StringBuilder(v.length() + 16);
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            boolean quote = c == '"' || c == '\'';
            if (c == '&' || c == '<' || c == '>' || quote && style != 4) {
                if (style == 2 || style == 5 && quote) {
                    // style 5: quotes numeric, the rest named, as the OWASP Java Encoder and Go's html package write
                    sb.append("&#").append((int) c).append(';');
                } else if (style == 3) {
                    sb.append("&#x").append(Integer.toHexString(c)).append(';');
                } else {
                    switch (c) {
                        case '&': sb.append("&amp;"); break;
                        case '<': sb.append("&lt;"); break;
                        case '>': sb.append("&gt;"); break;
                        case '"': sb.append("&quot;"); break;
                        default: sb.append(style == 0 ? "&apos;" : "&#39;");
                    }
                }
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Java / C string literal body; {@code quoteApostrophe} also escapes '. Non-printables as \\uXXXX. */
    static String javaEscape(String v, boolean quoteApostrophe) {
        StringBuilder sb = new StringBuilder(v.length() + 16);
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (shortEscape(sb, c)) {
                continue;
            }
            if (c == '\'') {
                sb.append(quoteApostrophe ? "\\'" : "'");
            } else if (c < 0x20 || c == 0x7f) {
                unicodeEscape(sb, c, HEX_LOWER);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** The backslash escapes JSON and Java string literals share (quote, backslash, n r t b f): appends one and says so. */
    private static boolean shortEscape(StringBuilder sb, char c) {
        switch (c) {
            case '"': sb.append("\\\""); return true;
            case '\\': sb.append("\\\\"); return true;
            case '\n': sb.append("\\n"); return true;
            case '\r': sb.append("\\r"); return true;
            case '\t': sb.append("\\t"); return true;
            case '\b': sb.append("\\b"); return true;
            case '\f': sb.append("\\f"); return true;
            default: return false;
        }
    }

    private static void unicodeEscape(StringBuilder sb, char c, char[] hex) {
        sb.append("\\u").append(hex[(c >> 12) & 15]).append(hex[(c >> 8) & 15]).append(hex[(c >> 4) & 15])
                .append(hex[c & 15]);
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
