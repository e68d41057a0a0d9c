package dev.secretagent.agent.instrument;

import dev.secretagent.agent.bootstrap.RuntimeInjector;
import dev.secretagent.runtime.redact.Diagnostics;

import java.lang.instrument.Instrumentation;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The {@link FrameworkTransformer}, built once by whoever needs it first: the first watched class to load (its
 * thread prepares it; another watched class arriving meanwhile waits), or the late-attach path. Building it reads
 * which target watches which name; each target's declarations are read when the first class it watches arrives,
 * each advice is parsed when a class first needs it.
 */
final class Preparation {
    /** Far longer than preparing ever takes; only a deadlock we did not foresee would reach it. */
    private static final long MAX_WAIT_SECONDS = 30;

    private final Instrumentation inst;
    private final List<TargetInstrumentation> targets;
    /** Null: every target's names are read from its declarations. */
    private final Map<String, List<String>> watchedByTarget;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile FrameworkTransformer transformer;
    private volatile boolean failed;

    Preparation(Instrumentation inst, List<TargetInstrumentation> targets) {
        this(inst, targets, null);
    }

    /** {@code watchedByTarget}: target name → its watched names (see {@link FrameworkTransformer}), for every target. */
    Preparation(Instrumentation inst, List<TargetInstrumentation> targets, Map<String, List<String>> watchedByTarget) {
        this.inst = inst;
        this.targets = targets;
        this.watchedByTarget = watchedByTarget;
    }

    /** For a watched class: the transformer, or null (then the class loads as it is; said in diagnostics). */
    FrameworkTransformer forClass(String className) {
        FrameworkTransformer t = transformer;
        if (t != null || failed) {
            return t;
        }
        long t0 = System.nanoTime();
        try {
            if (!lock.tryLock(MAX_WAIT_SECONDS, TimeUnit.SECONDS)) {
                Diagnostics.error("instrumentation not ready after " + MAX_WAIT_SECONDS + " s; " + className
                        + " loads without it and will be retransformed when it is");
                return null;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
        try {
            return prepare();
        } finally {
            lock.unlock();
            // how long the application's thread waited or prepared (the start-up bench's profile)
            Diagnostics.debug(className + " waited " + (System.nanoTime() - t0) / 1_000_000
                    + " ms for the framework instrumentation");
        }
    }

    /** Prepares now on the calling thread. */
    FrameworkTransformer prepareNow() {
        lock.lock();
        try {
            return prepare();
        } finally {
            lock.unlock();
        }
    }

    private FrameworkTransformer prepare() {
        if (transformer != null || failed) {
            return transformer;
        }
        long t0 = System.nanoTime();
        try {
            // the framework doors, before any target's declarations or advice (which name them) are loaded, and
            // before any class that calls them is transformed; once (see RuntimeInjector.LATE_BUNDLE)
            RuntimeInjector.defineLatePart();
            transformer = watchedByTarget == null ? new FrameworkTransformer(inst, targets)
                    : new FrameworkTransformer(inst, targets, watchedByTarget);
            Diagnostics.debug("framework instrumentation ready in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        } catch (Throwable e) {
            failed = true;
            Diagnostics.error("framework instrumentation failed; logging frameworks are not hooked", e);
        }
        return transformer;
    }
}
