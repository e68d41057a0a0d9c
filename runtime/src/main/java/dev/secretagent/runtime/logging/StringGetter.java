package dev.secretagent.runtime.logging;

import java.lang.reflect.Method;

/**
 * A public no-argument method returning a String (an event's {@code getLoggerName()}, {@code getFormattedMessage()}),
 * found once per class and called reflectively, so that the runtime (JDK only, bootstrap loader) needs no framework
 * type and an adapter hooking a framework's core module (Logback's {@code OutputStreamAppender<E>} knows only
 * {@code E}) works for every event type. A class without it answers null.
 */
public final class StringGetter {
    private static final Method NONE;

    static {
        try {
            NONE = Object.class.getMethod("hashCode");
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final ClassValue<Method> methods;

    public StringGetter(final String name) {
        this.methods = new ClassValue<Method>() {
            @Override
            protected Method computeValue(Class<?> type) {
                try {
                    Method m = type.getMethod(name);
                    if (m.getReturnType() != String.class) {
                        return NONE;
                    }
                    m.setAccessible(true); // a public method of a non-public class (an anonymous or private event)
                    return m;
                } catch (Throwable t) {
                    return NONE;
                }
            }
        };
    }

    /** What the method returns for {@code target}; null for a null target, a class without it, or a failure. */
    public String of(Object target) {
        if (target == null) {
            return null;
        }
        Method m = methods.get(target.getClass());
        if (m == NONE) {
            return null;
        }
        try {
            return (String) m.invoke(target);
        } catch (Throwable t) {
            return null;
        }
    }
}
