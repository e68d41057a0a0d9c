package dev.secretagent.agent.instrument;

import dev.secretagent.agent.instrument.env.EnvInstrumentation;
import dev.secretagent.agent.instrument.process.ProcessInstrumentation;
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
                new ProcessInstrumentation(),
                new StdioInstrumentation()));
    }
}
