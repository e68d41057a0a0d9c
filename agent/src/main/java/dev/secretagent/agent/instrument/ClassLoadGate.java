package dev.secretagent.agent.instrument;

import dev.secretagent.runtime.redact.Diagnostics;

import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;

/**
 * The framework targets' one {@link ClassFileTransformer}, registered before main (retransformation-capable), for
 * loading and retransformation alike. A class no target watches costs one name lookup ({@link WatchedNames}) and
 * leaves; a watched class is transformed here, by the {@link FrameworkTransformer} (waiting for it, or preparing
 * it, when it is the first: see {@link Preparation}). So no watched class is ever defined uninstrumented.
 *
 * <p>Never throws: a failure leaves the class unchanged (null) and says so in diagnostics. A watched class loaded
 * while this thread is already transforming one (resolving a type through a loader that is itself loading can
 * come back here) is left unchanged too, as Byte Buddy's {@code CircularityLock} would: re-entering would parse
 * and lock recursively.
 */
final class ClassLoadGate implements ClassFileTransformer {
    private final WatchedNames watched;
    private final Preparation preparation;
    private final ThreadLocal<Boolean> transforming = new ThreadLocal<>();

    ClassLoadGate(WatchedNames watched, Preparation preparation) {
        this.watched = watched;
        this.preparation = preparation;
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String className, Class<?> classBeingRedefined,
                            ProtectionDomain protectionDomain, byte[] classfileBuffer) {
        if (className == null || !watched.watchesInternal(className)) {
            return null;
        }
        String name = className.replace('/', '.');
        if (transforming.get() != null) {
            Diagnostics.warn("could not instrument " + name + ": loaded while another class was being instrumented"
                    + " on the same thread (class circularity)");
            return null;
        }
        transforming.set(Boolean.TRUE);
        try {
            FrameworkTransformer transformer = preparation.forClass(name);
            return transformer == null ? null
                    : transformer.transform(module, loader, name, classBeingRedefined != null, classfileBuffer);
        } catch (Throwable e) {
            Diagnostics.warn("could not instrument " + name + ": " + e);
            return null;
        } finally {
            transforming.remove();
        }
    }

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
                            ProtectionDomain protectionDomain, byte[] classfileBuffer) {
        return transform(null, loader, className, classBeingRedefined, protectionDomain, classfileBuffer);
    }
}
