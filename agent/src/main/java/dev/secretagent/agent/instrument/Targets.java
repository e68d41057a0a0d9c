package dev.secretagent.agent.instrument;

import dev.secretagent.agent.instrument.env.EnvInstrumentation;
import dev.secretagent.agent.instrument.jul.JulInstrumentation;
import dev.secretagent.agent.instrument.log4j2.Log4j2Instrumentation;
import dev.secretagent.agent.instrument.logback.LogbackInstrumentation;
import dev.secretagent.agent.instrument.sysprop.SysPropInstrumentation;
import dev.secretagent.agent.instrument.stdio.StdioInstrumentation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The list of every instrumented target. Adding a target: a folder under instrument/, one entry here. */
public final class Targets {
    private Targets() {
    }

    public static List<TargetInstrumentation> all() {
        return new ArrayList<>(Arrays.<TargetInstrumentation>asList(
                new EnvInstrumentation(),
                new StdioInstrumentation(),
                new SysPropInstrumentation(),
                new LogbackInstrumentation(),
                new Log4j2Instrumentation(),
                new JulInstrumentation()));
    }
}
