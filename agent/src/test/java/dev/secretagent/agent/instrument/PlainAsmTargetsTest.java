package dev.secretagent.agent.instrument;

import dev.secretagent.agent.instrument.log4j2.Log4j2Instrumentation;
import dev.secretagent.agent.instrument.logback.LogbackInstrumentation;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plain-ASM targets on the real framework classes at both ends of their ranges (Logback 1.2's class files are
 * version 50, 1.5's version 55): each hot class is transformed as the class-load gate does it, then defined and
 * initialised from the framework's own jar in a fresh loader, so the JDK's verifier checks the hooks' frames against
 * javac's; and every door a hook names exists in the runtime with that descriptor.
 */
class PlainAsmTargetsTest {
    @Test
    void logbackHotClassesTakePlainAsmHooksAndVerifyAtBothEnds() throws Exception {
        for (String version : new String[] {"1.2.13", "1.5.38"}) {
            List<Path> jars = Arrays.asList(FrameworkClasses.jarOf("ch.qos.logback:logback-core:" + version),
                    FrameworkClasses.jarOf("ch.qos.logback:logback-classic:" + version));
            for (String name : new String[] {"ch.qos.logback.core.OutputStreamAppender",
                    "ch.qos.logback.classic.spi.LoggingEvent", "ch.qos.logback.classic.spi.ThrowableProxy"}) {
                assertVerifies(new LogbackInstrumentation(), name, jars, version);
            }
        }
    }

    @Test
    void log4j2AppenderTakesItsPlainAsmBodyAndVerifiesAtBothEnds() throws Exception {
        for (String version : new String[] {"2.17.2", "2.25.3"}) {
            assertVerifies(new Log4j2Instrumentation(), "org.apache.logging.log4j.core.appender.AbstractOutputStreamAppender",
                    Collections.singletonList(FrameworkClasses.jarOf("org.apache.logging.log4j:log4j-core:" + version)),
                    version);
        }
    }

    @Test
    void everyDoorAHookNamesExistsWithItsDescriptor() throws Exception {
        for (TargetInstrumentation t : dev.secretagent.agent.targets.Targets.all()) {
            for (TypeInstrumentation type : t.types()) {
                for (MethodHook hook : type.hooks()) {
                    AsmHook asm = hook.asm();
                    if (asm == null || asm.body != null) {
                        continue;
                    }
                    Class<?> door = Class.forName(asm.doorOwner().replace('/', '.'));
                    boolean found = false;
                    for (Method m : door.getMethods()) {
                        if (m.getName().equals(asm.doorMethod()) && Modifier.isStatic(m.getModifiers())
                                && net.bytebuddy.jar.asm.Type.getMethodDescriptor(m).equals(asm.doorDescriptor())) {
                            found = true;
                        }
                    }
                    assertThat(found).as("%s: public static %s.%s%s", t.name(), door.getName(), asm.doorMethod(),
                            asm.doorDescriptor()).isTrue();
                }
            }
        }
    }

    private static void assertVerifies(TargetInstrumentation target, String name, List<Path> jars, String version)
            throws Exception {
        for (TypeInstrumentation type : target.types()) {
            if (type.names().contains(name)) {
                assertThat(type.plainAsm()).as("%s takes plain-ASM hooks only", name).isTrue();
            }
        }
        List<URL> urls = new ArrayList<>();
        for (Path p : jars) {
            urls.add(p.toUri().toURL());
        }
        try (Loader loader = new Loader(urls.toArray(new URL[0]), name)) {
            byte[] original = loader.original();
            byte[] transformed = new FrameworkTransformer(null, Collections.singletonList(target))
                    .transform(null, loader, name, false, original);
            assertThat(transformed).as("%s %s transformed", name, version).isNotNull().isNotEqualTo(original);
            loader.transformed = transformed;
            // defining and initialising links the class: the verifier checks every method
            Class<?> c = Class.forName(name, true, loader);
            assertThat(c.getClassLoader()).isSameAs(loader);
        }
    }

    /** The framework's jars first (the test's class path has other versions), the transformed class from its bytes. */
    private static final class Loader extends URLClassLoader {
        private final String name;
        byte[] transformed;

        Loader(URL[] urls, String name) {
            super(urls, PlainAsmTargetsTest.class.getClassLoader());
            this.name = name;
        }

        byte[] original() throws IOException {
            try (InputStream in = getResourceAsStream(name.replace('.', '/') + ".class")) {
                return in.readAllBytes();
            }
        }

        @Override
        protected Class<?> loadClass(String className, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(className)) {
                Class<?> c = findLoadedClass(className);
                if (c == null && className.equals(name)) {
                    c = defineClass(className, transformed, 0, transformed.length);
                } else if (c == null && findResource(className.replace('.', '/') + ".class") != null) {
                    c = findClass(className);
                }
                return c != null ? c : super.loadClass(className, resolve);
            }
        }
    }
}
