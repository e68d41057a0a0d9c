package dev.secretagent.agent.instrument.jdk;

import dev.secretagent.agent.instrument.JdkHomes;
import org.junit.jupiter.api.Test;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

import java.lang.reflect.Constructor;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link CoreJdkTransformer}'s rewrite of the real JDK classes (read from the {@code jrt:} image of JDK 17 and, where
 * installed, JDK 25): every row of {@link JdkHooks} lands in its method, at the place its kind says, on at least one
 * of the two JDKs (a row may exist for one version only: RandomAccessFile's Java {@code writeBytes} is JDK 19+).
 */
class CoreJdkTransformerTest {
    private static final List<JdkHook> ALL = all();

    @Test
    void everyHookLandsWhereItsRowSaysOnJdk17And25() throws Exception {
        Map<JdkHook, Integer> landed = new HashMap<>();
        int jdks = 0;
        for (int feature : new int[] {17, 25}) {
            FileSystem jrt = image(feature);
            if (jrt == null) {
                continue;
            }
            jdks++;
            for (String owner : owners()) {
                byte[] original = Files.readAllBytes(jrt.getPath("/modules/java.base/" + owner + ".class"));
                List<Method> rewritten = parse(CoreJdkTransformer.rewrite(owner, original, ALL));
                for (JdkHook h : ALL) {
                    if (h.owner.equals(owner)) {
                        for (Method m : rewritten) {
                            if (h.matches(m.name, m.desc) && (m.access & Opcodes.ACC_NATIVE) == 0) {
                                assertLanded(feature, h, m);
                                landed.merge(h, 1, Integer::sum);
                            }
                        }
                    }
                }
            }
        }
        assertThat(jdks).as("JDK images read").isPositive();
        for (JdkHook h : ALL) {
            assertThat(landed).as("%s.%s%s lands on a JDK", h.owner, h.method, h.descriptor).containsKey(h);
        }
    }

    @Test
    void aClassItDoesNotKnowIsReturnedUnchanged() throws Exception {
        Constructor<CoreJdkTransformer> c = CoreJdkTransformer.class.getDeclaredConstructor(List.class);
        c.setAccessible(true);
        CoreJdkTransformer transformer = c.newInstance(Collections.<String>emptyList());
        byte[] string = Files.readAllBytes(FileSystems.getFileSystem(URI.create("jrt:/"))
                .getPath("/modules/java.base/java/lang/String.class"));
        assertThat(transformer.transform(null, "java/lang/String", null, null, string)).isNull();
        // a class of the same name outside the bootstrap loader is not the JDK's: left alone too
        byte[] system = Files.readAllBytes(FileSystems.getFileSystem(URI.create("jrt:/"))
                .getPath("/modules/java.base/java/lang/System.class"));
        assertThat(transformer.transform(getClass().getClassLoader(), "java/lang/System", null, null, system)).isNull();
        assertThat(transformer.transform(null, "java/lang/System", null, null, system)).isNotNull();
        // a disabled target's class is not rewritten at all
        CoreJdkTransformer withoutNet = c.newInstance(Collections.singletonList("filenet"));
        byte[] fos = Files.readAllBytes(FileSystems.getFileSystem(URI.create("jrt:/"))
                .getPath("/modules/java.base/java/io/FileOutputStream.class"));
        assertThat(withoutNet.transform(null, "java/io/FileOutputStream", null, null, fos)).isNull();
    }

    /** The door call is the first call of the method (entry kinds) or stands before every return (the others). */
    private static void assertLanded(int feature, JdkHook h, Method m) {
        String where = "JDK " + feature + " " + h.owner + "." + m.name + m.desc;
        String door = h.doorOwner + "." + h.doorMethod + h.doorDescriptor;
        List<Integer> doorCalls = new ArrayList<>();
        List<Integer> returns = new ArrayList<>();
        int firstCall = -1;
        for (int i = 0; i < m.events.size(); i++) {
            String e = m.events.get(i);
            if (e.startsWith("call ")) {
                if (firstCall < 0) {
                    firstCall = i;
                }
                if (e.equals("call static " + door)) {
                    doorCalls.add(i);
                }
            } else if (e.equals("return")) {
                returns.add(i);
            }
        }
        assertThat(doorCalls).as("%s calls %s", where, door).isNotEmpty();
        switch (h.kind) {
            case FILTER_ARGUMENT:
            case ENTRY_THIS:
            case ENTRY_FIELD:
                assertThat(doorCalls.get(0)).as("%s: the door is its first call", where).isEqualTo(firstCall);
                break;
            case FILTER_RETURN:
            case INIT_FIELD:
                assertThat(doorCalls).as("%s: a door call before each return", where).hasSameSizeAs(returns);
                for (int k = 0; k < returns.size(); k++) {
                    assertThat(doorCalls.get(k)).as("%s: door before return %d", where, k).isLessThan(returns.get(k));
                }
                break;
            default:
                throw new AssertionError("a kind this test does not know: " + h.kind);
        }
    }

    /** A method of the rewritten class: its calls ({@code call static owner.name desc}) and returns, in order. */
    private static final class Method {
        final int access;
        final String name;
        final String desc;
        final List<String> events = new ArrayList<>();

        Method(int access, String name, String desc) {
            this.access = access;
            this.name = name;
            this.desc = desc;
        }
    }

    private static List<Method> parse(byte[] bytes) {
        final List<Method> methods = new ArrayList<>();
        new ClassReader(bytes).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String desc, String signature, String[] exceptions) {
                final Method m = new Method(access, name, desc);
                methods.add(m);
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitMethodInsn(int opcode, String owner, String method, String d, boolean itf) {
                        m.events.add("call " + (opcode == Opcodes.INVOKESTATIC ? "static " : "") + owner + "." + method + d);
                    }

                    @Override
                    public void visitInsn(int opcode) {
                        if (opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN) {
                            m.events.add("return");
                        }
                    }
                };
            }
        }, 0);
        return methods;
    }

    private static Set<String> owners() {
        Set<String> owners = new LinkedHashSet<>();
        for (JdkHook h : ALL) {
            owners.add(h.owner);
        }
        return owners;
    }

    private static List<JdkHook> all() {
        List<JdkHook> all = new ArrayList<>(JdkHooks.ALL);
        all.addAll(JdkHooks.NET);
        return all;
    }

    /** The JDK's module image; null when that JDK is not installed here. */
    private static FileSystem image(int feature) throws Exception {
        if (Runtime.version().feature() == feature) {
            return FileSystems.getFileSystem(URI.create("jrt:/"));
        }
        Path home;
        try {
            home = JdkHomes.find(feature);
        } catch (org.opentest4j.TestAbortedException e) {
            return null;
        }
        return FileSystems.newFileSystem(URI.create("jrt:/"), Collections.singletonMap("java.home", home.toString()));
    }
}
