package dev.secretagent.agent.instrument;

import dev.secretagent.runtime.redact.Diagnostics;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.IllegalClassFormatException;
import java.security.ProtectionDomain;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The only transformer the framework targets register. Until Byte Buddy is ready, a watched class
 * waits here instead of loading uninstrumented; afterwards every watched class goes to Byte Buddy's
 * transformer (loading and retransformation alike). Every other class costs a name lookup ({@link WatchedNames}).
 */
final class ClassLoadGate implements ClassFileTransformer {
    /** Far longer than set-up ever takes; only a deadlock we did not foresee would reach it. */
    private static final long MAX_WAIT_SECONDS = 30;

    private final WatchedNames watched;
    private final CountDownLatch ready = new CountDownLatch(1);
    private volatile ClassFileTransformer delegate;

    ClassLoadGate(WatchedNames watched) {
        this.watched = watched;
    }

    void open(ClassFileTransformer transformer) {
        delegate = transformer;
        ready.countDown();
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String className, Class<?> classBeingRedefined,
                            ProtectionDomain protectionDomain, byte[] classfileBuffer) throws IllegalClassFormatException {
        ClassFileTransformer target = awaitDelegate(className);
        return target == null ? null
                : target.transform(module, loader, className, classBeingRedefined, protectionDomain, classfileBuffer);
    }

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
                            ProtectionDomain protectionDomain, byte[] classfileBuffer) throws IllegalClassFormatException {
        ClassFileTransformer target = awaitDelegate(className);
        return target == null ? null
                : target.transform(loader, className, classBeingRedefined, protectionDomain, classfileBuffer);
    }

    private ClassFileTransformer awaitDelegate(String className) {
        if (className == null || !watched.watchesInternal(className)) {
            return null;
        }
        ClassFileTransformer d = delegate;
        if (d != null) {
            return d;
        }
        long t0 = System.nanoTime();
        try {
            if (!ready.await(MAX_WAIT_SECONDS, TimeUnit.SECONDS)) {
                Diagnostics.error("instrumentation not ready after " + MAX_WAIT_SECONDS + " s; " + className
                        + " loads without it and will be retransformed when it is");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // how long the application's thread waited for the background build (the start-up bench's profile)
        Diagnostics.debug(className + " waited " + (System.nanoTime() - t0) / 1_000_000
                + " ms for the framework instrumentation");
        return delegate;
    }
}
