package dev.secretagent.e2e;

import org.junit.jupiter.api.Test;

import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Fleet-wide JAVA_TOOL_OPTIONS reaches jps, javac, ...: the agent stays out of them unless told otherwise. */
class JdkToolsIT {
    @Test
    void jpsAndJavacRunUntouched() throws Exception {
        Map<String, String> env = Map.of("JAVA_TOOL_OPTIONS", "-javaagent:" + ChildJvm.AGENT_JAR + "=diagnostics.level=info");
        for (String tool : new String[] {"jps", "javac"}) {
            List<String> cmd = List.of(Paths.get(ChildJvm.JAVA_HOME, "bin", tool).toString(), "-version");
            if (tool.equals("jps")) {
                cmd = List.of(Paths.get(ChildJvm.JAVA_HOME, "bin", tool).toString(), "-q");
            }
            ChildJvm.Result r = Cli.run(cmd, env, null);
            assertThat(r.exit).as(tool + ": " + r).isZero();
            assertThat(r.stderr()).as(tool).doesNotContain("[secret-agent]");
        }
    }

    @Test
    void anApplicationStartedThroughJavaToolOptionsGetsTheAgent() throws Exception {
        Map<String, String> env = Map.of("JAVA_TOOL_OPTIONS", "-javaagent:" + ChildJvm.AGENT_JAR + "=diagnostics.level=info");
        ChildJvm.Result r = Cli.run(List.of(ChildJvm.javaBin(), "-cp", ChildJvm.appJar("hello-app").toString(), "demo.Hello"),
                env, null);
        assertThat(r.exit).isZero();
        assertThat(r.stderr()).contains("[secret-agent] INFO secret-agent");
    }
}
