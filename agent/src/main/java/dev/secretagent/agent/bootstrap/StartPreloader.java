package dev.secretagent.agent.bootstrap;

import net.bytebuddy.jar.asm.ClassReader;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Loads, on a short-lived daemon thread, classes the premain thread is about to need, so that loading them overlaps
 * the premain's own work instead of adding to it: first the ASM classes the java.lang hooks are written with (loaded
 * from the agent jar and verified: ~30 ms of interpreted work before main), which need nothing of the runtime and so
 * start before the runtime is defined, overlapping that; then, once {@link #runtimeDefined} says the runtime is in
 * the bootstrap loader, the built-in detector table (its rows are built in its static initialiser: ~13 ms) that the
 * first engine needs. Only class loading and initialisation, which the JVM makes safe from any thread (the thread
 * that needs a class first waits for it or loads it itself); nothing here has an effect the premain thread would not
 * have had. Any failure is ignored: the class is then loaded where it is first used, as it was before.
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

    private StartPreloader() {
    }

    /** Starts the thread; null when it cannot (the premain thread then loads everything itself). */
    static StartPreloader start() {
        try {
            StartPreloader p = new StartPreloader();
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
