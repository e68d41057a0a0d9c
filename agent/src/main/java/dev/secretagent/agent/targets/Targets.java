package dev.secretagent.agent.targets;

import dev.secretagent.agent.instrument.TargetInstrumentation;
import dev.secretagent.agent.instrument.apachehttp4.ApacheHttp4Instrumentation;
import dev.secretagent.agent.instrument.apachehttp5.ApacheHttp5Instrumentation;
import dev.secretagent.agent.instrument.jetty.JettyInstrumentation;
import dev.secretagent.agent.instrument.jul.JulInstrumentation;
import dev.secretagent.agent.instrument.log4j1.Log4j1Instrumentation;
import dev.secretagent.agent.instrument.log4j2.Log4j2Instrumentation;
import dev.secretagent.agent.instrument.logback.LogbackInstrumentation;
import dev.secretagent.agent.instrument.netty.NettyInstrumentation;
import dev.secretagent.agent.instrument.okhttp.OkHttpInstrumentation;
import dev.secretagent.agent.instrument.otel.OtelInstrumentation;

import java.util.ArrayList;
import java.util.List;

/**
 * The framework targets (their own package, so the target packages can depend on {@code instrument} without a
 * cycle through this list), installed by {@code instrument/Installer}. Adding a target: a folder under instrument/,
 * its name in {@link #all()} and {@link #create}, and its row of class names in {@link WatchedClassNames}. The
 * java.lang hooks that must exist before main (getenv, getProperty, setOut/setErr) are not here: see
 * {@code instrument/jdk/CoreJdkTransformer}.
 *
 * <p>Premain gets each target as a {@link ListedTarget} (name and aliases): no target's class is loaded until the
 * first class it watches arrives (ten classes loaded and verified on every JVM's premain thread otherwise, for
 * targets most applications never touch). {@code TargetsTest} holds the names and aliases here equal to the targets'.
 */
public final class Targets {
    private Targets() {
    }

    public static List<TargetInstrumentation> all() {
        List<TargetInstrumentation> targets = new ArrayList<>();
        targets.add(new ListedTarget("logback"));
        targets.add(new ListedTarget("log4j2"));
        targets.add(new ListedTarget("jul"));
        targets.add(new ListedTarget("log4j1"));
        targets.add(new ListedTarget("okhttp"));
        targets.add(new ListedTarget("apachehttp4", ApacheHttp4Instrumentation.OLD_NAME));
        targets.add(new ListedTarget("apachehttp5", ApacheHttp5Instrumentation.OLD_NAME));
        targets.add(new ListedTarget("jetty"));
        targets.add(new ListedTarget("netty"));
        targets.add(new ListedTarget("otel"));
        return targets;
    }

    /** The target named {@code name} (one of {@link #all()}'s), with its declarations. */
    static TargetInstrumentation create(String name) {
        switch (name) {
            case "logback":
                return new LogbackInstrumentation();
            case "log4j2":
                return new Log4j2Instrumentation();
            case "jul":
                return new JulInstrumentation();
            case "log4j1":
                return new Log4j1Instrumentation();
            case "okhttp":
                return new OkHttpInstrumentation();
            case "apachehttp4":
                return new ApacheHttp4Instrumentation();
            case "apachehttp5":
                return new ApacheHttp5Instrumentation();
            case "jetty":
                return new JettyInstrumentation();
            case "netty":
                return new NettyInstrumentation();
            case "otel":
                return new OtelInstrumentation();
            default:
                throw new IllegalArgumentException("no target named " + name);
        }
    }
}
