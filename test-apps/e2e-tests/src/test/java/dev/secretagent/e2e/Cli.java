package dev.secretagent.e2e;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs an arbitrary command (the agent's command line, a JDK tool) and captures its output. */
final class Cli {
    private Cli() {
    }

    static ChildJvm.Result run(List<String> cmd) throws Exception {
        return run(cmd, Map.of(), null);
    }

    static ChildJvm.Result run(List<String> cmd, Map<String, String> env, byte[] stdin) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().keySet().removeIf(k -> k.startsWith("SECRETAGENT_") || k.equals("JAVA_TOOL_OPTIONS"));
        pb.environment().putAll(env);
        Process p = pb.start();
        if (stdin != null) {
            p.getOutputStream().write(stdin);
        }
        p.getOutputStream().close();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread t1 = copy(p.getInputStream(), out);
        Thread t2 = copy(p.getErrorStream(), err);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("command did not finish: " + cmd);
        }
        t1.join();
        t2.join();
        return new ChildJvm.Result(p.exitValue(), out.toByteArray(), err.toByteArray());
    }

    private static Thread copy(InputStream in, ByteArrayOutputStream sink) {
        Thread t = new Thread(() -> {
            try {
                in.transferTo(sink);
            } catch (Exception ignored) {
                // process ended
            }
        });
        t.start();
        return t;
    }
}
