package dev.secretagent.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts a test application in a child JVM, with or without the built agent jar, and captures
 * every byte it writes. The JVM is the one named by -De2e.java.home (CI runs JDK 17 and JDK 25).
 */
public final class ChildJvm {
    public static final Path AGENT_JAR = Paths.get(System.getProperty("agent.jar", "../../agent/target/secret-agent.jar"))
            .toAbsolutePath().normalize();
    public static final Path APPS = Paths.get(System.getProperty("apps.dir", "..")).toAbsolutePath().normalize();
    public static final String JAVA_HOME = System.getProperty("e2e.java.home", System.getProperty("java.home"));
    private static final SecureRandom RANDOM = new SecureRandom();

    private final List<String> jvmArgs = new ArrayList<>();
    private final List<String> appArgs = new ArrayList<>();
    private final Map<String, String> env = new LinkedHashMap<>();
    private String agentOptions;
    private boolean withAgent;
    private String classpath;
    private String mainClass;
    private Path workDir;

    private ChildJvm() {
    }

    /** A fresh random value that looks like nothing in particular: generated per run, never committed. */
    public static String randomSecret(String prefix) {
        String alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        StringBuilder sb = new StringBuilder(prefix);
        for (int i = 0; i < 24; i++) {
            sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    public static Path appJar(String module) {
        return APPS.resolve(module).resolve("target/app.jar");
    }

    public static ChildJvm app(String module, String mainClass, String... args) {
        ChildJvm c = new ChildJvm();
        c.classpath = appJar(module).toString();
        c.mainClass = mainClass;
        c.appArgs.addAll(Arrays.asList(args));
        return c;
    }

    public ChildJvm withAgent() {
        this.withAgent = true;
        return this;
    }

    public ChildJvm withAgent(String options) {
        this.withAgent = true;
        this.agentOptions = options;
        return this;
    }

    public ChildJvm jvmArg(String arg) {
        jvmArgs.add(arg);
        return this;
    }

    public ChildJvm env(String name, String value) {
        env.put(name, value);
        return this;
    }

    public ChildJvm workDir(Path dir) {
        this.workDir = dir;
        return this;
    }

    public static String javaBin() {
        return Paths.get(JAVA_HOME, "bin", "java").toString();
    }

    public List<String> command() {
        List<String> cmd = new ArrayList<>();
        cmd.add(javaBin());
        if (withAgent) {
            cmd.add("-javaagent:" + AGENT_JAR + (agentOptions == null ? "" : "=" + agentOptions));
        }
        cmd.addAll(jvmArgs);
        cmd.add("-cp");
        cmd.add(classpath);
        cmd.add(mainClass);
        cmd.addAll(appArgs);
        return cmd;
    }

    private ProcessBuilder builder() {
        ProcessBuilder pb = new ProcessBuilder(command());
        // The build machine's own agent settings and secret-looking variables must not change the child's behaviour.
        pb.environment().keySet().removeIf(k -> k.startsWith("SECRETAGENT_") || k.equals("JAVA_TOOL_OPTIONS")
                || k.equals("JDK_JAVA_OPTIONS"));
        pb.environment().putAll(env);
        if (workDir != null) {
            pb.directory(workDir.toFile());
        }
        return pb;
    }

    public Result run() throws IOException, InterruptedException {
        Process p = builder().start();
        p.getOutputStream().close();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread t1 = pump(p.getInputStream(), out);
        Thread t2 = pump(p.getErrorStream(), err);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("child JVM did not finish in 120 s: " + command());
        }
        t1.join();
        t2.join();
        return new Result(p.exitValue(), out.toByteArray(), err.toByteArray());
    }

    /** Starts the JVM and returns it running; stdout/stderr are captured into the handle as they arrive. */
    public Running start() throws IOException {
        Process p = builder().start();
        Running r = new Running(p);
        pump(p.getInputStream(), r.out);
        pump(p.getErrorStream(), r.err);
        return r;
    }

    private static Thread pump(InputStream in, OutputStream sink) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[8192];
            int n;
            try {
                while ((n = in.read(buf)) > 0) {
                    synchronized (sink) {
                        sink.write(buf, 0, n);
                    }
                }
            } catch (IOException ignored) {
                // process ended
            }
        });
        t.setDaemon(true);
        t.start();
        return t;
    }

    public static final class Result {
        public final int exit;
        public final byte[] stdoutBytes;
        public final byte[] stderrBytes;

        Result(int exit, byte[] out, byte[] err) {
            this.exit = exit;
            this.stdoutBytes = out;
            this.stderrBytes = err;
        }

        public String stdout() {
            return new String(stdoutBytes, StandardCharsets.UTF_8);
        }

        public String stderr() {
            return new String(stderrBytes, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return "exit=" + exit + "\n--- stdout ---\n" + stdout() + "\n--- stderr ---\n" + stderr();
        }
    }

    public static final class Running {
        public final Process process;
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();

        Running(Process p) {
            this.process = p;
        }

        public String stdout() {
            synchronized (out) {
                return new String(out.toByteArray(), StandardCharsets.UTF_8);
            }
        }

        public String stderr() {
            synchronized (err) {
                return new String(err.toByteArray(), StandardCharsets.UTF_8);
            }
        }

        public void send(String line) throws IOException {
            process.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().flush();
        }

        public int finish() throws IOException, InterruptedException {
            process.getOutputStream().close();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("child JVM did not exit after stdin closed");
            }
            return process.exitValue();
        }
    }

    /** Every file under dir, read whole: for "no byte the agent or the app wrote holds the secret". */
    public static Map<Path, byte[]> allFiles(Path dir) throws IOException {
        Map<Path, byte[]> files = new LinkedHashMap<>();
        if (Files.exists(dir)) {
            try (java.util.stream.Stream<Path> s = Files.walk(dir)) {
                for (Path p : (Iterable<Path>) s.filter(Files::isRegularFile)::iterator) {
                    files.put(p, Files.readAllBytes(p));
                }
            }
        }
        return files;
    }
}
