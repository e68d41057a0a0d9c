package dev.secretagent.runtime.http;

import dev.secretagent.runtime.Keys;
import dev.secretagent.runtime.Settings;
import dev.secretagent.runtime.redact.Markers;
import dev.secretagent.runtime.redact.Redaction;

/**
 * The door for a client's own text form of a cookie (Apache HttpClient's {@code BasicClientCookie#toString}
 * and the {@code ResponseProcessCookies} debug format): there the value stands behind the cookie's own
 * name ({@code session="v"}, {@code [value: v]}), which no header-name rule of the engine can know, and it
 * is not a known secret. The adapter names the text that opens the value and the text that closes it in
 * that format; the value between them is masked.
 *
 * <p>It errs on the side of masking: the FIRST opening and the LAST closing text are taken, so a name,
 * value, domain or path that happens to contain either widens the mask, never narrows it. A text without
 * the opening (an unknown version's format) is masked whole. Never throws; never returns the raw text on
 * a failure.
 */
public final class CookieDumps {
    /** The rule id in the mask and in the audit trail. */
    static final String ID = "cookie";

    private CookieDumps() {
    }

    /** {@code text} with everything between the first {@code open} and the last following {@code close} masked. */
    public static String maskBetween(String text, String open, String close, String channel) {
        try {
            if (text == null) {
                return null;
            }
            String mask = mask();
            int from = text.indexOf(open);
            if (from < 0) {
                Redaction.notifyMasked(ID, channel);
                return mask; // not the format we know: no way to tell the value from the rest
            }
            from += open.length();
            int to = text.lastIndexOf(close);
            if (to < from) {
                to = text.length(); // no closing text after the value: mask to the end
            }
            if (to == from) {
                return text; // an empty value
            }
            Redaction.notifyMasked(ID, channel);
            return text.substring(0, from) + mask + text.substring(to);
        } catch (Throwable t) {
            return Markers.REDACTION_FAILED;
        }
    }

    /**
     * A cookie as {@code name=value; Attr=v} inside brackets (Jetty's {@code HttpCookie} text,
     * {@code HttpCookie$Immutable@1f[session=v; Path=/; HttpOnly=true]}): the value runs from the first
     * {@code =} after the first {@code [} to the first {@code ;} after it (a cookie name holds no {@code =},
     * a cookie value no {@code ;}), or to the last {@code ]} when there are no attributes. A text without
     * that shape is masked whole.
     */
    public static String maskBracketedPair(String text, String channel) {
        try {
            if (text == null) {
                return null;
            }
            int open = text.indexOf('[');
            int eq = open < 0 ? -1 : text.indexOf('=', open);
            if (eq < 0) {
                Redaction.notifyMasked(ID, channel);
                return mask();
            }
            int from = eq + 1;
            int to = text.indexOf(';', from);
            if (to < 0) {
                to = text.lastIndexOf(']');
            }
            if (to < from) {
                to = text.length();
            }
            if (to == from) {
                return text;
            }
            Redaction.notifyMasked(ID, channel);
            return text.substring(0, from) + mask() + text.substring(to);
        } catch (Throwable t) {
            return Markers.REDACTION_FAILED;
        }
    }

    /** The configured mask ({@code mask} option, default {@code [REDACTED:{id}]}) for the rule id. */
    static String mask() {
        return mask(ID);
    }

    /** The configured mask for the rule id {@code id}. */
    static String mask(String id) {
        Settings s = Settings.current();
        String m = s == null ? null : s.get(Keys.MASK);
        if (m == null || m.isEmpty()) {
            m = Keys.MASK.defaultText;
        }
        return m.replace("{id}", id);
    }
}
