package dev.secretagent.agent.instrument;

import java.util.List;

/**
 * One instrumented target (a framework). Implementations live in their own folder ({@code instrument/<target>/}),
 * stay thin (find the text or value at the framework's boundary and hand it to one static door in runtime) and
 * only declare: which types, which methods, which advice, and which versions. The class-load gate applies the
 * declarations to the classes they name (see {@link Installer}); the names it watches before main come from
 * {@code targets/WatchedClassNames}, which a test holds equal to the declarations (the shape of the OpenTelemetry agent's
 * {@code TypeInstrumentation} with its {@code TypeTransformer}).
 */
public interface TargetInstrumentation {
    /** Short name used in {@code instrument.disabled} and in the start-up line, e.g. {@code logback}. */
    String name();

    /**
     * Older names that also switch this target off in {@code instrument.disabled}, so a setting written for an
     * earlier layout keeps its meaning (Apache HttpClient was one target, {@code apachehttp}, before it became
     * {@code apachehttp4} and {@code apachehttp5}).
     */
    default List<String> aliases() {
        return java.util.Collections.emptyList();
    }

    /** The framework versions this target supports; both ends are tested (agent/src/test: VersionRangeTest). */
    SupportedVersions supportedVersions();

    /** The types this target instruments and, for each, the methods and their advice. */
    List<TypeInstrumentation> types();
}
