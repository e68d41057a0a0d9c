package dev.secretagent.runtime.door.otel;

import dev.secretagent.runtime.access.SecretNames;
import dev.secretagent.runtime.http.HeaderNames;
import dev.secretagent.runtime.redact.Markers;
import dev.secretagent.runtime.redact.Redaction;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What an OpenTelemetry attribute may carry out of the process, decided by its key and its value, with no
 * OpenTelemetry type in sight (the adapter maps keys to their names and values to Strings and Lists).
 *
 * <ul>
 *   <li>A captured header or gRPC metadata entry whose name is a sensitive header
 *       ({@code http.request.header.authorization}, {@code http.response.header.set-cookie}, the
 *       {@code headers} option): every value masked whole, as {@code [REDACTED:header:<name>]}. A header value
 *       is not text with a secret inside, it IS the credential, known or not.</li>
 *   <li>A key whose own name looks secret by the zero-config name rules (an MDC entry {@code db.password}, a
 *       key-value pair {@code apiToken}): masked whole, as {@code [REDACTED:key:<key>]} (the rule family of the engine's key rules, so dev mode files it as a sensitive key).</li>
 *   <li>A URL ({@code url.full}, {@code url.query}, {@code http.url}, {@code http.target}): the value of each
 *       query parameter whose name looks secret, or is a common signature/credential parameter, is masked.</li>
 *   <li>Every String value, and every String element of an array value: known secrets and detectors, as in
 *       any other output.</li>
 * </ul>
 * Non-string values pass unchanged. Never throws: a failure masks the value.
 */
public final class AttributeRedaction {
    static final String FAILED = Markers.REDACTION_FAILED;
    private static final String[] HEADER_PREFIXES = {"http.request.header.", "http.response.header.",
        "rpc.grpc.request.metadata.", "rpc.grpc.response.metadata.", "rpc.request.metadata.", "rpc.response.metadata."};
    private static final String[] URL_KEYS = {"url.full", "url.query", "http.url", "http.target", "url.original"};
    /** Query parameters that carry a credential though their names do not look secret. */
    private static final String[] QUERY_NAMES = {"sig", "signature", "x-amz-signature", "x-amz-credential",
        "x-goog-signature", "x-goog-credential", "code", "auth", "key"};

    private AttributeRedaction() {
    }

    /** The value to export under {@code key}: the same instance when there is nothing to hide. */
    public static Object value(String key, Object value, String channel) {
        if (value == null || key == null) {
            return value;
        }
        try {
            String rule = wholeValueRule(key);
            if (rule != null) {
                return maskWhole(value, rule, channel);
            }
            boolean url = isUrlKey(key);
            if (value instanceof String) {
                return text((String) value, url, channel);
            }
            if (value instanceof List) {
                List<?> list = (List<?>) value;
                List<Object> out = null;
                for (int i = 0; i < list.size(); i++) {
                    Object e = list.get(i);
                    Object r = e instanceof String ? text((String) e, url, channel) : e;
                    if (r != e && out == null) {
                        out = new ArrayList<Object>(list.subList(0, i));
                    }
                    if (out != null) {
                        out.add(r);
                    }
                }
                return out == null ? value : out;
            }
            return value;
        } catch (Throwable t) {
            return value instanceof List ? java.util.Collections.singletonList(FAILED) : value instanceof String ? FAILED : value;
        }
    }

    /** A text value (a span name, a log body, a status message): known secrets and detectors. */
    public static String text(String text, String channel) {
        return Redaction.redact(text, channel);
    }

    /** The rule id that masks the whole value of {@code key}, or null. */
    static String wholeValueRule(String key) {
        String low = key.toLowerCase(Locale.ROOT);
        for (String p : HEADER_PREFIXES) {
            if (low.startsWith(p)) {
                String header = low.substring(p.length());
                return HeaderNames.isSensitive(header) ? "header:" + header.replace('_', '-') : null;
            }
        }
        if (SecretNames.looksSecret(key)) {
            return "key:" + key;
        }
        return null;
    }

    private static Object maskWhole(Object value, String rule, String channel) {
        String mask = HeaderNames.mask(rule);
        if (value instanceof String) {
            if (((String) value).isEmpty()) {
                return value;
            }
            Redaction.notifyMasked(rule, channel);
            return mask;
        }
        if (value instanceof List) {
            List<?> list = (List<?>) value;
            if (list.isEmpty()) {
                return value;
            }
            List<Object> out = new ArrayList<Object>(list.size());
            for (Object e : list) {
                out.add(e instanceof String ? mask : e);
            }
            Redaction.notifyMasked(rule, channel);
            return out;
        }
        return value; // a number or a boolean is no credential
    }

    private static boolean isUrlKey(String key) {
        for (String k : URL_KEYS) {
            if (k.equals(key)) {
                return true;
            }
        }
        return false;
    }

    private static String text(String s, boolean url, String channel) {
        String q = url ? query(s, channel) : s;
        String r = Redaction.redact(q, channel);
        return r == q ? (q == s ? s : q) : r;
    }

    /** {@code s} with the values of credential query parameters masked; the same instance when none. */
    static String query(String s, String channel) {
        int q = s.indexOf('?');
        int from = q >= 0 ? q + 1 : (s.indexOf("://") < 0 ? 0 : -1);
        if (from < 0) {
            return s;
        }
        int end = s.indexOf('#', from);
        if (end < 0) {
            end = s.length();
        }
        StringBuilder out = null;
        int copied = 0;
        int at = from;
        while (at < end) {
            int amp = s.indexOf('&', at);
            if (amp < 0 || amp > end) {
                amp = end;
            }
            int eq = s.indexOf('=', at);
            if (eq > at && eq < amp) {
                String name = s.substring(at, eq);
                if (amp > eq + 1 && isCredentialParameter(name)) {
                    if (out == null) {
                        out = new StringBuilder(s.length());
                    }
                    String rule = "query:" + name.toLowerCase(Locale.ROOT);
                    out.append(s, copied, eq + 1).append(HeaderNames.mask(rule));
                    copied = amp;
                    Redaction.notifyMasked(rule, channel);
                }
            }
            at = amp + 1;
        }
        if (out == null) {
            return s;
        }
        return out.append(s, copied, s.length()).toString();
    }

    private static boolean isCredentialParameter(String name) {
        String low = name.toLowerCase(Locale.ROOT);
        for (String n : QUERY_NAMES) {
            if (n.equals(low)) {
                return true;
            }
        }
        return SecretNames.looksSecret(name) || HeaderNames.isSensitive(name);
    }
}
