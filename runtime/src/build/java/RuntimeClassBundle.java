import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashSet;
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
 * <p>Two parts (issue 17: hello world defined ~190 classes it mostly never used). The start part, {@code <out file>},
 * is defined in premain; the late part, {@code <late out file>} (the classes of the packages named in
 * {@code <late packages>}), only when the first framework target is prepared ({@code RuntimeInjector.defineLatePart}).
 * A class of the start part may therefore never name a class of the late part: should it resolve one before the late
 * part is defined, the JVM would cache the failure (a NoClassDefFoundError for good). This step checks it on every
 * build, from each start class's constant pool (class entries and the descriptors that name a class), and fails the
 * build on a reference; {@code RuntimeBundleSplitTest} checks the built bundles the same way.
 *
 * <p>Usage: {@code java RuntimeClassBundle.java <classes dir> <package dir, e.g. dev/secretagent/runtime> <out file>
 * [<late packages, e.g. door/otel,http> <late out file>]}
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
        List<String> start = new ArrayList<>();
        List<String> late = new ArrayList<>();
        Set<String> latePackages = new HashSet<>();
        if (args.length > 4) {
            for (String p : args[3].split(",")) {
                latePackages.add(args[1] + "/" + p.trim());
            }
        }
        for (String name : ordered) {
            (latePackages.contains(name.substring(0, name.lastIndexOf('/'))) ? late : start).add(name);
        }
        Set<String> lateSet = new HashSet<>(late);
        List<String> crossings = new ArrayList<>();
        for (String name : start) {
            for (String r : references(classes.get(name))) {
                if (lateSet.contains(r)) {
                    crossings.add(name + " -> " + r);
                }
            }
        }
        if (!crossings.isEmpty()) {
            throw new IllegalStateException("start-part classes name late-part classes (move the package out of the "
                    + "late list, or the reference out of the start part): " + crossings);
        }
        write(start, classes, Paths.get(args[2]));
        if (args.length > 4) {
            write(late, classes, Paths.get(args[4]));
        }
    }

    private static void write(List<String> names, Map<String, byte[]> classes, Path target) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(buf);
        out.writeInt(MAGIC);
        out.writeInt(names.size());
        for (String name : names) {
            byte[] b = classes.get(name);
            out.writeUTF(name.replace('/', '.'));
            out.writeInt(b.length);
            out.write(b);
        }
        out.flush();
        Files.createDirectories(target.getParent());
        try (OutputStream o = Files.newOutputStream(target)) {
            buf.writeTo(o);
        }
        System.out.println("[runtime-class-bundle] " + names.size() + " classes, supertypes first: " + target);
    }

    /**
     * The internal names of the classes a class file names: its class entries (what resolution can load) and every
     * {@code L...;} in its UTF-8 entries (descriptors and signatures, which the verifier of a caller may load).
     */
    static Set<String> references(byte[] b) throws IOException {
        DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(b));
        in.readInt();
        in.readUnsignedShort();
        in.readUnsignedShort();
        int n = in.readUnsignedShort();
        String[] utf = new String[n];
        List<Integer> classIndexes = new ArrayList<>();
        for (int i = 1; i < n; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1: utf[i] = in.readUTF(); break;
                case 7: classIndexes.add(in.readUnsignedShort()); break;
                case 8: case 16: case 19: case 20: in.readUnsignedShort(); break;
                case 15: in.readUnsignedByte(); in.readUnsignedShort(); break;
                case 3: case 4: case 9: case 10: case 11: case 12: case 17: case 18: in.readInt(); break;
                case 5: case 6: in.readLong(); i++; break;
                default: throw new IOException("constant pool tag " + tag);
            }
        }
        Set<String> out = new HashSet<>();
        for (int k : classIndexes) {
            String name = utf[k];
            int arrayEnd = name.lastIndexOf('[');
            out.add(arrayEnd >= 0 && name.endsWith(";") ? name.substring(arrayEnd + 2, name.length() - 1) : name);
        }
        for (String s : utf) {
            for (int at = s == null ? -1 : s.indexOf('L'); at >= 0; at = s.indexOf('L', at + 1)) {
                int end = s.indexOf(';', at);
                int generic = s.indexOf('<', at);
                if (end > at && (generic < 0 || generic > end)) {
                    out.add(s.substring(at + 1, end));
                }
            }
        }
        return out;
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
