package dev.secretagent.agent.bootstrap;

import net.bytebuddy.jar.asm.ClassReader;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Loads, on a short-lived daemon thread, classes the premain thread is about to need, so that loading them overlaps
 * the premain's own work instead of adding to it. First it exports jdk.internal.misc to the agent (the JDK's
 * {@code redefineModule} spins lambda classes: 8-10 ms of the premain thread's CPU, measured in docs/performance.md,
 * tenth session) while the premain thread reads the runtime bundle, which waits for it in {@link #awaitExport}; then
 * the ASM classes the java.lang hooks are written with (loaded
 * from the agent jar and verified: ~30 ms of interpreted work before main), which need nothing of the runtime and so
 * start before the runtime is defined, overlapping that; then, once {@link #runtimeDefined} says the runtime is in
 * the bootstrap loader, the built-in detector table (its rows are built in its static initialiser: ~13 ms) that the
 * first engine needs. Only class loading and initialisation, which the JVM makes safe from any thread (the thread
 * that needs a class first waits for it or loads it itself); nothing here has an effect the premain thread would not
 * have had. Any failure is ignored: the class is then loaded where it is first used, as it was before (and a failed
 * or late export is done again by the premain thread).
 */
final class StartPreloader implements Runnable {
    /** Simple names in ASM's package, in the order the hooks' rewrite loads them. */
    private static final String[] ASM = {"ClassVisitor", "ClassWriter", "ClassReader", "FieldVisitor", "FieldWriter",
        "AnnotationVisitor", "AnnotationWriter", "MethodVisitor", "MethodWriter", "ModuleVisitor", "ModuleWriter",
        "RecordComponentVisitor", "RecordComponentWriter", "SymbolTable", "Symbol", "SymbolTable$Entry", "ByteVector",
        "Handle", "Type", "Attribute", "Context", "Frame", "CurrentFrame", "Label", "Handler", "Opcodes"};
    /** Runtime classes (bootstrap loader) whose static initialiser does real work. */
    private static final String[] RUNTIME = {"dev.secretagent.runtime.redact.DetectorTable"};
    /** Long enough for any start; should the premain fail before the runtime is defined, the thread just ends. */
    private static final long RUNTIME_WAIT_SECONDS = 30;

    private final CountDownLatch runtime = new CountDownLatch(1);
    private final CountDownLatch exported = new CountDownLatch(1);
    private final java.lang.instrument.Instrumentation inst;
    private volatile boolean exportedOk;

    private StartPreloader(java.lang.instrument.Instrumentation inst) {
        this.inst = inst;
    }

    /**
     * True once this thread has exported jdk.internal.misc to the agent (RuntimeInjector.exportUnsafe), which it does
     * first, while the premain thread reads the runtime bundle; false if that failed or took too long (the caller
     * then exports itself).
     */
    boolean awaitExport() {
        try {
            return exported.await(RUNTIME_WAIT_SECONDS, TimeUnit.SECONDS) && exportedOk;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Starts the thread; null when it cannot (the premain thread then loads everything itself). */
    static StartPreloader start(java.lang.instrument.Instrumentation inst) {
        try {
            StartPreloader p = new StartPreloader(inst);
            Thread t = new Thread(p, "secret-agent-preload");
            t.setDaemon(true);
            t.start();
            return p;
        } catch (Throwable ignored) {
            return null;
        }
    }

    /** The runtime classes can be loaded from the bootstrap loader now. */
    void runtimeDefined() {
        runtime.countDown();
    }

    @Override
    public void run() {
        try {
            exportedOk = RuntimeInjector.exportUnsafe(inst);
        } finally {
            exported.countDown();
        }
        // the relocated package (the shade step renames it), taken from a class reference the shade step rewrites
        String pkg = ClassReader.class.getName().substring(0, ClassReader.class.getName().lastIndexOf('.') + 1);
        ClassLoader agent = StartPreloader.class.getClassLoader();
        for (String name : ASM) {
            load(pkg + name, agent);
        }
        try {
            if (!runtime.await(RUNTIME_WAIT_SECONDS, TimeUnit.SECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            return;
        }
        for (String name : RUNTIME) {
            load(name, null);
        }
    }

    private static void load(String name, ClassLoader loader) {
        try {
            Class.forName(name, true, loader);
        } catch (Throwable ignored) {
            // not there (another ASM version): the premain thread loads what it needs
        }
    }
}
