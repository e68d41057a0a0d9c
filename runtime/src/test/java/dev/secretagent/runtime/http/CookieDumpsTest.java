package dev.secretagent.runtime.http;

import dev.secretagent.runtime.redact.RedactionListener;
import dev.secretagent.runtime.redact.RedactionListeners;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CookieDumpsTest {
    @Test
    void httpClient4ToStringKeepsEverythingButTheValue() {
        String v = WireRedactorTest.random("s-");
        String text = "[version: 0][name: session][value: " + v + "][domain: localhost][path: /][expiry: null]";
        assertThat(CookieDumps.maskBetween(text, "[value: ", "][domain: ", "apachehttp4:cookie"))
                .isEqualTo("[version: 0][name: session][value: [REDACTED:cookie]][domain: localhost][path: /][expiry: null]");
    }

    @Test
    void httpClient5ToStringAndAcceptedFormat() {
        String v = WireRedactorTest.random("s-");
        assertThat(CookieDumps.maskBetween("[name: session; value: " + v + "; domain: localhost; path: /; expiry: null]",
                "; value: ", "; domain: ", "c"))
                .isEqualTo("[name: session; value: [REDACTED:cookie]; domain: localhost; path: /; expiry: null]");
        assertThat(CookieDumps.maskBetween("session=\"" + v + "\", domain:localhost, path:/, expiry:null", "=\"",
                "\", domain:", "c"))
                .isEqualTo("session=\"[REDACTED:cookie]\", domain:localhost, path:/, expiry:null");
    }

    @Test
    void aValueHoldingTheClosingTextIsStillMaskedWhole() {
        String v = "a\", version:1, domain:x" + WireRedactorTest.random("-");
        String r = CookieDumps.maskBetween("session=\"" + v + "\", version:0, domain:localhost", "=\"", "\", version:", "c");
        assertThat(r).isEqualTo("session=\"[REDACTED:cookie]\", version:0, domain:localhost").doesNotContain(v.substring(5));
    }

    @Test
    void anUnknownFormatIsMaskedWholeAndNoCloseMasksToTheEnd() {
        String v = WireRedactorTest.random("s-");
        assertThat(CookieDumps.maskBetween("Cookie{session=" + v + "}", "[value: ", "][domain: ", "c"))
                .isEqualTo("[REDACTED:cookie]");
        assertThat(CookieDumps.maskBetween("[value: " + v, "[value: ", "][domain: ", "c")).isEqualTo("[value: [REDACTED:cookie]");
        assertThat(CookieDumps.maskBetween("[value: ][domain: x]", "[value: ", "][domain: ", "c")).isEqualTo("[value: ][domain: x]");
        assertThat(CookieDumps.maskBetween(null, "a", "b", "c")).isNull();
    }

    @Test
    void listenersHearOfTheMask() {
        List<String> heard = new ArrayList<String>();
        RedactionListener l = (id, channel) -> heard.add(id + "@" + channel);
        RedactionListeners.add(l);
        try {
            CookieDumps.maskBetween("[value: x][domain: y]", "[value: ", "][domain: ", "apachehttp4:cookie");
        } finally {
            RedactionListeners.remove(l);
        }
        assertThat(heard).containsExactly("cookie@apachehttp4:cookie");
    }

    @Test
    void jettyCookieTextKeepsNameAndAttributes() {
        String v = WireRedactorTest.random("s-");
        assertThat(CookieDumps.maskBracketedPair("oejh.HttpCookieStore$Default$StoredHttpCookie@2eda3c7[session=" + v + "; Path=/]", "c"))
                .isEqualTo("oejh.HttpCookieStore$Default$StoredHttpCookie@2eda3c7[session=[REDACTED:cookie]; Path=/]");
        assertThat(CookieDumps.maskBracketedPair("HttpCookie$Immutable@1f[session=" + v + "]", "c"))
                .isEqualTo("HttpCookie$Immutable@1f[session=[REDACTED:cookie]]");
        assertThat(CookieDumps.maskBracketedPair("no shape " + v, "c")).isEqualTo("[REDACTED:cookie]");
    }
}
