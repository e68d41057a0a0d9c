package dev.secretagent.agent.instrument;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.Collections;
import java.util.UUID;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one cookie advice, inlined with constants bound per method through Byte Buddy's custom advice mapping:
 * each binding masks the value of its own text shape. The same transformer the class-load gate uses is applied
 * to the class files of stand-ins that return each client's cookie text.
 */
class CookieValueAdviceTest {
    private static final String VALUE = "v" + UUID.randomUUID().toString().replace("-", "");

    public static class Apache4Cookie {
        public static String value;

        @Override
        public String toString() {
            return "[version: 0][name: session][value: " + value + "][domain: example.com][path: /][expiry: null]";
        }
    }

    public static class Apache5Cookie {
        public static String value;

        @Override
        public String toString() {
            return "[name: session; value: " + value + "; domain: example.com; path: /; expiry: null]";
        }
    }

    public static class JettyCookie {
        public static String value;

        @Override
        public String toString() {
            return "HttpCookie$Immutable@1f[session=" + value + "; Path=/; HttpOnly=true]";
        }
    }

    @Test
    void eachBindingMasksItsOwnShape() throws Exception {
        assertThat(instrumented(Apache4Cookie.class, CookieValueAdvice.between("[value: ", "][domain: ", "t:cookie")))
                .doesNotContain(VALUE).startsWith("[version: 0][name: session][value: ").contains("][domain: example.com]");
        assertThat(instrumented(Apache5Cookie.class, CookieValueAdvice.between("; value: ", "; domain: ", "t:cookie")))
                .doesNotContain(VALUE).startsWith("[name: session; value: ").contains("; domain: example.com");
        assertThat(instrumented(JettyCookie.class, CookieValueAdvice.bracketedPair("t:cookie")))
                .doesNotContain(VALUE).startsWith("HttpCookie$Immutable@1f[session=").endsWith("; Path=/; HttpOnly=true]");
    }

    private static String instrumented(Class<?> type, final AdviceConstants constants) throws Exception {
        final String name = type.getName();
        TargetInstrumentation target = TestTarget.of(CookieValueAdvice.cookieText(name, "toString", 0, constants));
        byte[] original;
        try (InputStream in = type.getClassLoader().getResourceAsStream(name.replace('.', '/') + ".class")) {
            original = in.readAllBytes();
        }
        byte[] bytes = new FrameworkTransformer(null, Collections.singletonList(target))
                .transform(null, type.getClassLoader(), name, false, original);
        assertThat(bytes).as("transformed").isNotNull();
        Class<?> redefined = new ClassLoader(type.getClassLoader()) {
            Class<?> define() {
                return defineClass(name, bytes, 0, bytes.length);
            }
        }.define();
        // a field of the copy itself: the copy lives in another class loader, where this test's members are not visible
        redefined.getField("value").set(null, VALUE);
        return redefined.getDeclaredConstructor().newInstance().toString();
    }
}
