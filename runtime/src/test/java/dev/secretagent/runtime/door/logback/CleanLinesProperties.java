package dev.secretagent.runtime.door.logback;

import dev.secretagent.runtime.redact.Redaction;
import dev.secretagent.runtime.secret.Secret;
import dev.secretagent.runtime.secret.SecretRegistry;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterTry;
import net.jqwik.api.lifecycle.BeforeTry;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The clean-line shortcut gives, byte for byte, what the whole line's scan gives: random prefixes and messages made
 * of the pieces that make a match span the cut (a secret's halves, names, separators, schemes, blanks), each line
 * written after a clean line with the same prefix, so that the prefix is kept whenever it is clean and closed.
 */
class CleanLinesProperties {
    private static final String SECRET = "Zq7-kP2vX9mW4rT8yB3n";
    private static final String NL = System.lineSeparator();

    @BeforeTry
    void secrets() {
        SecretRegistry.put(new Secret("APP_PASSWORD", "1", SECRET, "test"));
        SecretRegistry.put(new Secret("PHRASE", "1", "correct horse battery", "test"));
    }

    @AfterTry
    void reset() {
        SecretRegistry.reset();
    }

    @Provide
    Arbitrary<List<String>> pieces() {
        return Arbitraries.of("2026-12-02 07:45:08,123 ", "INFO  ", "[main] ", "demo.Orders ", " ", "=", ": ", "\"",
                "password", "token", "api_key", "Authorization", "Bearer ", "Basic ", "secret", "[", "]", ",", "&",
                "?sig=", "order 42", "x", "ghp_", "AKIA", "eyJ", "correct ", "horse ", "battery", SECRET,
                SECRET.substring(0, 7), SECRET.substring(7), "-----BEGIN ", "user:pw@", "https://", "\t", "ä",
                "passw", "ord=", "Bear", "er ", "api_", "key: ", "tok", "en=")
                .list().ofMinSize(0).ofMaxSize(8);
    }

    /** Texts a match spans when they are cut anywhere: the property cuts one of them between prefix and message. */
    private static final String[] SPANNING = {SECRET, "correct horse battery", "password=hunter2-" + SECRET.substring(3),
        "Authorization: Bearer abcdefghij0123456789", "api_key: 0123456789abcdef0123", "https://user:pw12345678@host/",
        "?sig=abcdef0123456789abcdef", "token=\"q1w2e3r4t5y6u7i8o9\""};

    @Property(tries = 1000)
    void theShortcutGivesTheWholeScansBytes(@ForAll("pieces") List<String> prefix,
                                            @ForAll("pieces") List<String> message,
                                            @ForAll("spanning") int which, @ForAll("cuts") int cut) {
        String spanning = SPANNING[which];
        int at = Math.min(cut, spanning.length());
        String p = String.join("", prefix) + spanning.substring(0, at);
        String m = spanning.substring(at) + String.join("", message);
        write(p, "ok " + p.length()); // a clean line first: its prefix is kept when clean and closed
        byte[] line = (p + m + NL).getBytes(StandardCharsets.UTF_8);
        byte[] whole = Redaction.redactUtf8(line.clone(), 0, line.length, "whole");
        assertThat(new String(write(p, m), StandardCharsets.UTF_8))
                .isEqualTo(new String(whole, StandardCharsets.UTF_8));
    }

    @Provide
    Arbitrary<Integer> spanning() {
        return Arbitraries.integers().between(0, SPANNING.length - 1);
    }

    @Provide
    Arbitrary<Integer> cuts() {
        return Arbitraries.integers().between(0, 45);
    }

    private static byte[] write(String prefix, String message) {
        Object state = LogbackDoor.enterLogbackAppender(new CleanLinesTest.Event(message));
        try {
            return LogbackDoor.logbackBytes((prefix + message + NL).getBytes(StandardCharsets.UTF_8), false);
        } finally {
            LogbackDoor.exitLogbackAppender(state);
        }
    }
}
