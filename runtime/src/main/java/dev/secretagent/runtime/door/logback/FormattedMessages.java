package dev.secretagent.runtime.door.logback;

import java.lang.reflect.Method;

/**
 * An event's formatted message ({@code getFormattedMessage()}), read reflectively: the runtime knows no Logback type
 * and the byte hook sits in logback-core, which knows only {@code E}. Logback computes the message for the layout
 * and keeps it in the event, so at {@code writeBytes} this is a field read behind a call.
 */
final class FormattedMessages {
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
                Method m = type.getMethod("getFormattedMessage");
                if (m.getReturnType() != String.class) {
                    return NONE;
                }
                m.setAccessible(true); // a public method of a non-public class
                return m;
            } catch (Throwable t) {
                return NONE;
            }
        }
    };

    private FormattedMessages() {
    }

    /** The event's formatted message, or null when it has none (an access event) or it cannot be read. */
    static String of(Object event) {
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
