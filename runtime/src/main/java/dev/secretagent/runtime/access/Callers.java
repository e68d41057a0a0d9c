package dev.secretagent.runtime.access;

import java.net.URL;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Finds the caller of a hooked JDK method: the first frame whose class is neither the JDK's (loaded
 * by the bootstrap or platform loader) nor the agent's. Only ever called for secret names.
 */
public final class Callers {
    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
    private static final ClassLoader PLATFORM = ClassLoader.getPlatformClassLoader();
    /** Result of a walk: the caller, or AGENT when the agent itself is the reader. */
    static final CallerIdentity AGENT = new CallerIdentity("dev.secretagent", "agent", -1, "agent", "agent");

    /** Code location and module per class, computed once (ProtectionDomain lookups are not free). */
    private static final ClassValue<String[]> ORIGIN = new ClassValue<String[]>() {
        @Override
        protected String[] computeValue(Class<?> type) {
            return new String[] {location(type), moduleName(type)};
        }
    };

    private static final Function<Stream<StackWalker.StackFrame>, StackWalker.StackFrame> FIRST_OUTSIDE =
            new Function<Stream<StackWalker.StackFrame>, StackWalker.StackFrame>() {
                @Override
                public StackWalker.StackFrame apply(Stream<StackWalker.StackFrame> frames) {
                    java.util.Iterator<StackWalker.StackFrame> it = frames.iterator();
                    while (it.hasNext()) {
                        StackWalker.StackFrame f = it.next();
                        Class<?> c = f.getDeclaringClass();
                        String name = c.getName();
                        if (name.startsWith(RUNTIME)) {
                            continue; // our door itself
                        }
                        if (isAgent(name)) {
                            return f; // the agent (config, stores) reading on its own account
                        }
                        ClassLoader l = c.getClassLoader();
                        if (l == null || l == PLATFORM) {
                            continue; // the JDK: System, ProcessBuilder, reflection, PrintStream ...
                        }
                        return f;
                    }
                    return null;
                }
            };

    private static final String RUNTIME = "dev.secretagent.runtime.";

    private Callers() {
    }

    /** The agent's own packages only: an application may well live under dev.secretagent too. */
    static boolean isAgent(String className) {
        return className.startsWith("dev.secretagent.agent.") || className.startsWith("dev.secretagent.shaded.");
    }

    public static CallerIdentity find() {
        StackWalker.StackFrame f = WALKER.walk(FIRST_OUTSIDE);
        if (f == null) {
            return CallerIdentity.UNKNOWN;
        }
        Class<?> c = f.getDeclaringClass();
        if (isAgent(c.getName())) {
            return AGENT;
        }
        String[] origin = ORIGIN.get(c);
        return new CallerIdentity(c.getName(), f.getMethodName(), f.getLineNumber(), origin[0], origin[1]);
    }

    static String location(Class<?> type) {
        try {
            ProtectionDomain pd = type.getProtectionDomain();
            CodeSource cs = pd == null ? null : pd.getCodeSource();
            URL url = cs == null ? null : cs.getLocation();
            if (url == null) {
                return "unknown";
            }
            if ("file".equals(url.getProtocol())) {
                try {
                    return new java.io.File(url.toURI()).getPath();
                } catch (Exception e) {
                    return url.getPath();
                }
            }
            String s = url.toString();
            // nested jars (Spring Boot: jar:file:/app.jar!/BOOT-INF/lib/x.jar!/) keep their full form
            return s.startsWith("jar:file:") ? s.substring(4) : s;
        } catch (Throwable t) {
            return "unknown";
        }
    }

    static String moduleName(Class<?> type) {
        Module m = type.getModule();
        return m.isNamed() ? m.getName() : "unnamed";
    }

}
