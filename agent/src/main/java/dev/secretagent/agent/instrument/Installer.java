package dev.secretagent.agent.instrument;

import dev.secretagent.runtime.redact.Diagnostics;
import dev.secretagent.runtime.redact.Redaction;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.dynamic.scaffold.MethodGraph;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.utility.JavaModule;

import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the one Byte Buddy AgentBuilder for every framework target and installs it once.
 *
 * <p>Setting Byte Buddy up costs a few hundred milliseconds (about a thousand of its classes load),
 * which would be added to every JVM's start. So at start-up it is built on a background thread
 * while main already runs, behind a {@link ClassLoadGate}: a plain transformer registered before
 * main that lets every class through at the cost of one prefix check, except a class a target
 * watches, whose loading waits until the AgentBuilder is ready and is then transformed by it. No
 * watched class is ever defined uninstrumented; an application that touches Logback in its first
 * milliseconds waits for the agent, one that does not, does not. When attached late, it is built
 * synchronously. Ignore-by-default: only classes with a name (or prefix) a target declares are looked at,
 * and those names are derived from the targets' {@link TypeInstrumentation}s. Already loaded watched classes
 * are retransformed.
 */
public final class Installer {
    private Installer() {
    }

    /** Returns the names of the targets; the instrumentation itself may complete in the background. */
    public static List<String> install(final Instrumentation inst, final List<TargetInstrumentation> targets,
                                       boolean background) {
        List<String> names = new ArrayList<>();
        for (TargetInstrumentation t : targets) {
            names.add(t.name());
        }
        if (targets.isEmpty()) {
            return names;
        }
        final WatchedNames watched = new WatchedNames(targets);
        final ClassLoadGate gate = new ClassLoadGate(watched);
        inst.addTransformer(gate, true);
        Runnable build = new Runnable() {
            @Override
            public void run() {
                java.lang.instrument.ClassFileTransformer transformer = null;
                try {
                    long t0 = System.nanoTime();
                    transformer = build(inst, targets, watched).makeRaw();
                    Diagnostics.debug("framework instrumentation ready in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
                } catch (Throwable e) {
                    Diagnostics.error("framework instrumentation failed; logging frameworks are not hooked", e);
                } finally {
                    gate.open(transformer);
                }
                if (transformer != null) {
                    retransformLoaded(inst, watched);
                }
            }
        };
        if (background) {
            Thread thread = new Thread(build, "secret-agent-instrumentation");
            thread.setDaemon(true);
            thread.start();
        } else {
            build.run();
        }
        return names;
    }

    static AgentBuilder build(Instrumentation inst, List<TargetInstrumentation> targets, final WatchedNames watched) {
        AgentBuilder builder = newAgentBuilder()
                .disableClassFormatChanges()
                .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
                .with(AgentBuilder.InitializationStrategy.NoOp.INSTANCE)
                .with(AgentBuilder.TypeStrategy.Default.DECORATE)
                .with(new DiagnosticsListener())
                // JDK modules (java.logging, java.net.http, ...) must read the bootstrap loader's unnamed
                // module, where the runtime lives, before their advice can call it.
                .assureReadEdgeTo(inst, Redaction.class)
                .ignore(new AgentBuilder.RawMatcher() {
                    @Override
                    public boolean matches(TypeDescription type, ClassLoader loader, JavaModule module,
                                           Class<?> classBeingRedefined, java.security.ProtectionDomain pd) {
                        return !watched.watchesBinary(type.getName());
                    }
                });
        for (TargetInstrumentation t : targets) {
            for (TypeInstrumentation type : t.types()) {
                List<MethodHook> hooks = type.hooks();
                AgentBuilder.Identified.Extendable typeBuilder =
                        builder.type(type.typeMatcher()).transform(hooks.get(0).transformer());
                for (MethodHook hook : hooks.subList(1, hooks.size())) {
                    typeBuilder = typeBuilder.transform(hook.transformer());
                }
                builder = typeBuilder;
            }
        }
        return builder;
    }

    private static void retransformLoaded(Instrumentation inst, WatchedNames watched) {
        List<Class<?>> loaded = new ArrayList<>();
        for (Class<?> c : inst.getAllLoadedClasses()) {
            if (watched.watchesBinary(c.getName()) && inst.isModifiableClass(c)) {
                loaded.add(c);
            }
        }
        for (Class<?> c : loaded) {
            try {
                inst.retransformClasses(c);
            } catch (Throwable e) {
                Diagnostics.warn("could not retransform " + c.getName() + ": " + e);
            }
        }
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
            return new AgentBuilder.Default(new ByteBuddy()
                    // Only the methods a class declares itself are looked at, never the method graph of its
                    // super types: another agent that ran first (OpenTelemetry, Datadog, Elastic, ...) may
                    // have added interfaces it generated at run time and defined without a class file
                    // (OpenTelemetry's VirtualFieldAccessor$...), which no TypePool can resolve. Our advice
                    // only ever goes into declared methods, so the graph is not needed.
                    .with(MethodGraph.Compiler.ForDeclaredMethods.INSTANCE)
                    // validation checks the shape of types Byte Buddy creates; advice changes no signature
                    .with(TypeValidation.DISABLED));
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
