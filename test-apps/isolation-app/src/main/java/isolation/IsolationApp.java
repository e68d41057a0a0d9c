package isolation;

import com.fasterxml.jackson.databind.ObjectMapper;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.implementation.FixedValue;
import org.objectweb.asm.ClassReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;

import static net.bytebuddy.matcher.ElementMatchers.named;

/**
 * Uses its own Byte Buddy, ASM, SLF4J/Logback and Jackson and prints what each reports, so a test
 * can check that the application got its own versions and that each works beside the agent.
 */
public class IsolationApp {
    private static final Logger LOG = LoggerFactory.getLogger(IsolationApp.class);

    public static void main(String[] args) throws Exception {
        Class<?> generated = new ByteBuddy().subclass(Object.class)
                .method(named("toString")).intercept(FixedValue.value("made by the app's Byte Buddy"))
                .make().load(IsolationApp.class.getClassLoader()).getLoaded();
        System.out.println("bytebuddy " + version("net.bytebuddy/byte-buddy") + ": "
                + generated.getDeclaredConstructor().newInstance());

        ClassReader reader = new ClassReader(IsolationApp.class.getName());
        System.out.println("asm " + ClassReader.class.getProtectionDomain().getCodeSource().getLocation().getPath()
                .replaceAll(".*/", "") + ": read " + reader.getClassName());

        Map<String, Object> m = new LinkedHashMap<>();
        m.put("user", "alice");
        m.put("password", System.getenv("APP_PASSWORD"));
        String json = new ObjectMapper().writeValueAsString(m);
        System.out.println("jackson " + version("com.fasterxml.jackson.core/jackson-databind") + ": " + json);

        LOG.info("logback {} logging a password {}", version("ch.qos.logback/logback-classic"),
                System.getenv("APP_PASSWORD"));
        System.out.println("done");
    }

    /** The version Maven recorded for an artifact inside this application's jar. */
    private static String version(String groupAndArtifact) throws java.io.IOException {
        java.util.Properties p = new java.util.Properties();
        try (java.io.InputStream in = IsolationApp.class.getResourceAsStream(
                "/META-INF/maven/" + groupAndArtifact + "/pom.properties")) {
            p.load(in);
        }
        return p.getProperty("version");
    }
}
