package dev.secretagent.agent.instrument;

import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.pool.TypePool;

import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * One Byte Buddy {@link TypePool} per class loader, weakly keyed, each with a bounded cache (the shape of the
 * OpenTelemetry agent's {@code AgentCachingPoolStrategy}): a class's super types and the types in its method
 * signatures are parsed once per loader, not once per instrumented class.
 *
 * <p>Nothing in a pool holds its loader strongly ({@link ClassFileLocator.ForClassLoader.WeaklyReferenced}), or
 * the weak key would never clear. The class being transformed is not yet loadable: its bytes are found through
 * {@link #describe}, which offers them to the pool for the one call (a thread-local, read only by this locator).
 */
final class TypePools {
    /** Types per loader kept parsed; a watched class needs itself, its super types and a few signature types. */
    private static final int TYPES_PER_LOADER = 256;

    private final Map<ClassLoader, TypePool> pools = Collections.synchronizedMap(new WeakHashMap<ClassLoader, TypePool>());
    private final TypePool bootPool = pool(ClassFileLocator.ForClassLoader.ofBootLoader());
    private final ThreadLocal<Transformed> current = new ThreadLocal<>();

    /** {@code binaryName} (whose class file is {@code bytes}, possibly not yet defined) as seen from {@code loader}. */
    TypePool.Resolution describe(ClassLoader loader, String binaryName, byte[] bytes) {
        TypePool pool = poolOf(loader);
        current.set(new Transformed(binaryName, bytes));
        try {
            TypePool.Resolution r = pool.describe(binaryName);
            // a class with no class file of its own (generated) may sit in the cache as unresolved: read the bytes
            return r.isResolved() ? r : new TypePool.Default(TypePool.CacheProvider.NoOp.INSTANCE,
                    ClassFileLocator.Simple.of(binaryName, bytes), TypePool.Default.ReaderMode.FAST, pool).describe(binaryName);
        } finally {
            current.remove();
        }
    }

    /** The pool of {@code loader} (null: the bootstrap loader). */
    TypePool poolOf(ClassLoader loader) {
        if (loader == null) {
            return bootPool;
        }
        synchronized (pools) {
            TypePool pool = pools.get(loader);
            if (pool == null) {
                pool = pool(ClassFileLocator.ForClassLoader.WeaklyReferenced.of(loader));
                pools.put(loader, pool);
            }
            return pool;
        }
    }

    private TypePool pool(ClassFileLocator loaderLocator) {
        return new TypePool.Default(new BoundedCache(TYPES_PER_LOADER),
                new ClassFileLocator.Compound(new CurrentClass(), loaderLocator), TypePool.Default.ReaderMode.FAST);
    }

    /** The class being transformed on this thread. */
    private static final class Transformed {
        final String name;
        final byte[] bytes;

        Transformed(String name, byte[] bytes) {
            this.name = name;
            this.bytes = bytes;
        }
    }

    /** Finds the class file of the class being transformed on the calling thread, and nothing else. */
    private final class CurrentClass implements ClassFileLocator {
        @Override
        public Resolution locate(String name) {
            Transformed t = current.get();
            return t != null && t.name.equals(name) ? new Resolution.Explicit(t.bytes) : new Resolution.Illegal(name);
        }

        @Override
        public void close() throws IOException {
        }
    }

    /** The least recently used parsed types are dropped beyond {@code capacity}. */
    private static final class BoundedCache implements TypePool.CacheProvider {
        private final Map<String, TypePool.Resolution> entries;

        BoundedCache(final int capacity) {
            entries = new LinkedHashMap<String, TypePool.Resolution>(32, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, TypePool.Resolution> eldest) {
                    return size() > capacity;
                }
            };
        }

        @Override
        public synchronized TypePool.Resolution find(String name) {
            return entries.get(name);
        }

        @Override
        public synchronized TypePool.Resolution register(String name, TypePool.Resolution resolution) {
            TypePool.Resolution previous = entries.get(name);
            if (previous != null) {
                return previous;
            }
            entries.put(name, resolution);
            return resolution;
        }

        @Override
        public synchronized void clear() {
            entries.clear();
        }
    }
}
