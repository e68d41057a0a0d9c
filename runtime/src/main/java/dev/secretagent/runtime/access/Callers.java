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

    /** Sees hidden frames (a lambda's or method reference's class) so that System::getenv in a stream is the app's call. */
    private static final StackWalker DIRECT_WALKER = StackWalker.getInstance(java.util.EnumSet.of(
            StackWalker.Option.RETAIN_CLASS_REFERENCE, StackWalker.Option.SHOW_HIDDEN_FRAMES));

    /**
     * JDK methods that read a property or variable on behalf of their own caller and hand the result back
     * (Integer.getInteger(name), RuntimeMXBean.getSystemProperties()): the read is their caller's.
     */
    private static final java.util.Set<String> PASS_THROUGH = new java.util.HashSet<String>(java.util.Arrays.asList(
            "java.lang.Integer.getInteger", "java.lang.Long.getLong", "java.lang.Boolean.getBoolean",
            "sun.management.RuntimeImpl.getSystemProperties", "java.lang.System.getProperty", "java.lang.System.getenv",
            "java.lang.System.getProperties"));

    /**
     * One walk for a hooked System read. The frame that called the System method directly (looking through
     * frames that only relay a call: reflection and method handles, else Method.invoke would be a way around
     * the policy, and the {@link #PASS_THROUGH} methods) is returned when it is the JDK's own code reading for
     * itself (LogManager reading the properties, the TLS stack reading javax.net.ssl.keyStorePassword).
     * Otherwise the walk goes on as {@link #FIRST_OUTSIDE} does and returns the first frame outside the JDK;
     * hidden frames (a lambda's or method reference's class, which this walker sees) are their definer's and
     * are skipped, as the plain walker never shows them.
     */
    private static final Function<Stream<StackWalker.StackFrame>, StackWalker.StackFrame> SYSTEM_READ_CALLER =
            new Function<Stream<StackWalker.StackFrame>, StackWalker.StackFrame>() {
                @Override
                public StackWalker.StackFrame apply(Stream<StackWalker.StackFrame> frames) {
                    java.util.Iterator<StackWalker.StackFrame> it = frames.iterator();
                    boolean direct = true;
                    while (it.hasNext()) {
                        StackWalker.StackFrame f = it.next();
                        Class<?> c = f.getDeclaringClass();
                        String name = c.getName();
                        if (name.startsWith(RUNTIME)) {
                            continue; // our door itself
                        }
                        boolean hidden = name.indexOf('/') >= 0;
                        ClassLoader l = c.getClassLoader();
                        boolean jdkLoader = l == null || l == PLATFORM;
                        if (direct) {
                            if (PASS_THROUGH.contains(name + "." + f.getMethodName()) || relays(name)) {
                                continue;
                            }
                            direct = false;
                            if (jdkLoader && !isAgent(name) && !hidden) {
                                return f; // the JDK calling System for itself
                            }
                        }
                        if (hidden) {
                            continue;
                        }
                        if (isAgent(name)) {
                            return f;
                        }
                        if (jdkLoader) {
                            continue;
                        }
                        return f;
                    }
                    return null;
                }
            };

    private static boolean relays(String className) {
        return className.startsWith("java.lang.reflect.") || className.startsWith("jdk.internal.reflect.")
                || className.startsWith("java.lang.invoke.") || className.startsWith("sun.invoke.")
                || className.startsWith("java.security.AccessController");
    }

    /**
     * The caller of a hooked java.lang.System read: the JDK class when the JDK calls System directly for
     * itself ({@link CallerIdentity#isJdk()}), else the application's frame as {@link #find()} would name it, in one walk of the stack.
     */
    public static CallerIdentity findForSystemRead() {
        StackWalker.StackFrame f = DIRECT_WALKER.walk(SYSTEM_READ_CALLER);
        if (f != null) {
            Class<?> c = f.getDeclaringClass();
            ClassLoader l = c.getClassLoader();
            if ((l == null || l == PLATFORM) && !isAgent(c.getName())) {
                String module = moduleName(c);
                return new CallerIdentity(c.getName(), f.getMethodName(), f.getLineNumber(), "jrt:/" + module, module);
            }
        }
        return identity(f);
    }

    private Callers() {
    }

    /** The agent's own packages only: an application may well live under dev.secretagent too. */
    static boolean isAgent(String className) {
        return className.startsWith("dev.secretagent.agent.") || className.startsWith("dev.secretagent.shaded.");
    }

    public static CallerIdentity find() {
        return identity(WALKER.walk(FIRST_OUTSIDE));
    }

    /** The identity of an application (or agent) frame; UNKNOWN when every frame was the JDK's. */
    private static CallerIdentity identity(StackWalker.StackFrame f) {
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
