package dev.secretagent.agent.bootstrap;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.util.LinkedHashMap;
import java.util.Map;
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
 * definition is not available.
 */
final class RuntimeInjector {
    private RuntimeInjector() {
    }

    /** The runtime module's list of its classes (written by its build), one entry name a line. */
    static final String INDEX = "META-INF/secret-agent/runtime-classes.txt";

    static void inject(Instrumentation inst, java.io.File agentJar) throws IOException {
        try (JarFile jar = new JarFile(agentJar)) {
            Map<String, byte[]> classes = new LinkedHashMap<String, byte[]>();
            JarEntry index = jar.getJarEntry(INDEX);
            // why a list: walking all entries of the shaded jar (thousands) to find ~120 cost ~10 ms at start;
            // a jar without it (not made by this project's build) gets the fallback below: the jar appended
            String[] names = index == null ? new String[0]
                    : new String(read(jar, index), java.nio.charset.StandardCharsets.UTF_8).split("\n");
            for (String name : names) {
                JarEntry e = name.isEmpty() ? null : jar.getJarEntry(name);
                if (e != null) {
                    classes.put(name.substring(0, name.length() - 6).replace('/', '.'), read(jar, e));
                }
            }
            if (!classes.isEmpty() && defineInBootLoader(inst, classes)) {
                return;
            }
        }
        inst.appendToBootstrapClassLoaderSearch(new JarFile(agentJar));
    }

    /**
     * jdk.internal.misc.Unsafe#defineClass with a null loader ({@link BootDefiner}), reached by exporting the
     * package to us through Instrumentation (not sun.misc.Unsafe, which JDK 24+ warns about on stderr).
     * Supertypes must exist before their subtypes, so classes whose supertype is missing wait for
     * the next round.
     */
    private static boolean defineInBootLoader(Instrumentation inst, Map<String, byte[]> classes) {
        try {
            Module base = Object.class.getModule();
            Map<String, java.util.Set<Module>> exports = new java.util.HashMap<String, java.util.Set<Module>>();
            exports.put("jdk.internal.misc", java.util.Collections.singleton(RuntimeInjector.class.getModule()));
            inst.redefineModule(base, java.util.Collections.<Module>emptySet(), exports,
                    java.util.Collections.<String, java.util.Set<Module>>emptyMap(),
                    java.util.Collections.<Class<?>>emptySet(),
                    java.util.Collections.<Class<?>, java.util.List<Class<?>>>emptyMap());
            Map<String, byte[]> pending = new LinkedHashMap<String, byte[]>(classes);
            while (!pending.isEmpty()) {
                int before = pending.size();
                java.util.Iterator<Map.Entry<String, byte[]>> it = pending.entrySet().iterator();
                while (it.hasNext()) {
                    Map.Entry<String, byte[]> e = it.next();
                    try {
                        BootDefiner.define(e.getKey(), e.getValue());
                        it.remove();
                    } catch (NoClassDefFoundError ex) {
                        // its supertype is not defined yet: next round
                    }
                }
                if (pending.size() == before) {
                    return false;
                }
            }
            return true;
        } catch (Throwable t) {
            return false;
        }
    }

    private static byte[] read(JarFile jar, JarEntry e) throws IOException {
        try (InputStream in = jar.getInputStream(e)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            int n;
            while ((n = in.read(buf)) > 0) {
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        }
    }
}
