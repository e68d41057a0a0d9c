package demo;

import java.lang.reflect.Method;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads a secret environment variable and a secret system property the indirect ways Java allows —
 * reflection, a method reference in a stream, Integer.getInteger — and lets the JDK read the TLS key
 * store password for itself. Prints, for each way, whether a value came back (never the value).
 */
public class IndirectReads {
    public static void main(String[] args) throws Exception {
        String env = args[0];
        String prop = args[1];
        Method getenv = System.class.getMethod("getenv", String.class);
        report("reflection", (String) getenv.invoke(null, env));
        report("stream", Stream.of(env).map(System::getenv).collect(Collectors.toList()).get(0));
        report("optional", Optional.of(prop).map(System::getProperty).orElse(null));
        report("getInteger", Integer.getInteger(prop) == null ? null : "number");
        javax.net.ssl.SSLContext.getDefault(); // the JDK reads javax.net.ssl.keyStorePassword on its own account
        report("direct", System.getenv(env));
    }

    private static void report(String way, String value) {
        System.out.println(way + "=" + (value == null ? "null" : "present"));
    }
}
