package dev.secretagent.runtime.http;

import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.HashMap;
import java.util.Map;

/**
 * A map from objects, by identity, that does not keep them alive. The keys are a client's connection
 * objects (a wire logger, a session): their classes may define equals/hashCode however they like, and
 * the state must go when the connection is collected.
 */
public final class WeakIdentityMap<V> {
    private final ReferenceQueue<Object> queue = new ReferenceQueue<Object>();
    private final Map<Key, V> map = new HashMap<Key, V>();

    /** The value for {@code owner}, created by {@code factory} on first use. */
    public synchronized V computeIfAbsent(Object owner, Factory<V> factory) {
        expunge();
        Key probe = new Key(owner, null);
        V v = map.get(probe);
        if (v == null) {
            v = factory.create();
            map.put(new Key(owner, queue), v);
        }
        return v;
    }

    /** The value for {@code owner}, or null. */
    public synchronized V get(Object owner) {
        expunge();
        return map.get(new Key(owner, null));
    }

    /** Sets the value for {@code owner}. */
    public synchronized void put(Object owner, V value) {
        expunge();
        Key probe = new Key(owner, null);
        if (map.containsKey(probe)) {
            map.put(probe, value); // the existing weak key stays (HashMap keeps the first key object)
        } else {
            map.put(new Key(owner, queue), value);
        }
    }

    public synchronized V remove(Object owner) {
        expunge();
        return map.remove(new Key(owner, null));
    }

    public synchronized int size() {
        expunge();
        return map.size();
    }

    private void expunge() {
        Reference<?> r;
        while ((r = queue.poll()) != null) {
            map.remove(r);
        }
    }

    public interface Factory<V> {
        V create();
    }

    private static final class Key extends WeakReference<Object> {
        private final int hash;

        Key(Object referent, ReferenceQueue<Object> q) {
            super(referent, q);
            hash = System.identityHashCode(referent);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            if (o == this) {
                return true;
            }
            if (!(o instanceof Key)) {
                return false;
            }
            Object mine = get();
            return mine != null && mine == ((Key) o).get();
        }
    }
}
