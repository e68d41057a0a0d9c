package dev.secretagent.agent.bootstrap;

import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.commons.ClassRemapper;
import net.bytebuddy.jar.asm.commons.Remapper;
import org.junit.jupiter.api.Test;

import java.io.DataInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The runtime comes in two parts (see {@link RuntimeInjector#LATE_BUNDLE}): the start part defined in premain and the
 * late part (the framework doors) defined when the first framework target is prepared. A start-part class that named
 * a late-part class could resolve it before it is defined, and the JVM would cache that NoClassDefFoundError for
 * good; so no start-part class may name one anywhere ASM sees a type: class entries, descriptors, signatures,
 * annotations. Read from the built bundles, the bytes the agent defines.
 */
class RuntimeBundleSplitTest {
    @Test
    void noStartPartClassNamesALatePartClass() throws Exception {
        Map<String, byte[]> start = read(RuntimeInjector.BUNDLE);
        Map<String, byte[]> late = read(RuntimeInjector.LATE_BUNDLE);
        assertThat(late.keySet()).as("the framework doors are in the late part")
                .contains("dev.secretagent.runtime.door.logback.LogbackDoor", "dev.secretagent.runtime.door.otel.OtelExports")
                .doesNotContainAnyElementsOf(start.keySet());
        assertThat(start).as("what premain needs is in the start part")
                .containsKeys("dev.secretagent.runtime.start.RuntimeStart", "dev.secretagent.runtime.access.SecretAccess",
                        "dev.secretagent.runtime.door.jdk.ConsoleStreams", "dev.secretagent.runtime.redact.Redaction");
        List<String> crossings = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : start.entrySet()) {
            for (String named : namedTypes(e.getValue())) {
                if (late.containsKey(named)) {
                    crossings.add(e.getKey() + " -> " + named);
                }
            }
        }
        assertThat(crossings).isEmpty();
    }

    @Test
    void theTwoPartsHoldEveryRuntimeClassOnceEachAfterItsSupertypes() throws Exception {
        Map<String, byte[]> start = read(RuntimeInjector.BUNDLE);
        Map<String, byte[]> late = read(RuntimeInjector.LATE_BUNDLE);
        Set<String> defined = new HashSet<>(start.keySet());
        for (String name : late.keySet()) {
            Class<?> c = Class.forName(name, false, getClass().getClassLoader());
            List<Class<?>> supertypes = new ArrayList<>(List.of(c.getInterfaces()));
            if (c.getSuperclass() != null) {
                supertypes.add(c.getSuperclass());
            }
            for (Class<?> s : supertypes) {
                if (s.getName().startsWith("dev.secretagent.runtime.")) {
                    assertThat(defined).as(name + " comes after " + s.getName()).contains(s.getName());
                }
            }
            defined.add(name);
        }
        // every class of the runtime module is in one of the two (its classes sit next to Redaction's on the class path)
        Set<String> all = new HashSet<>(start.keySet());
        all.addAll(late.keySet());
        for (String name : all) {
            assertThat(getClass().getClassLoader().getResource(name.replace('.', '/') + ".class")).isNotNull();
        }
        assertThat(all).hasSize(start.size() + late.size()).hasSizeGreaterThan(150);
    }

    /**
     * The agent side of the same rule: an agent class that names a late-part class may only be loaded after
     * {@code Preparation.prepare} has defined the late part. Those are the targets' own classes (declarations, advice,
     * ASM hooks: {@code instrument/<target>/}), which the framework transformer loads after that call, and a shared
     * advice class that only they name (the cookie advice of three HTTP targets); the java.lang hooks
     * ({@code instrument/jdk}), the installer, the gate and everything premain loads name none.
     */
    @Test
    void onlyTheTargetsOwnAgentClassesNameALatePartClass() throws Exception {
        Map<String, byte[]> late = read(RuntimeInjector.LATE_BUNDLE);
        java.nio.file.Path classes = java.nio.file.Paths.get(RuntimeInjector.class.getProtectionDomain().getCodeSource()
                .getLocation().toURI());
        Map<String, Set<String>> namedBy = new LinkedHashMap<>();
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(classes.resolve("dev/secretagent/agent"))) {
            for (java.nio.file.Path f : (Iterable<java.nio.file.Path>) files.filter(x -> x.toString().endsWith(".class"))::iterator) {
                String name = classes.relativize(f).toString().replace(java.io.File.separatorChar, '.').replaceAll("\\.class$", "");
                namedBy.put(name, namedTypes(java.nio.file.Files.readAllBytes(f)));
            }
        }
        List<String> naming = new ArrayList<>();
        List<String> misplaced = new ArrayList<>();
        for (Map.Entry<String, Set<String>> e : namedBy.entrySet()) {
            String late1 = e.getValue().stream().filter(late::containsKey).findFirst().orElse(null);
            if (late1 == null) {
                continue;
            }
            naming.add(e.getKey());
            if (!isTargetsOwn(e.getKey()) && !onlyTargetsName(e.getKey(), namedBy)) {
                misplaced.add(e.getKey() + " -> " + late1);
            }
        }
        assertThat(naming).as("the targets' classes do name the doors (else this test checks nothing)").hasSizeGreaterThan(10);
        assertThat(misplaced).isEmpty();
    }

    /** True when some agent classes name {@code shared}, and all of them are targets' own. */
    private static boolean onlyTargetsName(String shared, Map<String, Set<String>> namedBy) {
        boolean any = false;
        for (Map.Entry<String, Set<String>> e : namedBy.entrySet()) {
            if (!e.getKey().equals(shared) && !e.getKey().startsWith(shared + "$") && e.getValue().contains(shared)) {
                if (!isTargetsOwn(e.getKey())) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }

    /** In a target's own package under instrument (instrument.logback, instrument.otel, ...), not instrument.jdk. */
    private static boolean isTargetsOwn(String className) {
        String prefix = "dev.secretagent.agent.instrument.";
        if (!className.startsWith(prefix)) {
            return false;
        }
        String rest = className.substring(prefix.length());
        int dot = rest.indexOf('.');
        return dot > 0 && !rest.substring(0, dot).equals("jdk");
    }

    /** Every type a class file names (as ASM's remapper is asked for them), binary names. */
    private static Set<String> namedTypes(byte[] classFile) {
        Set<String> named = new HashSet<>();
        Remapper recorder = new Remapper() {
            @Override
            public String map(String internalName) {
                named.add(internalName.replace('/', '.'));
                return internalName;
            }
        };
        // a writer under the remapper, so that it visits method bodies and fields too (an empty visitor would skip them)
        new ClassReader(classFile).accept(new ClassRemapper(new ClassWriter(0), recorder), 0);
        return named;
    }

    private static Map<String, byte[]> read(String resource) throws Exception {
        Map<String, byte[]> classes = new LinkedHashMap<>();
        try (InputStream res = RuntimeInjector.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(res).as("the runtime build writes " + resource).isNotNull();
            DataInputStream in = new DataInputStream(res);
            assertThat(in.readInt()).isEqualTo(RuntimeInjector.MAGIC);
            int count = in.readInt();
            for (int i = 0; i < count; i++) {
                String name = in.readUTF();
                byte[] b = new byte[in.readInt()];
                in.readFully(b);
                assertThat(classes.put(name, b)).as("once: " + name).isNull();
            }
            assertThat(in.read()).as("nothing after the last class").isEqualTo(-1);
        }
        return classes;
    }
}
