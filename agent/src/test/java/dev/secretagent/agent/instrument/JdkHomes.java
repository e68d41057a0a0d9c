package dev.secretagent.agent.instrument;

import org.opentest4j.TestAbortedException;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

/** Finds an installed JDK of a given feature version, for the tests that read another JDK's classes. */
public final class JdkHomes {
    private JdkHomes() {
    }

    /**
     * {@code jdk<feature>.home} if set, else a JDK under /usr/lib/jvm whose {@code release} file says that version.
     * Aborts the test (with the reason) when there is none: a machine without it cannot check that end.
     */
    public static Path find(int feature) throws IOException {
        String configured = System.getProperty("jdk" + feature + ".home");
        if (configured != null) {
            return Paths.get(configured);
        }
        Path jvms = Paths.get("/usr/lib/jvm");
        if (Files.isDirectory(jvms)) {
            try (DirectoryStream<Path> homes = Files.newDirectoryStream(jvms)) {
                for (Path home : homes) {
                    if (feature == featureOf(home)) {
                        return home;
                    }
                }
            }
        }
        throw new TestAbortedException("no JDK " + feature + " installed (set -Djdk" + feature + ".home=...)");
    }

    private static int featureOf(Path home) throws IOException {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release) || !Files.isRegularFile(home.resolve("lib").resolve("jrt-fs.jar"))) {
            return -1;
        }
        List<String> lines = Files.readAllLines(release);
        for (String line : lines) {
            if (line.startsWith("JAVA_VERSION=")) {
                String v = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                int dot = v.indexOf('.');
                return Integer.parseInt(dot < 0 ? v : v.substring(0, dot));
            }
        }
        return -1;
    }
}
