package dev.secretagent.agent.instrument;

import dev.secretagent.agent.targets.Targets;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every target declares the versions it supports, and its declarations match the real framework classes at both
 * ends of that range, and do not (all) match a version outside it where one differs: a renamed class or a changed
 * signature fails here, before any end-to-end test, instead of silently leaving a framework unredacted.
 */
class VersionRangeTest {
    @Test
    void everyTargetDeclaresBothEndsOfItsRange() {
        for (TargetInstrumentation t : Targets.all()) {
            SupportedVersions v = t.supportedVersions();
            assertThat(v).as("%s declares supportedVersions()", t.name()).isNotNull();
            assertThat(v.oldest()).as("%s: oldest end", t.name()).isNotEmpty();
            assertThat(v.newest()).as("%s: newest end", t.name()).isNotEmpty();
        }
    }

    @TestFactory
    Stream<DynamicTest> declarationsMatchTheOldestAndTheNewestVersion() {
        return Targets.all().stream().map(t -> DynamicTest.dynamicTest(t.name(), () -> {
            SupportedVersions v = t.supportedVersions();
            List<TypeInstrumentation> types = t.types();
            DeclarationCheck.Result oldest = check(t, types, v.oldest());
            DeclarationCheck.Result newest = check(t, types, v.newest());
            assertThat(oldest.missing).as("%s at %s", t.name(), v.oldest()).isEmpty();
            assertThat(newest.missing).as("%s at %s", t.name(), v.newest()).isEmpty();
            // a declaration only some versions have must still match somewhere, or it is dead
            for (TypeInstrumentation type : types) {
                if (type.optionalSince() != null) {
                    assertThat(oldest.optionalMatched.containsKey(type) || newest.optionalMatched.containsKey(type))
                            .as("%s: %s (since %s) matches at one end", t.name(), type.names(), type.optionalSince())
                            .isTrue();
                }
                for (MethodHook hook : type.hooks()) {
                    if (hook.since() != null) {
                        assertThat(oldest.optionalMatched.containsKey(hook) || newest.optionalMatched.containsKey(hook))
                                .as("%s: %s (since %s) matches at one end", t.name(), hook.methods(), hook.since())
                                .isTrue();
                    }
                }
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> declarationsDoNotMatchAVersionOutsideTheRange() {
        return Targets.all().stream().filter(t -> !t.supportedVersions().outside().isEmpty())
                .map(t -> DynamicTest.dynamicTest(t.name(), () -> {
                    List<String> outside = t.supportedVersions().outside();
                    DeclarationCheck.Result r = check(t, t.types(), outside);
                    // the framework's packages are there; what the hooks need is not
                    assertThat(r.missingInPresentPackages).as("%s at %s is rejected", t.name(), outside).isNotEmpty();
                }));
    }

    @Test
    void theDocumentedTableIsTheDeclaredOne() throws Exception {
        String doc = new String(Files.readAllBytes(Paths.get("..", "docs", "architecture.md")), StandardCharsets.UTF_8);
        List<String> documented = new ArrayList<>();
        boolean inTable = false;
        for (String line : doc.split("\n")) {
            if (line.startsWith("| target | oldest | newest | outside")) {
                inTable = true;
            } else if (inTable && line.startsWith("| ") && !line.startsWith("| ---")) {
                documented.add(line.trim());
            } else if (inTable && !line.startsWith("|")) {
                inTable = false;
            }
        }
        List<String> declared = Targets.all().stream().map(t -> t.supportedVersions().tableRow(t.name()))
                .collect(Collectors.toList());
        assertThat(documented).as("docs/architecture.md, table of supported versions").isEqualTo(declared);
    }

    private static DeclarationCheck.Result check(TargetInstrumentation t, List<TypeInstrumentation> types,
                                                 List<String> coordinates) throws Exception {
        try (FrameworkClasses classes = new FrameworkClasses(coordinates)) {
            return DeclarationCheck.check(t, types, classes);
        }
    }
}
