package dev.secretagent.runtime.redact;

import dev.secretagent.runtime.secret.SecretRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static dev.secretagent.runtime.redact.TestSupport.random;
import static dev.secretagent.runtime.redact.TestSupport.settings;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Credentials that follow no header name (bare tokens, URLs, assignments in code): each form is masked exactly (the value and
 * nothing else), in a String, in UTF-8 bytes, and through a stream and a writer split at every position.
 * Values are generated at run time.
 */
class EngineFormsTest {
    private final List<String> heard = new ArrayList<String>();

    @BeforeEach
    void setUp() {
        SecretRegistry.reset();
        settings();
        Redaction.setListener((id, channel) -> heard.add(id));
    }

    @AfterEach
    void tearDown() {
        Redaction.setListener(null);
        SecretRegistry.reset();
        settings();
    }

    /** A value with letters and digits, like a generated password or token. */
    private static String value() {
        return random("", 14) + (char) ('0' + TestSupport.RND.nextInt(10)) + random("", 3);
    }

    private static String hex(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append("0123456789abcdef".charAt(i % 3 == 0 ? 1 + TestSupport.RND.nextInt(9) : TestSupport.RND.nextInt(16)));
        }
        return sb.toString();
    }

    /** {@code template} with {v} masked by {@code id}: the value and nothing else goes, everywhere, split anywhere. */
    private void masks(String template, String value, String id) throws Exception {
        String text = template.replace("{v}", value);
        String expected = template.replace("{v}", "[REDACTED:" + id + "]");
        heard.clear();
        assertThat(Redaction.redact(text, "t")).as(text).isEqualTo(expected);
        assertThat(heard).as(text).containsExactly(id);
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        assertThat(new String(Redaction.redactUtf8(b, 0, b.length, "t"), StandardCharsets.UTF_8)).as(text)
                .isEqualTo(expected);
        for (int k = 1; k < text.length(); k++) {
            assertThat(split(text, k)).as("%s split at %d", text, k).isEqualTo(expected);
            assertThat(splitWriter(text, k)).as("%s split at %d (writer)", text, k).isEqualTo(expected);
        }
        assertThat(TestSupport.stream(text, new int[] {1}, false)).as("%s a byte at a time", text).isEqualTo(expected);
    }

    private void untouched(String text) throws Exception {
        assertThat(Redaction.redact(text, "t")).as(text).isEqualTo(text);
        for (int k = 1; k < text.length(); k++) {
            assertThat(split(text, k)).as("%s split at %d", text, k).isEqualTo(text);
        }
    }

    static String split(String text, int k) throws Exception {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        try (OutputStream s = Redaction.redactingStream(sink, "t")) {
            s.write(b, 0, k);
            s.write(b, k, b.length - k);
        }
        return new String(sink.toByteArray(), StandardCharsets.UTF_8);
    }

    static String splitWriter(String text, int k) throws Exception {
        StringWriter sink = new StringWriter();
        try (Writer w = Redaction.redactingWriter(sink, "t")) {
            w.write(text, 0, k);
            w.write(text, k, text.length() - k);
        }
        return sink.toString();
    }

    // ------------------------------------------------------------ assignments

    @Test
    void colonEqualsMasksTheValueNotTheEquals() throws Exception {
        masks("DB_PASSWORD := \"{v}\"\n", value(), "key:password");
        masks("DB_PASSWORD:={v}\n", value(), "key:password");
        masks("apiToken := \"{v}\" // go\n", value(), "key:token");
    }

    @Test
    void makefileAssignments() throws Exception {
        masks("DB_PASSWORD ?= {v}\n", value(), "key:password");
        masks("API_TOKEN += {v}\n", value(), "key:token");
        masks("CLIENT_SECRET ::= {v}\n", value(), "key:client_secret");
        masks("export DB_PASSWORD?={v}\n", value(), "key:password");
    }

    @Test
    void typedAssignmentsMaskTheValueNotTheType() throws Exception {
        masks("var apiToken string = \"{v}\"\n", value(), "key:token");
        masks("const dbPassword string = \"{v}\"\n", value(), "key:password");
        masks("val apiToken: String = \"{v}\"\n", value(), "key:token");
        masks("api_token: str = \"{v}\"\n", value(), "key:token");
        masks("let api_key: &str = \"{v}\";\n", value(), "key:api_key");
        masks("apiToken: \"{v}\"\n", value(), "key:token");
    }

    @Test
    void callArguments() throws Exception {
        masks("System.setProperty(\"X_TOKEN\", \"{v}\");\n", value(), "key:token");
        masks("props.put(\"db.password\", \"{v}\")\n", value(), "key:password");
        masks("os.environ.setdefault('API_KEY', '{v}')\n", value(), "key:api_key");
        masks("builder.header(\"Authorization\", \"{v}\")\n", value(), "header:Authorization");
    }

    @Test
    void callArgumentsNeedACallAndASensitiveName() throws Exception {
        String v = value();
        untouched("fields=[\"token\", \"" + v + "\"]\n");
        untouched("map.put(\"user\", \"" + v + "\")\n");
        untouched("map.put(\"tokens\" + x, \"" + v + "\")\n");
    }

    // ------------------------------------------------------------ bare auth schemes

    @Test
    void bareBearerAndBasic() throws Exception {
        masks("auth=Bearer {v} for orders\n", value(), "auth:bearer");
        masks("sending Bearer {v}\n", value() + "-" + value(), "auth:bearer");
        String basic = Base64.getEncoder().encodeToString(("svc:" + value()).getBytes(StandardCharsets.UTF_8));
        masks("upstream got Basic {v} (rejected)\n", basic, "auth:basic");
        masks("{\"auth\":\"Bearer {v}\"}\n", hex(40), "auth:bearer");
        // base64 padding before a closing quote is no auth parameter (realm="api"): found by EngineFormsProperties
        masks("{\"auth\":\"Bearer {v}\"}\n", value() + "=", "auth:bearer");
        masks("auth=Bearer {v}\"\n", value() + "=", "auth:bearer");
        masks("{\"auth\":\"Bearer {v}\"}\n", value() + "==", "auth:bearer");
    }

    @Test
    void bareTokenScheme() throws Exception {
        masks("curl sent token {v} to the API\n", hex(40), "auth:token");
        masks("auth=Token {v}\n", value(), "auth:token");
        masks("{\"auth\":\"token {v}\"}\n", value() + value(), "auth:token");
    }

    @Test
    void tokenWordsInProseAreLeftAlone() throws Exception {
        untouched("token expired for user 42; Token refresh scheduled; token abc123 rejected\n");
        untouched("got token ABCDEFGHIJKLMNOPQRSTUVWX and token 1234567890123456789\n");
        // whole text only: a stream that emitted "my-" before "token" arrived masks it (more, never less)
        String glued = "my-token " + hex(40) + " and xtoken " + hex(40) + "\n";
        assertThat(Redaction.redact(glued, "t")).isEqualTo(glued);
        untouched("token v1.2.3-beta4 loaded\n");
    }

    @Test
    void schemeWordsInProseAreLeftAlone() throws Exception {
        untouched("Bearer token expired, Bearer authentication failed\n");
        untouched("WWW-Authenticate: Bearer realm=\"api\", error=\"invalid_token\"\n");
        untouched("Basic authentication is disabled; Basic Zm9vYmFy is not user:pass\n");
        untouched("token refreshed for user 42 after token 123456 was used\n");
        // whole text only: a stream that emitted "My" before "Bearer" arrived masks it (more, never less)
        String glued = "MyBearer " + value() + " is a class\n";
        assertThat(Redaction.redact(glued, "t")).isEqualTo(glued);
    }

    // ------------------------------------------------------------ URLs

    @Test
    void oracleThinAndOciUrls() throws Exception {
        masks("url=jdbc:oracle:thin:scott/{v}@//db.example.com:1521/ORCL\n", value(), "url:oracle");
        masks("jdbc:oracle:thin:scott/{v}@db.example.com:1521:ORCL failed\n", value(), "url:oracle");
        masks("jdbc:oracle:oci:scott/{v}@tnsname\n", value(), "url:oracle");
        masks("jdbc:oracle:thin:scott/\"{v}\"@db:1521:ORCL\n", value() + "@/x", "url:oracle");
        untouched("jdbc:oracle:thin:@//db.example.com:1521/ORCL\n");
    }

    @Test
    void sessionIdsInPathParameters() throws Exception {
        masks("HTTP/1.1 302\r\nLocation: http://localhost:8080/owners/11;jsessionid={v}\r\n", hex(32).toUpperCase(),
                "query:jsessionid");
        masks("\"GET /owners/11;jsessionid={v} HTTP/1.1\" 200\n", hex(32).toUpperCase(), "query:jsessionid");
        // the path goes on after the parameter: the mask ends at its '?' (in a stream cut before the "/owners/",
        // where the path cannot be seen, the mask runs on to the blank: more masked, never less)
        String id = hex(32);
        assertThat(Redaction.redact("GET /owners/11;jsessionid=" + id + "?lang=en HTTP/1.1\n", "t"))
                .isEqualTo("GET /owners/11;jsessionid=[REDACTED:query:jsessionid]?lang=en HTTP/1.1\n");
        masks("GET /a;token={v} HTTP/1.1\n", value(), "key:token");
        String v = value();
        assertThat(Redaction.redact("GET /a;token=" + v + "/b?x=1 HTTP/1.1\n", "t"))
                .isEqualTo("GET /a;token=[REDACTED:key:token]/b?x=1 HTTP/1.1\n");
        masks("GET /files/report.pdf;jsessionid={v} HTTP/1.1\n", hex(32), "query:jsessionid");
        assertThat(Redaction.redact("GET /files/report.pdf;jsessionid=" + id + ";x=1 HTTP/1.1\n", "t"))
                .isEqualTo("GET /files/report.pdf;jsessionid=[REDACTED:query:jsessionid];x=1 HTTP/1.1\n");
    }

    @Test
    void connectionStringPasswordsAreNotCutAtASlash() throws Exception {
        masks("jdbc:sqlserver://db:1433;user=x;password={v};db=y\n", value() + "/" + value(), "key:password");
    }

    // ------------------------------------------------------------ over-masking

    @Test
    void maskEndsWhereTheValueEnds() throws Exception {
        masks("access_token={v}, client=web\n", value(), "query:access_token");
        masks("GET /cb?access_token={v}, client=web\n", value(), "query:access_token");
        masks("(see https://x.example/o?sig={v})\n", value(), "query:sig");
    }
}
