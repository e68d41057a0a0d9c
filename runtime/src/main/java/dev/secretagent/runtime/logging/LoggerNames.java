package dev.secretagent.runtime.logging;

import java.lang.reflect.Method;

/**
 * The logger name of a framework's event object, read reflectively so that the runtime (JDK only,
 * bootstrap loader) needs no framework type and so that an adapter hooking a framework's core module
 * (Logback's {@code OutputStreamAppender<E>} knows only {@code E}) works for every event type: Logback
 * classic events have {@code getLoggerName()}, access events do not (their channel is the framework's name).
 */
public final class LoggerNames {
    private static final Method NONE;

    static {
        try {
            NONE = Object.class.getMethod("hashCode");
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static final ClassValue<Method> GETTER = new ClassValue<Method>() {
        @Override
        protected Method computeValue(Class<?> type) {
            try {
                Method m = type.getMethod("getLoggerName");
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

    private LoggerNames() {
    }

    public static String of(Object event) {
        if (event == null) {
            return null;
        }
        Method m = GETTER.get(event.getClass());
        if (m == NONE) {
            return null;
        }
        try {
            return (String) m.invoke(event);
        } catch (Throwable t) {
            return null;
        }
    }
}
