package dev.secretagent.runtime.secret;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An immutable view of the known secrets: the live version of each id plus every retired value. */
public final class SecretSnapshot {
    static final SecretSnapshot EMPTY = new SecretSnapshot(0, Collections.<String, Secret>emptyMap(),
            Collections.<Secret>emptyList());

    private final long generation;
    private final Map<String, Secret> liveById;
    private final List<Secret> retired;

    SecretSnapshot(long generation, Map<String, Secret> liveById, List<Secret> retired) {
        this.generation = generation;
        this.liveById = Collections.unmodifiableMap(new LinkedHashMap<String, Secret>(liveById));
        this.retired = Collections.unmodifiableList(new ArrayList<Secret>(retired));
    }

    public long generation() {
        return generation;
    }

    public Map<String, Secret> liveById() {
        return liveById;
    }

    public Secret live(String id) {
        return liveById.get(id);
    }

    public List<Secret> retired() {
        return retired;
    }

    /** Everything the redactor must hide: live and retired values. */
    public List<Secret> allValues() {
        List<Secret> all = new ArrayList<Secret>(liveById.values());
        all.addAll(retired);
        return all;
    }
}
