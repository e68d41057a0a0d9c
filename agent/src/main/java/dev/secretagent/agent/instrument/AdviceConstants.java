package dev.secretagent.agent.instrument;

import net.bytebuddy.asm.Advice;

import java.lang.annotation.Annotation;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Values bound to an advice's custom-annotated parameters ({@code Advice.withCustomMapping().bind(...)}): one
 * advice class serves several methods that differ only in constants. Byte Buddy inlines each value as a
 * constant into the instrumented method, so the advice costs what a hand-written copy per method would.
 * Plain values until {@link #mapping()}, which the advice cache calls when the advice is
 * first needed (see {@link AdviceCache}).
 */
public final class AdviceConstants {
    static final AdviceConstants NONE = new AdviceConstants(Collections.<Class<? extends Annotation>, Object>emptyMap());

    private final Map<Class<? extends Annotation>, Object> values;

    private AdviceConstants(Map<Class<? extends Annotation>, Object> values) {
        this.values = values;
    }

    public static AdviceConstants of() {
        return NONE;
    }

    /** These constants and {@code value} for the parameter annotated with {@code annotation}. */
    public AdviceConstants bind(Class<? extends Annotation> annotation, Object value) {
        Map<Class<? extends Annotation>, Object> more = new LinkedHashMap<>(values);
        more.put(annotation, value);
        return new AdviceConstants(more);
    }

    /** Equal when the same values are bound to the same annotations (the advice cache's key). */
    @Override
    public boolean equals(Object o) {
        return o instanceof AdviceConstants && ((AdviceConstants) o).values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    Advice.WithCustomMapping mapping() {
        Advice.WithCustomMapping mapping = Advice.withCustomMapping();
        for (Map.Entry<Class<? extends Annotation>, Object> e : values.entrySet()) {
            mapping = bind(mapping, e.getKey(), e.getValue());
        }
        return mapping;
    }

    private static <T extends Annotation> Advice.WithCustomMapping bind(Advice.WithCustomMapping mapping,
                                                                        Class<T> annotation, Object value) {
        return mapping.bind(annotation, value);
    }
}
