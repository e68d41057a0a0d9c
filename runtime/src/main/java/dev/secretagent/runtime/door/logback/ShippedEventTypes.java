package dev.secretagent.runtime.door.logback;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.Map;

/**
 * What the shipped-event door needs of Logback's and SLF4J's types, found once per event class through the class
 * loader that loaded it (the runtime, on the bootstrap loader, knows neither): SLF4J's {@code MessageFormatter}, which
 * renders a template with its arguments as the receiver will, and {@code LoggerContextVO}'s accessors and
 * constructor, to ship a context whose properties were redacted.
 */
final class ShippedEventTypes {
    private static final ClassValue<ShippedEventTypes> OF_EVENT = new ClassValue<ShippedEventTypes>() {
        @Override
        protected ShippedEventTypes computeValue(Class<?> type) {
            return new ShippedEventTypes(type.getClassLoader());
        }
    };

    private static final ClassValue<ContextType> OF_CONTEXT = new ClassValue<ContextType>() {
        @Override
        protected ContextType computeValue(Class<?> type) {
            return new ContextType(type);
        }
    };

    /** {@code MessageFormatter.arrayFormat(String, Object[])} and {@code FormattingTuple.getMessage()}; null if absent. */
    private final Method arrayFormat;
    private final Method tupleMessage;

    private ShippedEventTypes(ClassLoader loader) {
        Method format = null;
        Method message = null;
        try {
            Class<?> formatter = Class.forName("org.slf4j.helpers.MessageFormatter", false, loader);
            format = formatter.getMethod("arrayFormat", String.class, Object[].class);
            message = format.getReturnType().getMethod("getMessage");
        } catch (Throwable t) {
            format = null;
        }
        this.arrayFormat = format;
        this.tupleMessage = message;
    }

    static ShippedEventTypes of(Object event) {
        return OF_EVENT.get(event.getClass());
    }

    /** The template rendered with its arguments, as SLF4J renders it. Throws when SLF4J cannot be reached. */
    String render(String template, Object[] arguments) throws Exception {
        if (arrayFormat == null) {
            throw new IllegalStateException("no MessageFormatter beside the event class");
        }
        return (String) tupleMessage.invoke(arrayFormat.invoke(null, template, arguments));
    }

    /** {@code LoggerContextVO}'s property map. */
    @SuppressWarnings("unchecked")
    static Map<String, String> properties(Object context) throws Exception {
        return (Map<String, String>) OF_CONTEXT.get(context.getClass()).properties.invoke(context);
    }

    /** A {@code LoggerContextVO} like {@code context} with {@code properties} instead of its own. */
    static Object withProperties(Object context, Map<String, String> properties) throws Exception {
        ContextType t = OF_CONTEXT.get(context.getClass());
        return t.create.newInstance(t.name.invoke(context), properties, t.birthTime.invoke(context));
    }

    /** LoggerContextVO's accessors and its (name, properties, birth time) constructor. */
    private static final class ContextType {
        final Method properties;
        final Method name;
        final Method birthTime;
        final Constructor<?> create;

        ContextType(Class<?> type) {
            try {
                properties = type.getMethod("getPropertyMap");
                name = type.getMethod("getName");
                birthTime = type.getMethod("getBirthTime");
                create = type.getConstructor(String.class, Map.class, long.class);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("not a LoggerContextVO: " + type.getName(), e);
            }
        }
    }
}
