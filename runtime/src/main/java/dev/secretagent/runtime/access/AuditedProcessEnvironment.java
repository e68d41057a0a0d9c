package dev.secretagent.runtime.access;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * What ProcessBuilder.environment() returns under the agent: the builder's own map (the child's future
 * environment, which the application may change), with every read of a value going through the same
 * policy and audit as System.getenv.
 *
 * <ul>
 *   <li>Writes (put, remove, clear, keySet removal, entry setValue, iterator remove) go straight to the
 *       builder's map: the child gets what the application set.</li>
 *   <li>{@code get} of a secret name is a {@code read}; a denied caller gets null (enforce mode).</li>
 *   <li>Iteration of entries or values, toString, containsValue, forEach, copying: one {@code dump} line;
 *       entries the policy denies the caller are left out of what it sees (they stay in the builder's
 *       map: whether the child gets them is decided, and audited, when the process starts).</li>
 *   <li>Keys alone disclose no value and are not audited.</li>
 * </ul>
 */
final class AuditedProcessEnvironment extends AbstractMap<String, String> {
    final Map<String, String> base;

    AuditedProcessEnvironment(Map<String, String> base) {
        this.base = base;
    }

    @Override
    public String get(Object key) {
        String v = base.get(key);
        return key instanceof String ? SecretAccess.onEnvironmentValue((String) key, v) : v;
    }

    @Override
    public boolean containsKey(Object key) {
        return base.containsKey(key);
    }

    @Override
    public String put(String key, String value) {
        String previous = previous(key);
        base.put(key, value);
        return previous;
    }

    @Override
    public String remove(Object key) {
        String previous = previous(key);
        base.remove(key);
        return previous;
    }

    /**
     * The value put/remove return is a disclosure too: handed out only as a get would. The write itself is
     * the application's to make, so a denial in deny.action=throw mode gives null here instead of stopping it.
     */
    private String previous(Object key) {
        try {
            return get(key);
        } catch (SecurityException denied) {
            return null;
        }
    }

    @Override
    public void putAll(Map<? extends String, ? extends String> m) {
        base.putAll(m);
    }

    @Override
    public void clear() {
        base.clear();
    }

    @Override
    public int size() {
        return base.size();
    }

    @Override
    public boolean isEmpty() {
        return base.isEmpty();
    }

    @Override
    public Set<String> keySet() {
        return base.keySet();
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
        return new AbstractSet<Entry<String, String>>() {
            @Override
            public Iterator<Entry<String, String>> iterator() {
                final Iterator<Entry<String, String>> visible = EnvironmentDisclosure.visible(base).entrySet().iterator();
                return new Iterator<Entry<String, String>>() {
                    private Entry<String, String> last;

                    @Override
                    public boolean hasNext() {
                        return visible.hasNext();
                    }

                    @Override
                    public Entry<String, String> next() {
                        last = new WriteThroughEntry(visible.next());
                        return last;
                    }

                    @Override
                    public void remove() {
                        if (last == null) {
                            throw new IllegalStateException();
                        }
                        base.remove(last.getKey());
                        last = null;
                    }
                };
            }

            @Override
            public int size() {
                return base.size();
            }

            @Override
            public boolean remove(Object o) {
                return o instanceof Entry && base.entrySet().remove(o);
            }

            @Override
            public void clear() {
                base.clear();
            }
        };
    }

    @Override
    public Collection<String> values() {
        return super.values(); // over entrySet(): one dump per iteration
    }

    @Override
    public boolean equals(Object o) {
        return o == this || base.equals(o);
    }

    @Override
    public int hashCode() {
        return base.hashCode();
    }

    /** An entry of one dump whose setValue changes the builder's map, as the JDK's entries do. */
    private final class WriteThroughEntry extends SimpleEntry<String, String> {
        private static final long serialVersionUID = 1L;

        WriteThroughEntry(Entry<String, String> e) {
            super(e);
        }

        @Override
        public String setValue(String value) {
            base.put(getKey(), value);
            return super.setValue(value);
        }
    }
}
