package dev.secretagent.agent;

import net.bytebuddy.jar.asm.ClassReader;

/**
 * Loads, on a short-lived daemon thread, classes the premain thread is about to need, so that loading them overlaps
 * the configuration and runtime start instead of adding to them: the ASM classes the java.lang hooks are written
 * with (loaded from the agent jar and verified: ~30 ms of interpreted work before main) and the built-in detector
 * table (its rows are built in its static initialiser: ~13 ms). Only class loading and initialisation, which the JVM
 * makes safe from any thread (the premain thread that needs a class first waits for it or loads it itself); nothing
 * here has an effect the premain thread would not have had. Any failure is ignored: the premain thread then loads
 * the class itself, as it did before.
 */
final class StartPreloader implements Runnable {
    /** Simple names in ASM's package, in the order the hooks' rewrite loads them. */
    private static final String[] ASM = {"ClassVisitor", "ClassWriter", "ClassReader", "FieldVisitor", "FieldWriter",
        "AnnotationVisitor", "AnnotationWriter", "MethodVisitor", "MethodWriter", "ModuleVisitor", "ModuleWriter",
        "RecordComponentVisitor", "RecordComponentWriter", "SymbolTable", "Symbol", "SymbolTable$Entry", "ByteVector",
        "Handle", "Type", "Attribute", "Context", "Frame", "CurrentFrame", "Label", "Handler", "Opcodes"};
    /** Runtime classes (bootstrap loader) whose static initialiser does real work. */
    private static final String[] RUNTIME = {"dev.secretagent.runtime.redact.DetectorTable"};

    private StartPreloader() {
    }

    static void start() {
        try {
            Thread t = new Thread(new StartPreloader(), "secret-agent-preload");
            t.setDaemon(true);
            t.start();
        } catch (Throwable ignored) {
            // no thread: the premain thread loads everything itself
        }
    }

    @Override
    public void run() {
        // the relocated package (the shaded jar renames it), taken from a class reference the shade step rewrites
        String pkg = ClassReader.class.getName().substring(0, ClassReader.class.getName().lastIndexOf('.') + 1);
        ClassLoader agent = StartPreloader.class.getClassLoader();
        for (String name : ASM) {
            load(pkg + name, agent);
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
