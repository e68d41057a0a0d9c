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
final class RuntimeInjector {
    private RuntimeInjector() {
    }

    /**
     * Every runtime class in one resource, written by the runtime module's build (runtime/src/build/java/
     * RuntimeClassBundle.java), each supertype and interface before its subtypes. Why one resource: looking up and
     * inflating ~180 entries one by one cost ~30 ms at start, and defining them in name order failed (an exception
     * each) wherever a subtype came first.
     */
    static final String BUNDLE = "META-INF/secret-agent/runtime-classes.bin";
    /** The bundle's first int (RuntimeClassBundle.MAGIC). */
    static final int MAGIC = 0x5A6E7431;

    static void inject(Instrumentation inst, java.io.File agentJar) throws IOException {
        try (JarFile jar = new JarFile(agentJar)) {
            JarEntry entry = jar.getJarEntry(BUNDLE);
            byte[] bundle = null;
            if (entry != null) {
                try (InputStream in = jar.getInputStream(entry)) {
                    long size = entry.getSize(); // known for a deflated entry: read into one array of that size
                    bundle = size >= 0 && size < Integer.MAX_VALUE ? in.readNBytes((int) size) : in.readAllBytes();
                }
            }
            if (bundle != null && defineInBootLoader(inst, bundle)) {
                return;
            }
        }
        inst.appendToBootstrapClassLoaderSearch(new JarFile(agentJar));
    }

    /**
     * jdk.internal.misc.Unsafe#defineClass with a null loader ({@link BootDefiner}), reached by exporting the
     * package to us through Instrumentation (not sun.misc.Unsafe, which JDK 24+ warns about on stderr). The bundle's
     * order puts supertypes first, so each define finds what it extends; false (the caller appends the jar) if the
     * bundle is not one we can read or a define fails.
     */
    private static boolean defineInBootLoader(Instrumentation inst, byte[] b) {
        try {
            if (b.length < 8 || readInt(b, 0) != MAGIC) {
                return false;
            }
            Module base = Object.class.getModule();
            java.util.Map<String, java.util.Set<Module>> exports = new java.util.HashMap<String, java.util.Set<Module>>();
            exports.put("jdk.internal.misc", java.util.Collections.singleton(RuntimeInjector.class.getModule()));
            inst.redefineModule(base, java.util.Collections.<Module>emptySet(), exports,
                    java.util.Collections.<String, java.util.Set<Module>>emptyMap(),
                    java.util.Collections.<Class<?>>emptySet(),
                    java.util.Collections.<Class<?>, java.util.List<Class<?>>>emptyMap());
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

    private static int readInt(byte[] b, int at) {
        return (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | (b[at + 3] & 0xFF);
    }
}
