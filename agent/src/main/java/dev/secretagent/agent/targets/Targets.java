package dev.secretagent.agent.targets;

import dev.secretagent.agent.instrument.TargetInstrumentation;

import dev.secretagent.agent.instrument.jul.JulInstrumentation;
import dev.secretagent.agent.instrument.log4j2.Log4j2Instrumentation;
import dev.secretagent.agent.instrument.logback.LogbackInstrumentation;

import java.util.ArrayList;
import java.util.List;

/**
 * The framework targets (their own package, so the target packages can depend on {@code instrument} without a
 * cycle through this list), installed by {@code instrument/Installer}. Adding a target: a
 * folder under instrument/, one entry here and its row of class names in {@link WatchedClassNames}. The java.lang hooks that must exist before main
 * (getenv, getProperty, setOut/setErr) are not here: see {@code instrument/jdk/CoreJdkTransformer}.
 */
public final class Targets {
    private Targets() {
    }

    public static List<TargetInstrumentation> all() {
        List<TargetInstrumentation> targets = new ArrayList<>();
        targets.add(new LogbackInstrumentation());
        targets.add(new Log4j2Instrumentation());
        targets.add(new JulInstrumentation());
        targets.add(new dev.secretagent.agent.instrument.log4j1.Log4j1Instrumentation());
        targets.add(new dev.secretagent.agent.instrument.okhttp.OkHttpInstrumentation());
        targets.add(new dev.secretagent.agent.instrument.apachehttp4.ApacheHttp4Instrumentation());
        targets.add(new dev.secretagent.agent.instrument.apachehttp5.ApacheHttp5Instrumentation());
        targets.add(new dev.secretagent.agent.instrument.jetty.JettyInstrumentation());
        targets.add(new dev.secretagent.agent.instrument.netty.NettyInstrumentation());
        targets.add(new dev.secretagent.agent.instrument.otel.OtelInstrumentation());
        return targets;
    }
}
