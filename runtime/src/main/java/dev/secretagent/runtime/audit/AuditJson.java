package dev.secretagent.runtime.audit;

import java.util.List;
import java.util.Map;

/**
 * Writes one audit line by hand (the runtime has no JSON library): a flat object whose keys are the
 * dotted ECS names, values strings, numbers, booleans or lists of strings. Every string is escaped
 * per RFC 8259; U+2028/U+2029 and lone surrogates are escaped too, so a line is always one line of
 * valid UTF-8 JSON whatever a class or channel name holds.
 */
public final class AuditJson {

    private AuditJson() {
    }

    public static String line(Map<String, Object> fields) {
        StringBuilder sb = new StringBuilder(256);
        sb.append('{');
        boolean first = true;
        for (Map.Entry<String, Object> e : fields.entrySet()) {
            if (e.getValue() == null) {
                continue;
            }
            if (!first) {
                sb.append(',');
            }
            first = false;
            string(sb, e.getKey());
            sb.append(':');
            value(sb, e.getValue());
        }
        return sb.append('}').toString();
    }

    private static void value(StringBuilder sb, Object v) {
        if (v instanceof Number || v instanceof Boolean) {
            sb.append(v);
        } else if (v instanceof List) {
            sb.append('[');
            boolean first = true;
            for (Object o : (List<?>) v) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                value(sb, o);
            }
            sb.append(']');
        } else {
            string(sb, String.valueOf(v));
        }
    }

    static void string(StringBuilder sb, String s) {
        dev.secretagent.runtime.JsonText.string(sb, s);
    }
}
