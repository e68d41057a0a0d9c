package dev.secretagent.agent.instrument;

import net.bytebuddy.ByteBuddy;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one cookie advice, inlined with constants bound per method through Byte Buddy's custom advice mapping:
 * each binding masks the value of its own text shape. The same transformer the installer builds is applied
 * to stand-ins that return each client's cookie text.
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

    private static String instrumented(Class<?> type, AdviceConstants constants) throws Exception {
        MethodHook hook = MethodHook.advice(named("toString"), CookieValueAdvice.class, constants, null);
        Class<?> redefined = hook.transformer()
                .transform(new ByteBuddy().redefine(type), TypeDescription.ForLoadedType.of(type),
                        type.getClassLoader(), null, null)
                .make()
                .load(type.getClassLoader(), ClassLoadingStrategy.Default.CHILD_FIRST)
                .getLoaded();
        // a field of the copy itself: the copy lives in another class loader, where this test's members are not visible
        redefined.getField("value").set(null, VALUE);
        return redefined.getDeclaredConstructor().newInstance().toString();
    }
}
