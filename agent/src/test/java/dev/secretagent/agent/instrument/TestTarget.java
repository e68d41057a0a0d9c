package dev.secretagent.agent.instrument;

import java.util.Arrays;
import java.util.List;

/** A target for unit tests: the given declarations, nothing else. */
final class TestTarget implements TargetInstrumentation {
    private final List<TypeInstrumentation> types;

    private TestTarget(List<TypeInstrumentation> types) {
        this.types = types;
    }

    static TestTarget of(TypeInstrumentation... types) {
        return new TestTarget(Arrays.asList(types));
    }

    @Override
    public String name() {
        return "unit-test";
    }

    @Override
    public SupportedVersions supportedVersions() {
        return SupportedVersions.jdk(11, 25);
    }

    @Override
    public List<TypeInstrumentation> types() {
        return types;
    }
}
