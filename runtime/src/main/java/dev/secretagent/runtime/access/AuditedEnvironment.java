package dev.secretagent.runtime.access;

import dev.secretagent.runtime.secret.EnvironmentOverlay;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * What System.getenv() returns under the agent: the JDK's unmodifiable map plus the injected
 * overlay, read-only like the original.
 *
 * <ul>
 *   <li>{@code get} of a secret key is a read: audited with its caller, subject to the policy, exactly
 *       like System.getenv(name) (Spring's SystemEnvironmentPropertySource reads this way).</li>
 *   <li>Anything that hands out all values (iterating entries or values, forEach, toString, copying
 *       into another map) is a dump: one audit line per dump naming the secrets it disclosed; in
 *       enforce mode the entries the policy denies the caller are left out.</li>
 *   <li>Keys alone (keySet, containsKey, size) disclose no value and are not audited.</li>
 *   <li>A revoked (withdrawn) name is absent from every view, whatever the real environment holds.</li>
 * </ul>
 */
final class AuditedEnvironment extends AbstractMap<String, String> {
    final Map<String, String> base;

    AuditedEnvironment(Map<String, String> base) {
        this.base = base;
    }

    @Override
    public String get(Object key) {
        String v = base.get(key);
        return key instanceof String ? SecretAccess.onGetenv((String) key, v) : v;
    }

    @Override
    public boolean containsKey(Object key) {
        if (!(key instanceof String)) {
            return base.containsKey(key);
        }
        String name = (String) key;
        return EnvironmentOverlay.lookup(name) != null
                || (base.containsKey(name) && !EnvironmentOverlay.isWithdrawn(name));
    }

    @Override
    public int size() {
        return keys().size();
    }

    @Override
    public boolean isEmpty() {
        return keys().isEmpty();
    }

    @Override
    public Set<String> keySet() {
        return Collections.unmodifiableSet(keys());
    }

    private Set<String> keys() {
        Map<String, String> overlay = EnvironmentOverlay.all();
        Set<String> withdrawn = EnvironmentOverlay.withdrawnNames();
        if (overlay.isEmpty() && withdrawn.isEmpty()) {
            return base.keySet();
        }
        Set<String> k = new LinkedHashSet<String>(base.keySet());
        k.removeAll(withdrawn); // revoked: the real entry (a secret:// reference) must not show through
        k.addAll(overlay.keySet());
        return k;
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
        return new AbstractSet<Entry<String, String>>() {
            @Override
            public Iterator<Entry<String, String>> iterator() {
                return dump().entrySet().iterator();
            }

            @Override
            public int size() {
                return AuditedEnvironment.this.size();
            }

            @Override
            public boolean contains(Object o) {
                // a guessed (name, value) pair confirmed is a value disclosed: as much as a dump shows the caller
                return o instanceof Entry && dump().entrySet().contains(o);
            }
        };
    }

    @Override
    public Collection<String> values() {
        return dump().values();
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super String> action) {
        dump().forEach(action);
    }

    @Override
    public String toString() {
        return dump().toString();
    }

    @Override
    public boolean equals(Object o) {
        return o == this || merged().equals(o);
    }

    @Override
    public int hashCode() {
        return merged().hashCode();
    }

    /** The environment the application sees: the real one, injected names in, revoked names out. */
    private Map<String, String> merged() {
        Map<String, String> overlay = EnvironmentOverlay.all();
        Set<String> withdrawn = EnvironmentOverlay.withdrawnNames();
        if (overlay.isEmpty() && withdrawn.isEmpty()) {
            return base;
        }
        Map<String, String> m = new LinkedHashMap<String, String>(base);
        m.keySet().removeAll(withdrawn);
        m.putAll(overlay);
        return m;
    }

    /** One dump: the caller, one audit line, the entries the caller may see. */
    private Map<String, String> dump() {
        return Collections.unmodifiableMap(EnvironmentDisclosure.visible(merged()));
    }
}
