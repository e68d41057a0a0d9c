package dev.secretagent.agent.instrument;

import net.bytebuddy.asm.Advice;

import java.lang.annotation.Annotation;

/**
 * Values bound to an advice's custom-annotated parameters ({@code Advice.withCustomMapping().bind(...)}): one
 * advice class serves several methods that differ only in constants. Byte Buddy inlines each value as a
 * constant into the instrumented method, so the advice costs what a hand-written copy per method would.
 */
public final class AdviceConstants {
    static final AdviceConstants NONE = new AdviceConstants(Advice.withCustomMapping());

    private final Advice.WithCustomMapping mapping;

    private AdviceConstants(Advice.WithCustomMapping mapping) {
        this.mapping = mapping;
    }

    public static AdviceConstants of() {
        return NONE;
    }

    /** These constants and {@code value} for the parameter annotated with {@code annotation}. */
    public <T extends Annotation> AdviceConstants bind(Class<T> annotation, Object value) {
        return new AdviceConstants(mapping.bind(annotation, value));
    }

    Advice.WithCustomMapping mapping() {
        return mapping;
    }
}
