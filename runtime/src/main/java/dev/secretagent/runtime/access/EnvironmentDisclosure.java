package dev.secretagent.runtime.access;

import dev.secretagent.runtime.AccessGuard;
import dev.secretagent.runtime.secret.EnvironmentOverlay;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One hand-out of every value of an environment map at once (iteration, values, toString, containsValue,
 * copying): the System.getenv() view and a ProcessBuilder's environment take this one path, so both
 * record the same {@code dump} line and leave out the same denied entries.
 */
final class EnvironmentDisclosure {
    private EnvironmentDisclosure() {
    }

    /**
     * The entries of {@code all} the caller may see (a new map when some are withheld, else {@code all}
     * itself); records one {@code dump} line for the secrets disclosed and one failure line for those denied.
     */
    static Map<String, String> visible(Map<String, String> all) {
        if (AccessGuard.inside()) {
            return all;
        }
        AccessGuard.enter();
        try {
            List<String> secrets = new ArrayList<String>();
            Map<String, String> overlay = EnvironmentOverlay.all();
            for (Map.Entry<String, String> e : all.entrySet()) {
                if (e.getValue() != null && (overlay.containsKey(e.getKey()) || SecretNames.isSecret(e.getKey()))) {
                    secrets.add(e.getKey());
                }
            }
            if (secrets.isEmpty()) {
                return all;
            }
            CallerIdentity caller = Callers.find();
            if (caller == Callers.AGENT) {
                return all;
            }
            Collections.sort(secrets);
            List<String> withheld = SecretAccess.recordBulk("dump", "env", secrets, caller, true);
            if (withheld.isEmpty()) {
                return all;
            }
            Map<String, String> visible = new LinkedHashMap<String, String>(all);
            for (String name : withheld) {
                visible.remove(name);
            }
            return visible;
        } finally {
            AccessGuard.exit();
        }
    }
}
