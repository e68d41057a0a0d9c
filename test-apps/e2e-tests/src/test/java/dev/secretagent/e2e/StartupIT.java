package dev.secretagent.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 2: the agent on a plain application changes nothing but what it must, and bad options stop the start. */
class StartupIT {
    @Test
    void helloWorldPrintsExactlyTheAppsOutput() throws Exception {
        ChildJvm.Result without = ChildJvm.app("hello-app", "demo.Hello").run();
        ChildJvm.Result with = ChildJvm.app("hello-app", "demo.Hello").withAgent().run();

        assertThat(with.exit).as(with.toString()).isZero();
        assertThat(with.stdoutBytes).isEqualTo(without.stdoutBytes);
        assertThat(with.stdout()).isEqualTo("Hello, world" + System.lineSeparator() + "no newline at the end");
        assertThat(with.stderr()).as("the agent is quiet on a healthy start").isEmpty();
    }

    @Test
    void startupLineAtInfoNamesVersionModeAndTargets() throws Exception {
        ChildJvm.Result r = ChildJvm.app("hello-app", "demo.Hello").withAgent("diagnostics.level=info").run();
        assertThat(r.exit).isZero();
        assertThat(r.stderr().lines()).singleElement().satisfies(line -> assertThat(line)
                .contains("[secret-agent] INFO secret-agent ").contains("mode=enforce").contains("instrumented=env,process,stdio"));
    }

    @Test
    void disablingAnUnknownTargetIsReportedAndTheRestStillWorks() throws Exception {
        ChildJvm.Result r = ChildJvm.app("hello-app", "demo.Hello").withAgent("instrument.disabled=okhttp;okhtp")
                .run();
        assertThat(r.exit).as(r.toString()).isZero();
        assertThat(r.stderr().lines()).singleElement().asString()
                .contains("instrument.disabled names 'okhtp', which is no instrumented target")
                .contains("okhttp").contains("logback").contains("stdio");
    }

    @Test
    void unknownAgentArgumentStopsBeforeMain() throws Exception {
        ChildJvm.Result r = ChildJvm.app("hello-app", "demo.Hello").withAgent("no.such.key=1").run();
        assertThat(r.exit).as(r.toString()).isEqualTo(2);
        assertThat(r.stdout()).as("main never ran").isEmpty();
        assertThat(r.stderr()).contains("unknown key 'no.such.key'").contains("agent argument");
    }

    @Test
    void badValueNamesTheKeyAndWhereItCameFrom() throws Exception {
        ChildJvm.Result r = ChildJvm.app("hello-app", "demo.Hello").withAgent()
                .env("SECRETAGENT_MODE", "loud").run();
        assertThat(r.exit).isEqualTo(2);
        assertThat(r.stderr()).contains("key 'mode'").contains("SECRETAGENT_MODE").contains("enforce, audit, dev");
    }

    @Test
    void malformedYamlNamesTheLine(@TempDir Path dir) throws Exception {
        Path cfg = dir.resolve("secret-agent.yaml");
        Files.write(cfg, "service.name: orders\nmode: enforce\naudit.file: [unclosed\n".getBytes(StandardCharsets.UTF_8));
        ChildJvm.Result r = ChildJvm.app("hello-app", "demo.Hello").withAgent("config=" + cfg).run();
        assertThat(r.exit).as(r.toString()).isEqualTo(2);
        assertThat(r.stdout()).isEmpty();
        assertThat(r.stderr()).contains(cfg + ":").contains("malformed YAML");
    }

    @Test
    void unknownKeyInYamlNamesKeyFileAndLine(@TempDir Path dir) throws Exception {
        Path cfg = dir.resolve("secret-agent.yaml");
        Files.write(cfg, "service:\n  name: orders\nredaction: off\n".getBytes(StandardCharsets.UTF_8));
        ChildJvm.Result r = ChildJvm.app("hello-app", "demo.Hello").withAgent("config=" + cfg).run();
        assertThat(r.exit).isEqualTo(2);
        assertThat(r.stderr()).contains(cfg + ":3").contains("unknown key 'redaction'");
    }

