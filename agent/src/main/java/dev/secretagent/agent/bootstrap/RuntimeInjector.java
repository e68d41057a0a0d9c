package dev.secretagent.agent.bootstrap;

import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.nio.charset.StandardCharsets;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Makes the runtime package (and only it) visible from the bootstrap class loader, where
 * java.lang.System and every other class loader can reach it.
 *
 * <p>We define the runtime classes straight into the bootstrap loader rather than appending the
 * jar to its search path: appending would put Byte Buddy, SnakeYAML and the rest of the agent on
 * the boot path too, and it makes HotSpot switch off class-data sharing for application classes
 * (slower start, and a VM warning on stderr). Appending remains the fallback where direct
 * definition is not available, and for a jar without the bundle (not made by this project's build).
 */
public final class RuntimeInjector {
    private RuntimeInjector() {
    }

    /**
     * Every runtime class in one resource, written by the runtime module's build (runtime/src/build/java/
     * RuntimeClassBundle.java), each supertype and interface before its subtypes. Why one resource: looking up and
     * inflating ~180 entries one by one cost ~30 ms at start, and defining them in name order failed (an exception
     * each) wherever a subtype came first.
     */
    static final String BUNDLE = "META-INF/secret-agent/runtime-classes.bin";
    /**
     * The late part of the runtime: the framework doors and what only they use (the runtime pom lists the packages).
     * A hello world never touches them, so premain does not define them; {@link #defineLatePart} does, before the
     * first framework target is prepared. No start-part class names one (the bundle step fails the build otherwise),
     * and no agent class that names one is loaded before that preparation, so nothing can resolve a late class before
     * it is defined: such a failure would be cached by the JVM for good.
     */
    static final String LATE_BUNDLE = "META-INF/secret-agent/runtime-classes-late.bin";
    /** The bundle's first int (RuntimeClassBundle.MAGIC). */
    static final int MAGIC = 0x5A6E7431;

    /** Where the late part comes from; null until the start part is defined from the bundle, or once it is done. */
    private static Instrumentation lateInst;
    private static java.io.File lateJar;

    /** {@code preloader}: null, or the thread that exports jdk.internal.misc while this one reads the bundle. */
    static void inject(Instrumentation inst, java.io.File agentJar, StartPreloader preloader) throws IOException {
        try (JarFile jar = new JarFile(agentJar)) {
            byte[] bundle = read(jar, BUNDLE);
            boolean exported = preloader != null && preloader.awaitExport() || exportUnsafe(inst);
            if (bundle != null && exported && defineInBootLoader(bundle)) {
                synchronized (RuntimeInjector.class) {
                    lateInst = inst;
                    lateJar = agentJar;
                }
                return;
            }
        }
        inst.appendToBootstrapClassLoaderSearch(new JarFile(agentJar));
    }

    /**
     * Defines the late part of the runtime, once; every later call returns at once. Called before the first framework
     * target is prepared (instrument/Preparation), on whichever thread prepares it. Without a late bundle (a jar not
     * made by this build) or should a define fail, the jar is appended to the bootstrap search path, as {@link #inject}
     * does, so the late classes are found there: the classes already defined stay the ones used.
     */
    public static synchronized void defineLatePart() {
        Instrumentation inst = lateInst;
        java.io.File agentJar = lateJar;
        if (inst == null) {
            return; // not injected from the bundle (the jar was appended: everything is there), or done
        }
        lateInst = null;
        lateJar = null;
        try {
            try (JarFile jar = new JarFile(agentJar)) {
                byte[] bundle = read(jar, LATE_BUNDLE);
                if (bundle != null && defineInBootLoader(bundle)) {
                    return;
                }
            }
            inst.appendToBootstrapClassLoaderSearch(new JarFile(agentJar));
        } catch (Throwable t) {
            System.err.println("[secret-agent] ERROR could not define the framework doors: " + t.getClass().getName());
        }
    }

    private static byte[] read(JarFile jar, String name) throws IOException {
        JarEntry entry = jar.getJarEntry(name);
        if (entry == null) {
            return null;
        }
        try (InputStream in = jar.getInputStream(entry)) {
            long size = entry.getSize(); // known for a deflated entry: read into one array of that size
            return size >= 0 && size < Integer.MAX_VALUE ? in.readNBytes((int) size) : in.readAllBytes();
        }
    }

    /**
     * jdk.internal.misc.Unsafe#defineClass with a null loader ({@link BootDefiner}), reached by exporting the
     * package to us through Instrumentation (not sun.misc.Unsafe, which JDK 24+ warns about on stderr). The bundle's
     * order puts supertypes first, so each define finds what it extends; false (the caller appends the jar) if the
     * bundle is not one we can read or a define fails.
     */
    private static boolean defineInBootLoader(byte[] b) {
        try {
            if (b.length < 8 || readInt(b, 0) != MAGIC) {
                return false;
            }
            int count = readInt(b, 4);
            int at = 8;
            for (int i = 0; i < count; i++) {
                int nameLength = (b[at] & 0xFF) << 8 | (b[at + 1] & 0xFF);
                // class names are ASCII, where writeUTF's modified UTF-8 is the bytes themselves
                String name = new String(b, at + 2, nameLength, StandardCharsets.ISO_8859_1);
                at += 2 + nameLength;
                int length = readInt(b, at);
                at += 4;
                BootDefiner.define(name, b, at, length);
                at += length;
            }
            return at == b.length;
        } catch (Throwable t) {
            return false;
        }
    }

    /** Exports jdk.internal.misc to the agent's module, for {@link BootDefiner}; false if that fails. */
    static boolean exportUnsafe(Instrumentation inst) {
        try {
            Module base = Object.class.getModule();
            java.util.Map<String, java.util.Set<Module>> exports = new java.util.HashMap<String, java.util.Set<Module>>();
            exports.put("jdk.internal.misc", java.util.Collections.singleton(RuntimeInjector.class.getModule()));
            inst.redefineModule(base, java.util.Collections.<Module>emptySet(), exports,
                    java.util.Collections.<String, java.util.Set<Module>>emptyMap(),
                    java.util.Collections.<Class<?>>emptySet(),
                    java.util.Collections.<Class<?>, java.util.List<Class<?>>>emptyMap());
            return true;
        } catch (Throwable t) {
            return false;
        }
    }

    private static int readInt(byte[] b, int at) {
        return (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | (b[at + 3] & 0xFF);
    }
}
