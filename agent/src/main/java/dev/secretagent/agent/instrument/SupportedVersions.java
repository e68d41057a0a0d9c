package dev.secretagent.agent.instrument;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The framework versions a target supports, declared in code: the artifacts at the oldest and the newest end
 * ({@code group:artifact:version}), and optionally a version outside the range whose classes the declarations
 * must not fully match. Both ends and the outside version are checked against the real jars by the range test
 * (agent/src/test: VersionRangeTest), and the table in docs/architecture.md is checked against this.
 *
 * <p>A target on the JDK itself names feature versions ({@code jdk:17}) instead of artifacts.
 */
public final class SupportedVersions {
    private final List<String> oldest;
    private final List<String> newest;
    private final List<String> outside;

    private SupportedVersions(List<String> oldest, List<String> newest, List<String> outside) {
        this.oldest = oldest;
        this.newest = newest;
        this.outside = outside;
    }

    /** A range starting at these artifacts; complete it with {@link #newest}. */
    public static SupportedVersions oldest(String... coordinates) {
        return new SupportedVersions(list(coordinates), Collections.<String>emptyList(), Collections.<String>emptyList());
    }

    /** The JDK's own classes, from feature version {@code oldest} to {@code newest}. */
    public static SupportedVersions jdk(int oldest, int newest) {
        return oldest("jdk:" + oldest).newest("jdk:" + newest);
    }

    public SupportedVersions newest(String... coordinates) {
        return new SupportedVersions(oldest, list(coordinates), outside);
    }

    /** Artifacts of a version before (or after) the range, whose classes the declarations do not match. */
    public SupportedVersions outside(String... coordinates) {
        return new SupportedVersions(oldest, newest, list(coordinates));
    }

    public List<String> oldest() {
        return oldest;
    }

    public List<String> newest() {
        return newest;
    }

    /** Empty when no version outside the range differs in what the declarations match. */
    public List<String> outside() {
        return outside;
    }

    /** The target's row in docs/architecture.md's table of supported versions. */
    public String tableRow(String target) {
        return "| " + target + " | " + text(oldest) + " | " + text(newest) + " | "
                + (outside.isEmpty() ? "-" : text(outside)) + " |";
    }

    private static String text(List<String> coordinates) {
        StringBuilder b = new StringBuilder();
        for (String c : coordinates) {
            if (b.length() > 0) {
                b.append(", ");
            }
            int version = c.lastIndexOf(':');
            int artifact = c.indexOf(':');
            b.append(artifact == version ? c.substring(0, version) : c.substring(artifact + 1, version))
                    .append(' ').append(c.substring(version + 1));
        }
        return b.toString();
    }

    private static List<String> list(String... coordinates) {
        return Collections.unmodifiableList(Arrays.asList(coordinates.clone()));
    }
}