    @Test
    void precedenceArgumentsOverPropertiesOverEnvironmentOverFile(@TempDir Path dir) throws Exception {
        Path cfg = dir.resolve("secret-agent.yaml");
        Files.write(cfg, "mode: dev\ndiagnostics.level: info\n".getBytes(StandardCharsets.UTF_8));
        ChildJvm.Result fileOnly = ChildJvm.app("hello-app", "demo.Hello").withAgent("config=" + cfg).run();
        assertThat(fileOnly.stderr()).contains("mode=dev");
        ChildJvm.Result envWins = ChildJvm.app("hello-app", "demo.Hello").withAgent("config=" + cfg)
                .env("SECRETAGENT_MODE", "audit").run();
        assertThat(envWins.stderr()).contains("mode=audit");
        ChildJvm.Result propWins = ChildJvm.app("hello-app", "demo.Hello").withAgent("config=" + cfg)
                .env("SECRETAGENT_MODE", "audit").jvmArg("-Dsecretagent.mode=dev").run();
        assertThat(propWins.stderr()).contains("mode=dev");
        ChildJvm.Result argWins = ChildJvm.app("hello-app", "demo.Hello").withAgent("config=" + cfg + ",mode=enforce")
                .jvmArg("-Dsecretagent.mode=dev").run();
        assertThat(argWins.stderr()).contains("mode=enforce");
    }

    @Test
    void startingTheAgentLoadsNoJdkLoggingAndNoManagement(@TempDir Path dir) throws Exception {
        // The application configures JUL and JMX itself; an agent that initialised them first would change its behaviour.
        Path cfg = dir.resolve("secret-agent.yaml");
        Files.write(cfg, "service.name: orders\nmode: audit\n".getBytes(StandardCharsets.UTF_8));
        Path log = dir.resolve("classes.txt");
        ChildJvm.Result r = ChildJvm.app("hello-app", "demo.Hello").withAgent("config=" + cfg)
                .jvmArg("-Xlog:class+load:file=" + log).run();
        assertThat(r.exit).isZero();
        String loaded = new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
        assertThat(loaded).contains("dev.secretagent.runtime.Settings")
                .doesNotContain("java.util.logging.LogManager").doesNotContain("java.lang.management.ManagementFactory");
    }

    @Test
    void anApplicationsFirstLogLineReadsOnlyItsTargetsDeclarationsAndLoadsNoByteBuddyBeyondAsm(@TempDir Path dir)
            throws Exception {
        // issue 17: the first Logback or Log4j2 class reads that target's declarations alone, all plain ASM; Byte Buddy's
        // own classes (matchers, Advice, type pools) load only for a target that needs them
        String[][] apps = {{"logback-app", "demo.logback.FirstLineApp", "logback"},
                {"log4j2-app", "demo.log4j2.FirstLineApp", "log4j2"}};
        for (String[] app : apps) {
            Path log = dir.resolve(app[0] + "-classes.txt");
            ChildJvm.Result r = ChildJvm.app(app[0], app[1]).withAgent().jvmArg("-Xlog:class+load:file=" + log).run();
            assertThat(r.exit).isZero();
            assertThat(r.stdout() + r.stderr()).contains("first line");
            String loaded = new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
            assertThat(loaded).as(app[0]).contains("dev.secretagent.agent.instrument.AsmHookRewriter ")
                    .contains("dev.secretagent.agent.instrument." + app[2] + ".");
            for (String line : loaded.split("\n")) {
                if (line.contains("dev.secretagent.shaded.bytebuddy.")) {
                    assertThat(line).as(app[0]).contains("dev.secretagent.shaded.bytebuddy.jar.asm.");
                }
                for (String other : new String[] {"jetty", "netty", "okhttp", "otel", "log4j1", "apachehttp4", "jul"}) {
                    assertThat(line).as(app[0]).doesNotContain("dev.secretagent.agent.instrument." + other + ".");
                }
            }
        }
    }

    @Test
    void secondAgentInstanceIsIgnored() throws Exception {
        ChildJvm.Result r = ChildJvm.app("hello-app", "demo.Hello").withAgent()
                .jvmArg("-javaagent:" + ChildJvm.AGENT_JAR).run();
        assertThat(r.exit).isZero();
        assertThat(r.stdout()).startsWith("Hello, world");
        assertThat(r.stderr()).contains("already started");
    }
}
