package dev.secretagent.agent.instrument;

import dev.secretagent.runtime.Diagnostics;
import dev.secretagent.runtime.redact.Redaction;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.utility.JavaModule;

import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the one AgentBuilder for all targets and installs it once. Ignore-by-default: a class is
 * looked at only when its name starts with a prefix some target declared. Retransformation covers
 * classes already loaded (java.lang.System always; everything when attached late).
 */
public final class Installer {
    private Installer() {
    }

    /** Returns the names of the targets installed. */
    public static List<String> install(Instrumentation inst, List<TargetInstrumentation> targets) {
        List<String> prefixes = new ArrayList<>();
        for (TargetInstrumentation t : targets) {
            for (String p : t.classNamePrefixes()) {
                prefixes.add(p);
            }
        }
        final String[] watched = prefixes.toArray(new String[0]);

        AgentBuilder builder = newAgentBuilder()
                .disableClassFormatChanges()
                .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
                .with(AgentBuilder.RedefinitionStrategy.DiscoveryStrategy.Reiterating.INSTANCE)
                .with(AgentBuilder.InitializationStrategy.NoOp.INSTANCE)
                .with(AgentBuilder.TypeStrategy.Default.DECORATE)
                .with(new DiagnosticsListener())
                // JDK modules (java.base, java.logging, ...) must read the bootstrap loader's unnamed
                // module, where the runtime lives, before their advice can call it.
                .assureReadEdgeTo(inst, Redaction.class)
                .ignore(new AgentBuilder.RawMatcher() {
                    @Override
                    public boolean matches(TypeDescription type, ClassLoader loader, JavaModule module,
                                           Class<?> classBeingRedefined, java.security.ProtectionDomain pd) {
                        String name = type.getName();
                        for (String p : watched) {
                            if (name.startsWith(p)) {
                                return false;
                            }
                        }
                        return true;
                    }
                });
        List<String> installed = new ArrayList<>();
        for (TargetInstrumentation t : targets) {
            builder = t.apply(builder);
            installed.add(t.name());
        }
        builder.installOn(inst);
        for (TargetInstrumentation t : targets) {
            try {
                t.afterInstall();
            } catch (Throwable e) {
                Diagnostics.error("target " + t.name() + " failed after install", e);
            }
        }
        return installed;
    }

    /**
     * Byte Buddy's Nexus (for LoadedTypeInitializers) is not used by advice-only transformations, and
     * its set-up reaches for sun.misc.Unsafe, which JDK 24+ warns about on the application's stderr.
     * The property is read once, in a static initialiser, so it is set only around construction.
     */
    private static AgentBuilder newAgentBuilder() {
        String[] names = {"net.bytebuddy.nexus.disabled", "dev.secretagent.shaded.bytebuddy.nexus.disabled"};
        String[] previous = new String[names.length];
        for (int i = 0; i < names.length; i++) {
            previous[i] = System.setProperty(names[i], "true");
        }
        try {
            return new AgentBuilder.Default();
        } finally {
            for (int i = 0; i < names.length; i++) {
                if (previous[i] == null) {
                    System.clearProperty(names[i]);
                } else {
                    System.setProperty(names[i], previous[i]);
                }
            }
        }
    }

    /** Reports transformation errors to the agent's own log; transformations at debug level. */
    private static final class DiagnosticsListener extends AgentBuilder.Listener.Adapter {
        @Override
        public void onTransformation(TypeDescription type, ClassLoader loader, JavaModule module, boolean loaded,
                                     DynamicType dynamicType) {
            Diagnostics.debug("instrumented " + type.getName() + (loaded ? " (retransformed)" : ""));
        }

        @Override
        public void onError(String typeName, ClassLoader loader, JavaModule module, boolean loaded, Throwable t) {
            Diagnostics.warn("could not instrument " + typeName + ": " + t);
        }
    }
}
