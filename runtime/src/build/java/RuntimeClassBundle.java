import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Build step of the runtime module (run by its pom with the JDK's source launcher): writes every runtime class into
 * one resource, {@code META-INF/secret-agent/runtime-classes.bin}, each supertype and interface before the classes
 * that extend or implement it. The agent defines them into the bootstrap loader at start in that order: one stream
 * read, no per-entry jar lookup or inflate, and no define that fails because a supertype is not there yet.
 *
 * <p>Format (DataOutputStream): int magic {@code 0x5A6E7431}, int count, then per class its binary name
 * (writeUTF, dots), int length, the class file bytes.
 *
 * <p>Usage: {@code java RuntimeClassBundle.java <classes dir> <package dir, e.g. dev/secretagent/runtime> <out file>}
 */
public final class RuntimeClassBundle {
    static final int MAGIC = 0x5A6E7431;

    public static void main(String[] args) throws IOException {
        Path root = Paths.get(args[0]);
        Path pkg = root.resolve(args[1]);
        Map<String, byte[]> classes = new TreeMap<>(); // sorted by name: the same bundle for the same classes
        try (Stream<Path> files = Files.walk(pkg)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).collect(Collectors.toList())) {
                String rel = root.relativize(f).toString().replace('\\', '/');
                classes.put(rel.substring(0, rel.length() - ".class".length()), Files.readAllBytes(f));
            }
        }
        Set<String> ordered = new LinkedHashSet<>();
        for (String name : classes.keySet()) {
            place(name, classes, ordered, new LinkedHashSet<>());
        }
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(buf);
        out.writeInt(MAGIC);
        out.writeInt(ordered.size());
        for (String name : ordered) {
            byte[] b = classes.get(name);
            out.writeUTF(name.replace('/', '.'));
            out.writeInt(b.length);
            out.write(b);
        }
        out.flush();
        Path target = Paths.get(args[2]);
        Files.createDirectories(target.getParent());
        try (OutputStream o = Files.newOutputStream(target)) {
            buf.writeTo(o);
        }
        System.out.println("[runtime-class-bundle] " + ordered.size() + " classes, supertypes first: " + target);
    }

    /** Adds name after its supertypes among the bundle's classes (depth first). */
    private static void place(String name, Map<String, byte[]> classes, Set<String> ordered, Set<String> visiting)
            throws IOException {
        if (ordered.contains(name) || !classes.containsKey(name)) {
            return; // placed already, or a JDK type
        }
        if (!visiting.add(name)) {
            throw new IllegalStateException("cyclic supertypes at " + name);
        }
        for (String s : supertypes(classes.get(name))) {
            place(s, classes, ordered, visiting);
        }
        ordered.add(name);
    }

    /** The internal names of the superclass and the interfaces, read from the class file's constant pool. */
    static List<String> supertypes(byte[] b) throws IOException {
        DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(b));
        in.readInt(); // magic
        in.readUnsignedShort(); // minor
        in.readUnsignedShort(); // major
        int n = in.readUnsignedShort();
        String[] utf = new String[n];
        int[] classIndex = new int[n];
        for (int i = 1; i < n; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1: utf[i] = in.readUTF(); break;
                case 7: classIndex[i] = in.readUnsignedShort(); break;
                case 8: case 16: case 19: case 20: in.readUnsignedShort(); break;
                case 15: in.readUnsignedByte(); in.readUnsignedShort(); break;
                case 3: case 4: case 9: case 10: case 11: case 12: case 17: case 18: in.readInt(); break;
                case 5: case 6: in.readLong(); i++; break;
                default: throw new IOException("constant pool tag " + tag);
            }
        }
        in.readUnsignedShort(); // access
        in.readUnsignedShort(); // this
        List<String> out = new ArrayList<>();
        int sup = in.readUnsignedShort();
        if (sup != 0) {
            out.add(utf[classIndex[sup]]);
        }
        int interfaces = in.readUnsignedShort();
        for (int k = 0; k < interfaces; k++) {
            out.add(utf[classIndex[in.readUnsignedShort()]]);
        }
        return out;
    }
}
