package dev.secretagent.agent.instrument;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gate transforms a watched class with the targets' declarations, leaves every other class alone without
 * preparing anything, and leaves a watched class that arrives while the same thread is already transforming one
 * unchanged (re-entrance), instead of recursing.
 */
class ClassLoadGateTest {
    public static class Watched {
        @Override
        public String toString() {
            return "[name: session; value: v; domain: example.com]";
        }
    }

    public static class AlsoWatched extends Watched {
        @Override
        public String toString() {
            return super.toString();
        }
    }

    private final AtomicInteger declarationsRead = new AtomicInteger();
    private final AtomicReference<byte[]> nested = new AtomicReference<>(new byte[] {1});
    private ClassLoadGate gate;

    @Test
    void anUnwatchedClassIsLeftAloneAndNothingIsPrepared() throws Exception {
        gate = gate();
        assertThat(gate.transform(null, getClass().getClassLoader(), "com/acme/Orders", null, null, new byte[] {1}))
                .isNull();
        assertThat(declarationsRead).hasValue(0);
    }

    @Test
    void aWatchedClassIsTransformedAndOneArrivingDuringItOnTheSameThreadIsLeftUnchanged() throws Exception {
        gate = gate();
        byte[] original = bytes(Watched.class);
        byte[] transformed = gate.transform(null, Watched.class.getClassLoader(), internal(Watched.class), null, null,
                original);
        assertThat(transformed).isNotNull().isNotEqualTo(original);
        assertThat(declarationsRead).hasValue(1);
        // the nested call was made while the declarations were read, inside the first transformation; alone, the
        // same class is transformed
        assertThat(nested.get()).isNull();
        assertThat(gate.transform(null, AlsoWatched.class.getClassLoader(), internal(AlsoWatched.class), null, null,
                bytes(AlsoWatched.class))).isNotNull();
    }

    @Test
    void aClassDeclaredByPrefixOnlyIsTransformed() throws Exception {
        // Jetty's end points are declared by a prefix and no exact name
        final TypeInstrumentation byPrefix = new TypeInstrumentation(Collections.<String>emptyList(),
                Collections.singletonList(Watched.class.getName())) {
            @Override
            protected void transform(TypeTransformer t) {
                t.advice(named("toString"), CookieValueAdvice.class,
                        CookieValueAdvice.between("; value: ", "; domain: ", "t:cookie"));
            }
        };
        FrameworkTransformer transformer = new FrameworkTransformer(null,
                Collections.<TargetInstrumentation>singletonList(TestTarget.of(byPrefix)));
        assertThat(transformer.transform(null, Watched.class.getClassLoader(), Watched.class.getName(), false,
                bytes(Watched.class))).isNotNull();
    }

    private ClassLoadGate gate() {
        TargetInstrumentation target = TestTarget.of(new TypeInstrumentation(Watched.class.getName()) {
            @Override
            protected void transform(TypeTransformer t) {
                declarationsRead.incrementAndGet();
                try {
                    nested.set(gate.transform(null, AlsoWatched.class.getClassLoader(),
                            internal(AlsoWatched.class), null, null, bytes(AlsoWatched.class)));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                t.advice(named("toString"), CookieValueAdvice.class,
                        CookieValueAdvice.between("; value: ", "; domain: ", "t:cookie"));
            }
        }, CookieValueAdvice.cookieText(AlsoWatched.class.getName(), "toString", 0,
                CookieValueAdvice.between("; value: ", "; domain: ", "t:cookie")));
        List<TargetInstrumentation> targets = Collections.singletonList(target);
        return new ClassLoadGate(new WatchedNames(Arrays.asList(Watched.class.getName(), AlsoWatched.class.getName())),
                new Preparation(null, targets));
    }

    private static String internal(Class<?> type) {
        return type.getName().replace('.', '/');
    }

    private static byte[] bytes(Class<?> type) throws Exception {
        try (InputStream in = type.getClassLoader().getResourceAsStream(internal(type) + ".class")) {
            return in.readAllBytes();
        }
    }
}
