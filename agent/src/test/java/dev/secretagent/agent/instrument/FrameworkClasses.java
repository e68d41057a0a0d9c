package dev.secretagent.agent.instrument;

import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.pool.TypePool;

import java.io.IOException;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The class files of one end of a declared range, isolated from the test's own class path: the framework jars
 * that maven-dependency-plugin copied to {@code target/versions/} (see agent/pom.xml), or a JDK's module image.
 * Types are described from the class files by a {@link TypePool}, exactly what Byte Buddy's matchers see when a
 * class loads, without loading or initialising a class (so the framework's own dependencies are not needed).
 */
final class FrameworkClasses implements AutoCloseable {
    static final Path VERSIONS = Paths.get("target", "versions");

    private final List<AutoCloseable> open = new ArrayList<>();
    private final Set<String> classNames = new TreeSet<>();
    private final TypePool pool;

    FrameworkClasses(List<String> coordinates) throws IOException {
        List<ClassFileLocator> locators = new ArrayList<>();
        boolean jdk = false;
        for (String c : coordinates) {
            if (c.startsWith("jdk:")) {
                locators.add(jdkImage(Integer.parseInt(c.substring(4))));
                jdk = true;
            } else {
                locators.add(jar(c));
            }
        }
        if (!jdk) {
            // java.lang.Object and the other JDK types a framework type extends or names
            locators.add(ClassFileLocator.ForClassLoader.ofPlatformLoader());
        }
        // lazy: a type a signature names is resolved only when a matcher needs more than its name, so the
        // framework's own dependencies (Netty's transport for a handler, SLF4J for an appender) need not be here
        pool = new TypePool.Default.WithLazyResolution(new TypePool.CacheProvider.Simple(),
                new ClassFileLocator.Compound(locators), TypePool.Default.ReaderMode.FAST);
    }

    TypePool pool() {
        return pool;
    }

    /** Every class in the jars, binary names (empty for a JDK image, whose targets declare exact names only). */
    Set<String> classNames() {
        return Collections.unmodifiableSet(classNames);
    }

    /** Whether any class of the jars sits in the package of {@code className}. */
    boolean hasPackageOf(String className) {
        String pkg = className.substring(0, className.lastIndexOf('.') + 1);
        for (String n : classNames) {
            if (n.startsWith(pkg) && n.indexOf('.', pkg.length()) < 0) {
                return true;
            }
        }
        return false;
    }

    /** {@code target/versions/<artifact>-<version>.jar}; fails with what to add to agent/pom.xml when absent. */
    static Path jarOf(String coordinates) {
        String[] gav = coordinates.split(":");
        if (gav.length != 3) {
            throw new IllegalArgumentException("not group:artifact:version: " + coordinates);
        }
        return VERSIONS.resolve(gav[1] + "-" + gav[2] + ".jar");
    }

    private ClassFileLocator jar(String coordinates) throws IOException {
        Path path = jarOf(coordinates);
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException(path + " is missing: add " + coordinates
                    + " to the framework-versions artifactItems in agent/pom.xml");
        }
        JarFile jar = new JarFile(path.toFile());
        open.add(jar);
        for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
            String name = e.nextElement().getName();
            if (name.endsWith(".class") && !name.startsWith("META-INF/")) {
                classNames.add(name.substring(0, name.length() - ".class".length()).replace('/', '.'));
            }
        }
        return new ClassFileLocator.ForJarFile(jar);
    }

    /**
     * The module image of the JDK with that feature version: the running one, or one installed beside it
     * (a JDK's {@code jrt:} file system can be opened from another JDK with its {@code java.home}).
     */
    private ClassFileLocator jdkImage(int feature) throws IOException {
        FileSystem fs;
        if (Runtime.version().feature() == feature) {
            fs = FileSystems.getFileSystem(URI.create("jrt:/"));
        } else {
            Path home = JdkHomes.find(feature);
            fs = FileSystems.newFileSystem(URI.create("jrt:/"),
                    Collections.singletonMap("java.home", home.toString()));
            open.add(fs);
        }
        return new JrtLocator(fs);
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    /** Class files of a JDK's modules, by binary name. */
    private static final class JrtLocator implements ClassFileLocator {
        private final List<Path> modules = new ArrayList<>();

        JrtLocator(FileSystem fs) throws IOException {
            try (DirectoryStream<Path> dirs = Files.newDirectoryStream(fs.getPath("/modules"))) {
                for (Path m : dirs) {
                    modules.add(m);
                }
            }
        }

        @Override
        public Resolution locate(String name) throws IOException {
            String file = name.replace('.', '/') + ".class";
            for (Path m : modules) {
                Path p = m.resolve(file);
                if (Files.isRegularFile(p)) {
                    return new Resolution.Explicit(Files.readAllBytes(p));
                }
            }
            return new Resolution.Illegal(name);
        }

        @Override
        public void close() {
        }
    }
}
