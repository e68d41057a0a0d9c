package dev.secretagent.agent.instrument;

import net.bytebuddy.asm.Advice;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import net.bytebuddy.pool.TypePool;

import java.util.AbstractMap;
import java.util.HashMap;
import java.util.Map;

/**
 * Every advice class, parsed once per set of constants and reused for every class and class loader it goes into
 * (Byte Buddy's AgentBuilder parses it again for each transformed class). An {@link Advice} is immutable: it keeps
 * the advice's class file and its parsed methods, and inlines them into whatever method it is applied to.
 *
 * <p>Advice is read from the agent's own class loader, and inlined, so it never has to be visible from the
 * application's class loaders; the runtime it calls is on the bootstrap path.
 */
final class AdviceCache {
    private static final ClassLoader AGENT_LOADER = AdviceCache.class.getClassLoader();
    private static final ClassFileLocator AGENT_CLASSES = ClassFileLocator.ForClassLoader.of(AGENT_LOADER);
    private static final TypePool AGENT_TYPES = new TypePool.Default(new TypePool.CacheProvider.Simple(), AGENT_CLASSES,
            TypePool.Default.ReaderMode.FAST);
    /** (advice class, constants) → the parsed advice. */
    private static final Map<Map.Entry<String, AdviceConstants>, Advice> ADVICE = new HashMap<>();

    private AdviceCache() {
    }

    /** {@code adviceClass} (a binary name) with {@code constants} bound to its custom-annotated parameters. */
    static synchronized Advice advice(String adviceClass, AdviceConstants constants) {
        Map.Entry<String, AdviceConstants> key = new AbstractMap.SimpleImmutableEntry<>(adviceClass, constants);
        Advice advice = ADVICE.get(key);
        if (advice == null) {
            // as AgentBuilder's ForAdvice set it: the default assigner, and the suppressing handler for any advice
            // that declares suppress (ours catch everything themselves)
            advice = constants.mapping().to(AGENT_TYPES.describe(adviceClass).resolve(), AGENT_CLASSES)
                    .withAssigner(Assigner.DEFAULT)
                    .withExceptionHandler(Advice.ExceptionHandler.Default.SUPPRESSING);
            ADVICE.put(key, advice);
        }
        return advice;
    }
}
