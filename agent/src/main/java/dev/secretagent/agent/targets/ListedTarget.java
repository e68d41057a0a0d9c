package dev.secretagent.agent.targets;

import dev.secretagent.agent.instrument.SupportedVersions;
import dev.secretagent.agent.instrument.TargetInstrumentation;
import dev.secretagent.agent.instrument.TypeInstrumentation;

import java.util.Arrays;
import java.util.List;

/**
 * A target as {@link Targets} lists it: its name and aliases, which is all premain needs (to apply
 * {@code instrument.disabled} and install the class-load gate, whose watched names come from
 * {@link WatchedClassNames}), without loading the target's own class. The target itself (its
 * {@code <Target>Instrumentation}, whose declarations load their own classes) is created the first time it is asked
 * for: by the gate when the first class it watches arrives, or by a test.
 */
final class ListedTarget implements TargetInstrumentation {
    private final String name;
    private final List<String> aliases;
    private TargetInstrumentation target;

    ListedTarget(String name, String... aliases) {
        this.name = name;
        this.aliases = Arrays.asList(aliases);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<String> aliases() {
        return aliases;
    }

    @Override
    public SupportedVersions supportedVersions() {
        return target().supportedVersions();
    }

    @Override
    public List<TypeInstrumentation> types() {
        return target().types();
    }

    /** The target's own declarations (created once). */
    synchronized TargetInstrumentation target() {
        if (target == null) {
            target = Targets.create(name);
        }
        return target;
    }
}
