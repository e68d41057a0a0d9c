package dev.secretagent.runtime.redact;

import dev.secretagent.runtime.secret.SecretRegistry;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterTry;
import net.jqwik.api.lifecycle.BeforeTry;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The credential forms that follow no header name, in random surroundings, written in random pieces (no flush):
 * the value never reaches the output, in the byte stream or in the writer, and a whole-text redaction of the same
 * text does not show it either. Values are generated per try.
 */
class EngineFormsProperties {
    /** {v} is the value; every template masks it. */
    private static final String[] FORMS = {
        "DB_PASSWORD := \"{v}\"", "DB_PASSWORD ?= {v}", "API_TOKEN += {v}", "CLIENT_SECRET ::= {v}",
        "var apiToken string = \"{v}\"", "val apiToken: String = \"{v}\"", "api_token: str = \"{v}\"",
        "System.setProperty(\"X_TOKEN\", \"{v}\");", "props.put('db.password', '{v}')",
        "auth=Bearer {v}", "sending Bearer {v} upstream", "jdbc:oracle:thin:scott/{v}@//db:1521/ORCL",
        "jdbc:oracle:thin:scott/{v}@db:1521:ORCL", "Location: /owners/11;jsessionid={v}\r\n",
        "GET /a;token={v} HTTP/1.1", "access_token={v}, client=web", "?sig={v})",
    };
    /**
     * Text before a form. No sensitive name: its value could take in the start of the form ("password = DB_PASSWORD
     * := v", "token :' ok props.put('db.password', 'v')"), and a stream cut inside that value masks and emits it,
     * the form's name or '(' with it, before the rest arrives (a limitation of the hold-back that predates these
     * forms, docs/redaction.md).
     */
    private static final String[] NOISE = {" ", "\n", "INFO ", "x=1 ", ", ", "(", "\"", "'", ":", "=", "/", ";",
        "ok ", "[", "]"};
    /** Text after a form: sensitive names too. */
    private static final String[] AFTER = {" ", "\n", "INFO ", "x=1 ", ", ", "(", "\"", "'", ":", "=", "/", ";",
        "token ", "Bearer ", "password ", "ok ", "[", "]"};

    @BeforeTry
    void setUp() {
        SecretRegistry.reset();
        TestSupport.settings();
    }

    @AfterTry
    void tearDown() {
        SecretRegistry.reset();
    }

    @Provide
    Arbitrary<Integer> form() {
        return Arbitraries.integers().between(0, FORMS.length + 1);
    }

    @Property(tries = 400)
    void noFormLeaksWhereverTheWritesAreCut(@ForAll("form") int f, @ForAll long seed) throws Exception {
        Random rnd = new Random(seed);
        String template;
        String v;
        if (f == FORMS.length) {
            template = "got Basic {v} from the proxy";
            v = Base64.getEncoder().encodeToString(("u" + rnd.nextInt(1000) + ":" + TestSupport.random("", 10))
                    .getBytes(StandardCharsets.UTF_8));
        } else if (f == FORMS.length + 1) {
            template = "{\"auth\": \"Bearer {v}\"}";
            v = hex(rnd, 40);
        } else {
            template = FORMS[f];
            v = TestSupport.random("", 10 + rnd.nextInt(20)) + rnd.nextInt(10);
        }
        StringBuilder sb = new StringBuilder();
        for (int i = rnd.nextInt(4); i > 0; i--) {
            sb.append(NOISE[rnd.nextInt(NOISE.length)]);
        }
        sb.append(rnd.nextBoolean() ? "\n" : " ok ").append(template.replace("{v}", v));
        for (int i = rnd.nextInt(4); i > 0; i--) {
            sb.append(AFTER[rnd.nextInt(AFTER.length)]);
        }
        String text = sb.append('\n').toString();
        assertThat(Redaction.redact(text, "t")).as(text).doesNotContain(v);

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StringWriter chars = new StringWriter();
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        try (OutputStream s = Redaction.redactingStream(bytes, "t"); Writer w = Redaction.redactingWriter(chars, "t")) {
            int at = 0;
            while (at < b.length) {
                int n = Math.min(b.length - at, 1 + rnd.nextInt(rnd.nextBoolean() ? 4 : 24));
                s.write(b, at, n);
                w.write(text, at, n); // ASCII: the same units
                at += n;
            }
        }
        assertThat(new String(bytes.toByteArray(), StandardCharsets.UTF_8)).as(text).doesNotContain(v);
        assertThat(chars.toString()).as(text).doesNotContain(v);
    }

    private static String hex(Random rnd, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append("0123456789abcdef".charAt(i % 4 == 0 ? 1 + rnd.nextInt(9) : rnd.nextInt(16)));
        }
        return sb.toString();
    }
}
